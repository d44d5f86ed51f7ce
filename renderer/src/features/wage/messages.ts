// UI strings of the skill-level wage page: the page's own, then one part per area (a key defined twice throws at load).
import { defineMessages, mergeMessages } from '../../../../shared/kernel/i18n';
import { messages as records } from './records/messages';
import { messages as schemes } from './schemes/messages';
import { messages as runs } from './runs/messages';
import { messages as whatif } from './whatif/messages';

const page = defineMessages({
  'nav.wage': { 'zh-CN': '能级工资', en: 'Skill-level wage' },
  'wage.page.tabs': { 'zh-CN': '能级工资', en: 'Skill-level wage' },
});

export const messages = mergeMessages([page, records, schemes, runs, whatif]);
