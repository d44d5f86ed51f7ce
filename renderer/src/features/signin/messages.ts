// UI strings of the signin feature. A part of the one message catalog (shared/kernel/i18n).
import { defineMessages } from '../../../../shared/kernel/i18n';

export const messages = defineMessages({
  'signin.title': { 'zh-CN': '选择操作员', en: 'Who is working?' },
  'signin.hint': { 'zh-CN': '请选择当前使用本机的人员', en: 'Pick the person using this computer' },
  'signin.pin': { 'zh-CN': 'PIN', en: 'PIN' },
  'signin.submit': { 'zh-CN': '登录', en: 'Sign in' },
  'signin.admin': { 'zh-CN': '管理员', en: 'Administrator' },
  'signin.noOperators': { 'zh-CN': '没有可用的操作员', en: 'No operators available' },
});
