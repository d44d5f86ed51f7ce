// Common validation messages (used by every module's schemas).
import { defineMessages } from '../kernel/i18n';

export const messages = defineMessages({
  'v.required': { 'zh-CN': '必填', en: 'Required' },
  'v.tooLong': { 'zh-CN': '内容过长', en: 'Too long' },
  'v.invalid': { 'zh-CN': '格式不正确', en: 'Invalid value' },
  'v.date': { 'zh-CN': '日期格式应为 YYYY-MM-DD', en: 'Date must be YYYY-MM-DD' },
  'v.futureDate': { 'zh-CN': '日期不能晚于今天', en: 'Date cannot be in the future' },
  'v.duplicate': { 'zh-CN': '重复', en: 'Duplicate' },
  'v.bool': { 'zh-CN': '应为 是 或 否', en: 'Must be yes or no' },
});
