// Operators.
import { defineMessages } from '../kernel/i18n';

export const messages = defineMessages({
  'v.pin': { 'zh-CN': 'PIN 为 4–12 位数字', en: 'PIN must be 4–12 digits' },
  'err.operator.notFound': { 'zh-CN': '找不到该操作员', en: 'Operator not found' },
  'err.operator.noRole': { 'zh-CN': '{name} 未担任任何安全职责，不能作为操作员', en: '{name} holds no committee role and cannot be an operator' },
  'err.operator.left': { 'zh-CN': '{name} 已离职，不能作为操作员', en: '{name} has left and cannot be an operator' },
  'err.operator.exists': { 'zh-CN': '{name} 已经是操作员', en: '{name} is already an operator' },
  'err.operator.ownPinOnly': { 'zh-CN': '只能修改自己的 PIN', en: 'You can only change your own PIN' },
  'err.operator.removeSelf': { 'zh-CN': '不能移除当前登录的操作员', en: 'You cannot remove the operator who is signed in' },
  'err.operator.lastAdmin': { 'zh-CN': '至少需要保留一名管理员', en: 'At least one administrator must remain' },
  'err.pin.locked': { 'zh-CN': 'PIN 错误次数过多，已锁定至 {time}（约 {minutes} 分钟后可再试）', en: 'Too many wrong PINs; locked until {time} (try again in about {minutes} min)' },
  'err.pin.wrong': { 'zh-CN': 'PIN 不正确，再错 {left} 次将暂时锁定', en: 'Wrong PIN; {left} more wrong and sign-in is locked for a while' },
});
