// UI strings of the enterprise feature. A part of the one message catalog (shared/kernel/i18n).
import { defineMessages } from '../../../../shared/kernel/i18n';

export const messages = defineMessages({
  'enterprise.title': { 'zh-CN': '企业档案', en: 'Enterprise profile' },
});
