// Attachments.
import { defineMessages } from '../kernel/i18n';

export const messages = defineMessages({
  'v.photo': { 'zh-CN': '只接受 JPEG、PNG、WebP 图片，单张不超过 10 MB', en: 'Only JPEG, PNG or WebP images up to 10 MB' },
});
