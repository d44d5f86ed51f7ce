// The skill-level wage's manual monthly figures (a badly shaped code says v.wage.code, of the schemes' messages).
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({
  'v.wage.manualValue': { 'zh-CN': '数值应在 −1,000,000 至 1,000,000 之间，最多两位小数', en: 'The figure must be from −1,000,000 to 1,000,000, with at most two decimals' },
  'err.wage.manualNotFound': { 'zh-CN': '找不到该手工录入数值', en: 'Manual figure not found' },
});
