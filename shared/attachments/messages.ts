// Attachments.
import { defineMessages } from '../kernel/i18n';

export const messages = defineMessages({
  'v.photo': { 'zh-CN': '只接受 JPEG、PNG、WebP 图片，单张不超过 10 MB、4000 万像素', en: 'Only JPEG, PNG or WebP images up to 10 MB and 40 megapixels' },
  'err.photo.tooManyPixels': {
    'zh-CN': '图片“{fileName}”为 {width} × {height} 像素，超过 {wan} 万像素的上限',
    en: 'The image "{fileName}" is {width} × {height} pixels, more than the limit of {mp} megapixels',
  },
  'err.photo.tooBig': { 'zh-CN': '照片超过 10 MB', en: 'The photo is larger than 10 MB' },
  'err.photo.notImage': { 'zh-CN': '“{fileName}”不是 JPEG、PNG 或 WebP 图片', en: '"{fileName}" is not a JPEG, PNG or WebP image' },
  'err.photo.unreadable': { 'zh-CN': '无法读取图片“{fileName}”', en: 'Cannot read the image "{fileName}"' },
  'err.photo.badSize': { 'zh-CN': '图片“{fileName}”尺寸无效', en: 'The image "{fileName}" has invalid dimensions' },
  'err.photo.notFound': { 'zh-CN': '找不到该照片', en: 'Photo not found' },
  'err.photo.fileMissing': { 'zh-CN': '照片文件缺失（数据目录中的 attachments 文件夹不完整）', en: "The photo file is missing (the data folder's attachments are incomplete)" },
});
