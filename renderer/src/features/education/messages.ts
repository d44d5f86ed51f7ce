// UI strings of the education page: the page's own, then one part per area (a key defined twice throws at load).
import { defineMessages, mergeMessages } from '../../../../shared/kernel/i18n';
import { messages as activities } from './activities/messages';
import { messages as hours } from './hours/messages';
import { messages as walls } from './walls/messages';

const page = defineMessages({
  'nav.education': { 'zh-CN': '教育与文化墙', en: 'Education' },
  'education.page.tabs': { 'zh-CN': '教育与文化墙', en: 'Education & culture' },
});

export const messages = mergeMessages([page, activities, hours, walls]);
