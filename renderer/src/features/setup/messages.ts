// UI strings of the setup feature. A part of the one message catalog (shared/kernel/i18n).
import { defineMessages } from '../../../../shared/kernel/i18n';

export const messages = defineMessages({
  'setup.title': { 'zh-CN': '首次使用：创建企业档案和第一位操作员', en: 'First run: create the enterprise and the first operator' },
  'setup.step.enterprise': { 'zh-CN': '企业档案', en: 'Enterprise' },
  'setup.step.operator': { 'zh-CN': '第一位操作员', en: 'First operator' },
  'setup.operatorHint': { 'zh-CN': '操作员是担任安全职责的职工。第一位操作员为管理员，可以添加其他操作员。', en: 'Operators are workers with a committee role. The first one is an administrator and can add others.' },
  'setup.pin': { 'zh-CN': 'PIN（可选，4–12 位数字）', en: 'PIN (optional, 4–12 digits)' },
  'setup.pinHint': { 'zh-CN': '设置 PIN 后，登录时需要输入。', en: 'With a PIN set, signing in asks for it.' },
  'setup.finish': { 'zh-CN': '完成并进入', en: 'Finish' },
});
