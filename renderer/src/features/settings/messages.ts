// UI strings of the settings feature. A part of the one message catalog (shared/kernel/i18n).
import { defineMessages } from '../../../../shared/kernel/i18n';

export const messages = defineMessages({
  'settings.title': { 'zh-CN': '隐患规则设置', en: 'Hazard rules' },
  'settings.thresholds': { 'zh-CN': 'LEC 风险分级阈值（D 值）', en: 'LEC risk thresholds (D)' },
  'settings.red': { 'zh-CN': '重大风险（红）D >', en: 'Major (red) D >' },
  'settings.orange': { 'zh-CN': '较大风险（橙）D >', en: 'Significant (orange) D >' },
  'settings.yellow': { 'zh-CN': '一般风险（黄）D ≥', en: 'Moderate (yellow) D ≥' },
  'settings.responseDays': { 'zh-CN': '上报后确认并落实整改的期限（天）', en: 'Days to confirm and assign after reporting' },
  'settings.acceptDays': { 'zh-CN': '提交后完成验收的期限（天）', en: 'Days to accept after submission' },
  'settings.dueSoonDays': { 'zh-CN': '“即将到期”提醒提前（天）', en: '"Due soon" warning (days ahead)' },
  'settings.adminOnly': { 'zh-CN': '只有管理员可以修改规则', en: 'Only administrators can change the rules' },
});
