// Attachments: photos and documents.
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
  'v.document': {
    'zh-CN': '只接受 PDF、Word、Excel、PowerPoint、TXT、CSV 文件，单个不超过 20 MB',
    en: 'Only PDF, Word, Excel, PowerPoint, TXT or CSV files up to 20 MB',
  },
  'err.document.tooBig': { 'zh-CN': '文件“{fileName}”超过 20 MB', en: 'The file "{fileName}" is larger than 20 MB' },
  'err.document.executable': {
    'zh-CN': '“{fileName}”是程序或脚本，不能作为附件上传',
    en: '"{fileName}" is a program or script and cannot be uploaded as an attachment',
  },
  'err.document.unknownType': {
    'zh-CN': '不支持“{fileName}”的文件类型：只接受 PDF、Word（.docx、.doc）、Excel（.xlsx、.xls）、PowerPoint（.pptx）、TXT、CSV',
    en: 'The type of "{fileName}" is not supported: only PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.pptx), TXT and CSV',
  },
  'err.document.mismatch': {
    'zh-CN': '“{fileName}”的内容不是 .{ext} 文件（内容与扩展名不符）',
    en: 'The content of "{fileName}" is not a .{ext} file (content and extension disagree)',
  },
  'err.attachment.notImage': {
    'zh-CN': '附件“{name}”是文档而不是图片，不能用作照片',
    en: 'The attachment "{name}" is a document, not an image, and cannot be used as a photo',
  },
  'err.attachment.fileMissing': {
    'zh-CN': '附件文件缺失（数据目录中的 attachments 文件夹不完整）',
    en: "The attachment's file is missing (the data folder's attachments are incomplete)",
  },
  'err.attachment.restricted': {
    'zh-CN': '该附件（如体检报告）仅限职业卫生管理员、安全员和工会干部查看',
    en: 'This attachment (e.g. an exam report) is only for the occupational-health managers, safety officers and union officers',
  },
});
