// The health module's certs words (backend error codes, validation keys, the categories and states).
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({
  'health.cert.category.electrician': { 'zh-CN': '电工作业', en: 'Electrical work' },
  'health.cert.category.welding': { 'zh-CN': '焊接与热切割作业', en: 'Welding and thermal cutting' },
  'health.cert.category.height': { 'zh-CN': '高处作业', en: 'Work at height' },
  'health.cert.category.refrigeration': { 'zh-CN': '制冷与空调作业', en: 'Refrigeration and air conditioning' },
  'health.cert.category.coal_mine': { 'zh-CN': '煤矿安全作业', en: 'Coal-mine safety work' },
  'health.cert.category.metal_mine': { 'zh-CN': '金属非金属矿山安全作业', en: 'Metal and non-metal mine safety work' },
  'health.cert.category.oil_gas': { 'zh-CN': '石油天然气安全作业', en: 'Oil and gas safety work' },
  'health.cert.category.metallurgy': { 'zh-CN': '冶金（有色）生产安全作业', en: 'Metallurgy (non-ferrous) safety work' },
  'health.cert.category.hazardous_chemicals': { 'zh-CN': '危险化学品安全作业', en: 'Hazardous chemicals safety work' },
  'health.cert.category.fireworks': { 'zh-CN': '烟花爆竹安全作业', en: 'Fireworks safety work' },
  'health.cert.status.current': { 'zh-CN': '有效', en: 'Current' },
  'health.cert.status.window': { 'zh-CN': '待复审', en: 'Review due' },
  'health.cert.status.overdue': { 'zh-CN': '复审逾期', en: 'Review overdue' },
  'health.cert.status.expired': { 'zh-CN': '已过期', en: 'Expired' },
  /** the window open for the renewal at the expiry (no review comes before it) */
  'health.cert.status.renewal': { 'zh-CN': '待换证', en: 'Renewal due' },
  'health.cert.source.manual': { 'zh-CN': '手工录入', en: 'Entered by hand' },
  'health.cert.source.roster': { 'zh-CN': '花名册', en: 'Roster' },
  'health.cert.source.import': { 'zh-CN': '花名册导入', en: 'Roster import' },
  'v.health.cert.reviewYears': { 'zh-CN': '复审周期应为 3 年或 6 年', en: 'The review cycle is 3 or 6 years' },
  'v.health.cert.categoryOrType': { 'zh-CN': '请选择作业类别或填写作业项目', en: 'Choose the category or enter the operation item' },
  'v.health.cert.approvalNote': {
    'zh-CN': '每 6 年复审一次须经批准，请填写批准说明',
    en: 'A 6-year review cycle needs an approval: enter the approval note',
  },
  'v.health.cert.reviewBeforeIssue': { 'zh-CN': '复审日期不能早于初领日期', en: 'The review cannot be before the issue date' },
  'v.health.cert.expiryBeforeIssue': { 'zh-CN': '有效期至应晚于初领日期', en: 'The expiry must be after the issue date' },
  'v.health.cert.expiryBeforeReview': { 'zh-CN': '新的有效期至应晚于复审日期', en: 'The new expiry must be after the review date' },
  'err.health.cert.writersOnly': {
    'zh-CN': '只有职业卫生管理员、安全员、工会干部或管理员可以登记特种作业证',
    en: 'Only occupational-health managers, safety officers, union officers or administrators record certificates',
  },
  'err.health.cert.notFound': { 'zh-CN': '找不到该特种作业证（可能已被删除）', en: 'Certificate not found (it may have been deleted)' },
  'err.health.cert.numberTaken': {
    'zh-CN': '{name} 已登记证号为 {certNo} 的特种作业证',
    en: '{name} already has a certificate numbered {certNo}',
  },
  'err.health.cert.workerGone': {
    'zh-CN': '该证书的职工已从花名册删除，请先恢复职工',
    en: "The certificate's worker was deleted from the roster: restore the worker first",
  },
  'err.health.cert.reviewBeforeLast': {
    'zh-CN': '复审日期 {date} 早于上次复审或初领日期 {last}',
    en: 'The review date {date} is before the last review or issue date {last}',
  },
  'err.health.cert.scanType': {
    'zh-CN': '“{name}”不是图片或 PDF：证书扫描件请选择 JPG、PNG、WebP 图片或 PDF 文件',
    en: '“{name}” is not an image or a PDF: choose a JPG, PNG or WebP image or a PDF for the scan',
  },
  'v.health.cert.scanType': { 'zh-CN': '扫描件应为图片（JPG、PNG、WebP）或 PDF', en: 'The scan must be an image (JPG, PNG, WebP) or a PDF' },
  'err.health.cert.scanNotFound': { 'zh-CN': '找不到证书扫描件（可能已被删除）', en: 'The scan was not found (it may have been deleted)' },
});
