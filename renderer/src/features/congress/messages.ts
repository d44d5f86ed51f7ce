// UI strings of the workers' congress page: the page's own, then one part per area (a key defined twice throws at load).
import { defineMessages, mergeMessages } from '../../../../shared/kernel/i18n';
import { messages as reps } from './reps/messages';
import { messages as sessions } from './sessions/messages';
import { messages as proposals } from './proposals/messages';

const page = defineMessages({
  'nav.congress': { 'zh-CN': '职代会', en: 'Congress' },
  'congress.page.tabs': { 'zh-CN': '职代会', en: "Workers' congress" },
});

export const messages = mergeMessages([page, reps, sessions, proposals]);
