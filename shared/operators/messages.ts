// Operators.
import { defineMessages } from '../kernel/i18n';

export const messages = defineMessages({
  'v.pin': { 'zh-CN': 'PIN 为 4–12 位数字', en: 'PIN must be 4–12 digits' },
});
