// Organisation terms.
import { defineMessages } from '../kernel/i18n';

export const messages = defineMessages({
  'org.enterprise': { 'zh-CN': '企业', en: 'Enterprise' },
  'org.workshop': { 'zh-CN': '车间', en: 'Workshop' },
  'org.team': { 'zh-CN': '班组', en: 'Team' },
});
