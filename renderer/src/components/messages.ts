// UI strings of the shared renderer components, and the errors of the transport itself (the core process ended,
// a file could not be saved) — a part of the one message catalog (renderer/src/i18n/catalog.ts).
import { defineMessages } from '../../../shared/kernel/i18n';

export const messages = defineMessages({
  'job.running': { 'zh-CN': '正在处理…', en: 'Working…' },
  // the accessible name of every clear (×) button in selects, pickers and inputs (components/clearButtons.ts)
  'picker.clear': { 'zh-CN': '清除', en: 'Clear' },
  'job.progress': { 'zh-CN': '已处理 {done} / {total}', en: '{done} of {total} done' },
  'job.progressCount': { 'zh-CN': '已处理 {done}', en: '{done} done' },
  'job.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'job.cancelling': { 'zh-CN': '正在取消…', en: 'Cancelling…' },
  // stages the core reports (ctx.job.report(done, total, stage))
  'job.reading': { 'zh-CN': '正在读取', en: 'Reading' },
  'job.checking': { 'zh-CN': '正在检查', en: 'Checking' },
  'job.writing': { 'zh-CN': '正在写入', en: 'Writing' },
  'job.rendering': { 'zh-CN': '正在生成', en: 'Rendering' },
  // errors main and the relay answer with (electron/main, electron/utility)
  'err.core.exited': { 'zh-CN': '后台进程已停止，操作未完成；应用正在重新启动它', en: 'The background process stopped; the action did not finish. Ankang is restarting it' },
  'err.core.startFailed': { 'zh-CN': '后台进程无法启动', en: 'The background process could not start' },
  'err.file.saveFailed': { 'zh-CN': '无法保存到 {path}', en: 'Cannot save to {path}' },
});
