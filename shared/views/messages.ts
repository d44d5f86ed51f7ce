// Saved views and drafts.
import { defineMessages } from '../kernel/i18n';

export const messages = defineMessages({
  'err.views.unknownKind': { 'zh-CN': '未知的列表类型：{kind}', en: 'Unknown list kind: {kind}' },
  'err.views.badQuery': { 'zh-CN': '视图的筛选条件无效', en: 'The saved view has invalid filters' },
  'err.views.notFound': { 'zh-CN': '找不到该视图', en: 'Saved view not found' },
});
