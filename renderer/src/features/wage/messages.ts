// UI strings of the skill-level wage page: the page's own, then one part per area (a key defined twice throws at load).
import { defineMessages, mergeMessages } from '../../../../shared/kernel/i18n';
import { messages as records } from './records/messages';
import { messages as schemes } from './schemes/messages';
import { messages as runs } from './runs/messages';
import { messages as whatif } from './whatif/messages';

const page = defineMessages({
  'nav.wage': { 'zh-CN': '能级工资', en: 'Wages' },
  'wage.page.tabs': { 'zh-CN': '能级工资', en: 'Skill-level wage' },
  'wage.way.label': { 'zh-CN': '流程', en: 'The way through' },
  'wage.way.done': { 'zh-CN': '已完成', en: 'done' },
  'wage.way.next': { 'zh-CN': '下一步', en: 'next' },
  'wage.way.roster': { 'zh-CN': '花名册', en: 'roster' },
  'wage.way.records': { 'zh-CN': '记录', en: 'records' },
  'wage.way.scheme': { 'zh-CN': '方案', en: 'scheme' },
  'wage.way.congress': { 'zh-CN': '职代会通过', en: 'congress adopts' },
  'wage.way.effective': { 'zh-CN': '生效', en: 'in force' },
  'wage.way.run': { 'zh-CN': '月度核算', en: 'monthly run' },
  'wage.way.approved': { 'zh-CN': '审批', en: 'approval' },
  'wage.way.paid': { 'zh-CN': '发放', en: 'payroll' },
});

export const messages = mergeMessages([page, records, schemes, runs, whatif]);
