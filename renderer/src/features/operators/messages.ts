// UI strings of the operators feature. A part of the one message catalog (shared/kernel/i18n).
import { defineMessages } from '../../../../shared/kernel/i18n';

export const messages = defineMessages({
  'operators.title': { 'zh-CN': '操作员', en: 'Operators' },
  'operators.add': { 'zh-CN': '添加操作员', en: 'Add operator' },
  'operators.worker': { 'zh-CN': '职工（须担任安全职责）', en: 'Worker (must hold a committee role)' },
  'operators.isAdmin': { 'zh-CN': '管理员', en: 'Administrator' },
  'operators.setPin': { 'zh-CN': '设置 PIN', en: 'Set PIN' },
  'operators.clearPin': { 'zh-CN': '清除 PIN', en: 'Clear PIN' },
  'operators.hasPin': { 'zh-CN': '已设 PIN', en: 'PIN set' },
  'operators.noPin': { 'zh-CN': '未设 PIN', en: 'No PIN' },
  'operators.lastSignIn': { 'zh-CN': '最近登录', en: 'Last sign-in' },
  'operators.remove': { 'zh-CN': '移除', en: 'Remove' },
  'operators.confirmRemove': { 'zh-CN': '移除操作员 {name}？', en: 'Remove operator {name}?' },
});
