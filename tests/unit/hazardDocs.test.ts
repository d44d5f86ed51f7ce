// Hazard-ledger documents: the PDFs (checked with poppler: pdftotext, pdffonts, pdfinfo, pdfimages, pdftoppm)
// and the xlsx exports (read back with exceljs).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Enterprise } from '../../shared/enterprise/types';
import type { HazardDetail, HazardEvent, HazardStats } from '../../shared/hazards/types';
import { LEDGER_HEADERS, wrappedRowHeight, writeLedgerXlsx, writeStatsXlsx } from '../../electron/core/hazards/documents/xlsx';
import { argb, RISK_STYLE } from '../../shared/hazards/risk';
import { fontPaths, loadFonts, resetFontCache } from '../../electron/core/documents/pdf/fonts';
import { noticeIssue, renderAcceptanceRecord, renderLedgerPdf, renderRectificationNotice, renderStatsTable, type LedgerPdfRow, type PdfPhoto } from '../../electron/core/hazards/documents/pdf';
import { statsRowsWithTotal, statsSummary } from '../../electron/core/hazards/documents/text';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-docs-'));
const shots = path.resolve('test-results/docs');
/** the xlsx fill of each risk level (ARGB), from the one risk table */
const RISK_FILL = { red: argb(RISK_STYLE.red.fill), orange: argb(RISK_STYLE.orange.fill), yellow: argb(RISK_STYLE.yellow.fill), blue: argb(RISK_STYLE.blue.fill) };
const NOW = new Date('2026-03-18T10:20:00+08:00');

const enterprise: Enterprise = {
  id: 'ent-1',
  name: '台州市恒安机械制造有限公司',
  uscc: '91331002MA2AB3CD4E',
  address: '浙江省台州市椒江区海门街道工业路 88 号',
  industry: '通用设备制造业',
  headcount: 860,
  updatedAt: '2026-01-05T09:00:00.000+08:00',
};

function event(seq: number, at: string, actorName: string, action: string, from: HazardEvent['fromStatus'], to: HazardEvent['toStatus'], comment: string | null = null): HazardEvent {
  return { seq, at, actorName, action, fromStatus: from, toStatus: to, comment };
}

function base(over: Partial<HazardDetail>): HazardDetail {
  return {
    id: 'hz-0000',
    serial: 'YH-2026-0000',
    foundAt: '2026-03-02T09:30:00.000+08:00',
    foundDate: '2026-03-02',
    finderId: 'w-1',
    finderName: '李建国',
    source: 'self_check',
    workshopName: '一车间',
    teamName: '冲压班',
    place: null,
    category1: 'material',
    category2: 'physical',
    description: '',
    grade: 'general',
    riskD: null,
    risk: null,
    status: 'reported',
    responsibleName: null,
    deadline: null,
    dueDate: null,
    overdue: false,
    closedDate: null,
    updatedAt: '2026-03-02T09:30:00.000+08:00',
    workshopId: 'ou-1',
    teamId: 'ou-2',
    orgUnitId: 'ou-2',
    equipment: null,
    accidentType: null,
    productionStop: 'none',
    interimMeasures: null,
    lec: null,
    responsibleId: null,
    measures: null,
    plannedFunds: null,
    emergencyPlan: null,
    governancePlan: null,
    actualFunds: null,
    rectificationNote: null,
    submittedBy: null,
    submittedByName: null,
    submittedAt: null,
    acceptedByName: null,
    acceptedAt: null,
    cancelKind: null,
    cancelReason: null,
    createdAt: '2026-03-02T09:31:00.000+08:00',
    photos: [],
    events: [],
    links: [],
    allowedActions: [],
    editable: false,
    ...over,
  };
}

const MAJOR_DESC =
  '二车间热处理工段 2 号井式淬火炉旁的淬火油槽（容积约 12 m³）未设置自动灭火装置和油温超温报警联锁，' +
  '油槽盖板长期敞开，槽边 1.5 米范围内堆放有沾油棉纱和木质包装箱；淬火时油温可达 80 ℃ 以上，一旦工件入油温度过高或油位不足，极易引发油槽火灾。';

const major = base({
  id: 'hz-0007',
  serial: 'YH-2026-0007',
  foundAt: '2026-03-05T14:10:00.000+08:00',
  foundDate: '2026-03-05',
  finderName: '王海燕',
  source: 'special_inspection',
  workshopName: '二车间',
  teamName: '热处理班',
  place: '热处理工段东侧淬火油槽',
  equipment: '井式淬火炉 RJ-75-9 及配套淬火油槽',
  category1: 'material',
  category2: 'chemical',
  description: MAJOR_DESC,
  grade: 'major',
  lec: { l: 6, e: 6, c: 15 },
  riskD: 540,
  risk: 'red',
  status: 'assigned',
  accidentType: 'fire',
  productionStop: 'partial',
  interimMeasures: '立即清除槽边可燃物；淬火作业时安排专人监护，槽边配置 2 具 35 kg 推车式干粉灭火器和灭火毯；油温超过 70 ℃ 暂停入油。',
  responsibleId: 'w-9',
  responsibleName: '陈志明',
  measures: '加装油槽自动灭火装置（七氟丙烷）和油温超温声光报警，与淬火炉出料联锁；更换可自动闭合的防火盖板；划定槽边 3 米禁放区并设置警示标识。',
  plannedFunds: 8650000,
  deadline: '2026-04-30',
  dueDate: '2026-04-30',
  emergencyPlan: '执行《热处理工段油槽火灾现场处置方案》（HA-YA-2025-06），每月组织一次灭火器和灭火毯实操演练。',
  governancePlan: {
    targets: '2026 年 4 月 30 日前消除淬火油槽火灾隐患，实现油温超温自动报警并联锁停止出料。',
    methods: '委托有资质单位设计安装自动灭火系统；改造油槽盖板；完善热处理工段安全操作规程并组织培训考核。',
    funding: '整改资金 8.65 万元从 2026 年度安全生产费用中列支，灭火装置和盖板由设备科 3 月底前采购到位。',
    organisation: '成立由分管安全副总任组长的治理小组，设备科牵头实施，二车间、安全环保部配合。',
    timeline: '3 月 31 日前完成设计和采购，4 月 20 日前完成安装调试，4 月 30 日前完成验收。',
    safetyPlan: '治理期间执行临时管控措施，动火作业办理动火证；编制专项应急预案并于 4 月上旬组织演练。',
  },
  events: [
    event(1, '2026-03-05T14:12:00.000+08:00', '王海燕', 'report', null, 'reported'),
    event(2, '2026-03-05T16:40:00.000+08:00', '赵安全', 'confirm', 'reported', 'confirmed', '确认为重大隐患'),
    event(3, '2026-03-06T09:15:00.000+08:00', '赵安全', 'assign', 'confirmed', 'assigned'),
  ],
});

const REJECT1 = '光电保护装置已更换，但安装支架固定螺栓未紧固，遮光试验时滑块未能可靠停止。';
const REJECT2 = '双手操作按钮间距不足 260 mm，单手可同时按下两个按钮，须按 GB 28241 调整。';

const general = base({
  id: 'hz-0012',
  serial: 'YH-2026-0012',
  foundAt: '2026-02-10T08:45:00.000+08:00',
  foundDate: '2026-02-10',
  finderName: '孙小红',
  source: 'worker_report',
  place: '冲压班 3 号工位',
  equipment: 'J23-80 开式可倾压力机',
  description: '3 号冲床光电保护装置失效，操作工在未断电情况下伸手清理模具内废料，存在手部被压伤的风险。',
  grade: 'general',
  lec: { l: 3, e: 6, c: 7 },
  riskD: 126,
  risk: 'yellow',
  status: 'closed',
  accidentType: 'machinery',
  interimMeasures: '停用 3 号冲床并挂“禁止合闸”牌，待修复验收后恢复使用。',
  responsibleId: 'w-3',
  responsibleName: '周国平',
  measures: '更换光电保护装置；调整双手操作按钮；对冲压班组进行安全操作规程再培训。',
  plannedFunds: 320000,
  deadline: '2026-02-28',
  emergencyPlan: '执行《机械伤害现场处置方案》。',
  actualFunds: 287550,
  rectificationNote: '已更换 SG-40 型光电保护装置并紧固支架；双手按钮间距调整为 300 mm；2 月 26 日完成全班 14 人再培训并考试合格。',
  submittedBy: 'op-3',
  submittedByName: '周国平',
  submittedAt: '2026-02-26T16:05:00.000+08:00',
  acceptedByName: '赵安全',
  acceptedAt: '2026-02-27T10:30:00.000+08:00',
  closedDate: '2026-02-27',
  events: [
    event(1, '2026-02-10T08:50:00.000+08:00', '孙小红', 'report', null, 'reported'),
    event(2, '2026-02-10T10:00:00.000+08:00', '赵安全', 'confirm', 'reported', 'confirmed'),
    event(3, '2026-02-10T10:20:00.000+08:00', '赵安全', 'assign', 'confirmed', 'assigned'),
    event(4, '2026-02-11T08:00:00.000+08:00', '周国平', 'start', 'assigned', 'rectifying'),
    event(5, '2026-02-18T15:00:00.000+08:00', '周国平', 'submit', 'rectifying', 'submitted'),
    event(6, '2026-02-19T09:40:00.000+08:00', '赵安全', 'reject', 'submitted', 'rectifying', REJECT1),
    event(7, '2026-02-22T14:00:00.000+08:00', '周国平', 'submit', 'rectifying', 'submitted'),
    event(8, '2026-02-23T11:15:00.000+08:00', '吴劳保', 'reject', 'submitted', 'rectifying', REJECT2),
    event(9, '2026-02-26T16:05:00.000+08:00', '周国平', 'submit', 'rectifying', 'submitted'),
    event(10, '2026-02-27T10:30:00.000+08:00', '赵安全', 'accept', 'submitted', 'closed', '复查合格，同意销号。'),
  ],
});

const LONG_END = '以上情况已于当日口头告知车间主任，本条记录到此结束。';
// (asserted below to stay within the 2,000-character limit of hazardInput.description)
const longDesc =
  Array.from(
    { length: 22 },
    (_, i) =>
      `（${i + 1}）检查发现第 ${i + 1} 号配电箱箱门未上锁，箱内漏电保护器试验按钮失灵，进出线未做防护，箱体接地线松动，箱前 0.8 米范围内堆放物料，` +
      `标识 PD-${String(i + 1).padStart(3, '0')} 模糊不清。`,
  ).join('\n') + LONG_END;
const long = base({
  id: 'hz-0030',
  serial: 'YH-2026-0030',
  workshopName: '动力车间',
  teamName: '电工班',
  place: '动力车间配电房及各工段配电箱',
  category1: 'management',
  category2: 'rules',
  description: longDesc,
  grade: 'general',
  lec: { l: 1, e: 6, c: 7 },
  riskD: 42,
  risk: 'blue',
  status: 'assigned',
  accidentType: 'electric',
  responsibleName: '郑电工',
  measures: '逐箱整改，建立配电箱巡检台账。'.repeat(6),
  plannedFunds: 1200000,
  deadline: '2026-03-31',
  emergencyPlan: '执行《触电事故现场处置方案》。',
});

const workshops = ['一车间', '二车间', '三车间（装配）', '动力车间', '仓储物流部', '质检中心', '机加工车间', '涂装车间'];
function statsFor(table: HazardStats['table'], quarter: number | null = 1): HazardStats {
  const found = table.reduce((a, r) => a + r.found, 0);
  const closed = table.reduce((a, r) => a + r.closed, 0);
  return {
    year: 2026,
    quarter,
    from: quarter ? '2026-01-01' : '2026-01-01',
    to: quarter ? '2026-03-31' : '2026-12-31',
    found,
    closed,
    cancelled: 2,
    open: found - closed - 2,
    overdue: table.reduce((a, r) => a + r.overdue, 0),
    closureRate: closed / (found - 2),
    avgDaysToClose: 6.42,
    openByGrade: [],
    openByWorkshop: [],
    monthly: [],
    byRisk: [
      { risk: 'red', count: 2 },
      { risk: 'orange', count: 5 },
      { risk: 'yellow', count: 19 },
      { risk: 'blue', count: 31 },
      { risk: 'unassessed', count: 4 },
    ],
    table,
  };
}
const stats = statsFor(
  workshops.map((w, i) => ({
    workshop: w,
    found: 5 + i * 2,
    general: 4 + i * 2,
    major: i % 3 === 0 ? 1 : 0,
    ungraded: i % 3 === 0 ? 0 : 1,
    closed: 3 + i,
    rectifying: 1 + (i % 2),
    overdue: i % 4 === 1 ? 1 : 0,
    plannedFunds: 150000 * (i + 1) + 55,
    actualFunds: 120000 * (i + 1),
  })),
);

/** One entry of a zip archive, via its central directory (xlsx writers put sizes there, not in the local headers). */
function zipEntry(zip: Buffer, name: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const skip = nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? zlib.inflateRawSync(data) : data;
    }
    p += 46 + skip;
  }
  throw new Error(`${name} not in the archive`);
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');
function save(name: string, buf: Buffer): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, buf);
  return f;
}
function pages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
}
function png(file: string, name: string, page = 1) {
  fs.mkdirSync(shots, { recursive: true });
  run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, path.join(shots, name)]);
}
const pageText = (file: string, p: number) => squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-']));
/** the text of every page of a PDF */
function pageTexts(file: string): string[] {
  return Array.from({ length: pages(file) }, (_, i) => pageText(file, i + 1));
}

let photos: PdfPhoto[];
beforeAll(async () => {
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg({ quality: 70 }).toBuffer();
  const pngBuf = await sharp({ create: { width: 400, height: 500, channels: 3, background: { r: 40, g: 110, b: 190 } } }).png().toBuffer();
  const webp = await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 0, g: 160, b: 80 } } }).webp().toBuffer();
  photos = [
    { phase: 'before', data: jpeg, mime: 'image/jpeg' },
    { phase: 'before', data: pngBuf, mime: 'image/png' },
    { phase: 'after', data: jpeg, mime: 'image/jpeg' },
    { phase: 'after', data: pngBuf, mime: 'image/png' },
    { phase: 'after', data: webp, mime: 'image/webp' },
  ];
});

describe('fonts', () => {
  test('resolves the Noto Sans SC files from the npm package and caches the buffers', () => {
    const p = fontPaths();
    expect(p.regular).toMatch(/NotoSansSC_400Regular\.ttf$/);
    expect(p.bold).toMatch(/NotoSansSC_700Bold\.ttf$/);
    expect(loadFonts()).toBe(loadFonts());
  });

  test('ANKANG_FONT_DIR is looked at first; a folder without both files falls through to the npm package', async () => {
    const saved = process.env.ANKANG_FONT_DIR;
    const pkg = fontPaths();
    try {
      const dir = fs.mkdtempSync(path.join(tmp, 'fonts-'));
      fs.copyFileSync(pkg.regular, path.join(dir, 'NotoSansSC_400Regular.ttf'));
      process.env.ANKANG_FONT_DIR = dir;
      expect(fontPaths()).toEqual(pkg); // only one weight there
      fs.copyFileSync(pkg.bold, path.join(dir, 'NotoSansSC_700Bold.ttf'));
      expect(fontPaths()).toEqual({ regular: path.join(dir, 'NotoSansSC_400Regular.ttf'), bold: path.join(dir, 'NotoSansSC_700Bold.ttf') });
    } finally {
      if (saved === undefined) delete process.env.ANKANG_FONT_DIR;
      else process.env.ANKANG_FONT_DIR = saved;
      resetFontCache();
    }
  });
});

describe('整改通知单 PDF', () => {
  test('a major hazard: text, embedded subset font, info, page numbers, size', async () => {
    const buf = await renderRectificationNotice(major, { enterprise, issuedBy: '赵安全', now: NOW, photos });
    const file = save('notice-major.pdf', buf);
    png(file, 'notice-major-p1');
    const text = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
    const flat = squash(text);
    expect(flat).toContain('安全隐患整改通知单');
    expect(flat).toContain('YH-2026-0007');
    expect(flat).toContain(squash(MAJOR_DESC));
    expect(flat).toContain(enterprise.name);
    expect(flat).toContain('致：二车间/热处理班');
    expect(flat).toContain('重大隐患治理方案');
    for (const v of Object.values(major.governancePlan!)) expect(flat).toContain(squash(v));
    expect(flat).toContain('86,500.00元');
    expect(flat).toContain('D=L×E×C=540');
    expect(flat).toContain('红色·重大风险');
    expect(flat).toContain('物的因素—化学性危险和有害因素');
    expect(flat).toContain('签发人：赵安全');
    expect(flat).toContain('接收人签字');
    expect(flat).toContain('2026年4月30日');
    const n = pages(file);
    expect(flat).toContain(`第1页/共${n}页`);
    expect(flat).toContain(`第${n}页/共${n}页`);

    const fonts = run('pdffonts', [file]);
    const rows = fonts.split('\n').filter((l) => /NotoSansSC/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) expect(r).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).not.toMatch(/Helvetica/);

    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Title:\s+安全隐患整改通知单 YH-2026-0007/);
    expect(info).toMatch(/Author:\s+Ankang 安康/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);

    // two before-photos embedded, the after-photos are not part of the notice
    const images = run('pdfimages', ['-list', file]).trim().split('\n').slice(2);
    expect(images.length).toBe(2);
    console.log(`notice (major, 2 photos): ${n} pages, ${(buf.length / 1024).toFixed(1)} KB`);
  });

  test('deterministic for the same input and time, warm render time and size', async () => {
    const ctx = { enterprise, issuedBy: '赵安全', now: NOW };
    resetFontCache(); // the first render parses the fonts, later ones reuse the parsed fonts: same bytes
    const a = await renderRectificationNotice(general, ctx);
    const times: number[] = [];
    let b = a;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      b = await renderRectificationNotice(general, ctx);
      times.push(performance.now() - t0);
    }
    expect(b.equals(a)).toBe(true);
    const other = await renderRectificationNotice(general, { ...ctx, now: new Date('2026-03-19T08:00:00+08:00') });
    expect(other.equals(a)).toBe(false);
    const file = save('notice-general.pdf', a);
    png(file, 'notice-general-p1');
    const best = Math.min(...times);
    const median = times.sort((x, y) => x - y)[2]!;
    console.log(`BENCH warm notice render (no photos): median ${median.toFixed(0)} ms, best ${best.toFixed(0)} ms (target ≤ 500 ms); size ${(a.length / 1024).toFixed(1)} KB (target ≤ 300 KB); pages ${pages(file)}`);
    expect(median).toBeLessThan(1500);
    expect(a.length).toBeLessThanOrEqual(300 * 1024);
    const flat = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    expect(flat).toContain('YH-2026-0012');
    expect(flat).toContain(squash(general.description));
    expect(flat).not.toContain('重大隐患治理方案');
  });

  test('a very long description flows onto further pages with the header repeated', async () => {
    const buf = await renderRectificationNotice(long, { enterprise, issuedBy: '赵安全', now: NOW });
    const file = save('notice-long.pdf', buf);
    expect(long.description.length).toBeLessThanOrEqual(2000);
    const n = pages(file);
    expect(n).toBeGreaterThan(1);
    png(file, 'notice-long-p1');
    png(file, 'notice-long-p2', 2);
    const text = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
    const flat = squash(text);
    expect(flat).toContain(`第1页/共${n}页`);
    expect(flat).toContain(`第2页/共${n}页`);
    // every item of the description is there, the end included, and nothing is lost at the page break
    for (let i = 1; i <= 22; i++) expect(flat).toContain(squash(`标识 PD-${String(i).padStart(3, '0')} 模糊不清。`));
    expect(flat).toContain(squash(LONG_END));
    const p2 = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', '2', '-l', '2', file, '-']));
    expect(p2).toContain('安全隐患整改通知单（续）');
    expect(p2).toContain('YH-2026-0030');
    expect(p2).toContain('隐患描述（续）');
    expect(buf.length).toBeLessThanOrEqual(300 * 1024);
  });
});

describe('page breaks: the signatures stay with what they sign', () => {
  test('a notice that fits one page is one page, the closing text and signatures under the last row', async () => {
    const file = save('notice-general-fit.pdf', await renderRectificationNotice(general, { enterprise, issuedBy: '钱打印', now: NOW }));
    png(file, 'notice-general-fit-p1');
    expect(pages(file)).toBe(1);
    const t = pageText(file, 1);
    expect(t.indexOf('应急预案')).toBeLessThan(t.indexOf('请接到本通知后'));
    expect(t.indexOf('请接到本通知后')).toBeLessThan(t.indexOf('签发人：'));
    expect(t).toContain('注：本通知单一式两份');
  });

  test('a notice with two photos: whatever the length of the description, the photos are on the page of the signatures', async () => {
    // (with 6 to 15 more lines the closing text and the signatures used to go alone onto a third page)
    for (let k = 0; k <= 20; k += 2) {
      const h = { ...major, description: `${major.description}\n${'补充说明：淬火油槽周边地面有油渍，需一并清理。\n'.repeat(k)}` };
      const file = save(`notice-photos-${k}.pdf`, await renderRectificationNotice(h, { enterprise, issuedBy: '钱打印', now: NOW, photos }));
      const texts = pageTexts(file);
      const signed = texts.findIndex((t) => t.includes('签发人：'));
      expect(signed, `k=${k}`).toBe(texts.length - 1);
      // the photo block (heading and row), the closing text and the signatures on one page
      for (const part of ['整改前照片（2张）', '照片2', '请接到本通知后', '接收人签字']) expect(texts[signed], `k=${k}`).toContain(part);
      if (k === 8) png(file, 'notice-photos-last', texts.length);
    }
  });

  test('an acceptance record whose signatures do not fit takes its last rows along (never the signatures alone)', async () => {
    const file = save('acceptance-keep.pdf', await renderAcceptanceRecord(general, { enterprise, issuedBy: '钱打印', now: NOW }));
    const texts = pageTexts(file);
    png(file, 'acceptance-keep-last', texts.length);
    const last = texts.at(-1)!;
    expect(last).toContain('验收人（签字）');
    expect(last).toContain('销号日期2026年2月27日');
    // and for rectification notes of any length: a data row is always on the page of the signatures
    for (let k = 0; k <= 12; k++) {
      const h = { ...general, rectificationNote: `${general.rectificationNote}${'；复查记录已归档'.repeat(k * 4)}` };
      const f = save(`acceptance-keep-${k}.pdf`, await renderAcceptanceRecord(h, { enterprise, issuedBy: '钱打印', now: NOW }));
      const t = pageTexts(f).at(-1)!;
      expect(t, `k=${k}`).toContain('整改责任人（签字）');
      expect(t, `k=${k}`).toContain('销号日期');
    }
  });

  test('statistics table: the summary and signatures fit under the 合计 row when there is room, else take the last rows along', async () => {
    // around the first and the second page break (10 and 29 rows used to leave the summary and signatures alone)
    let shot = false;
    for (const n of [1, 5, 9, 10, 11, 12, 13, 14, 15, 16, 27, 28, 29, 30, 31, 32, 33, 34, 35]) {
      const table = Array.from({ length: n }, (_, i) => ({
        workshop: `第 ${i + 1} 车间`,
        found: 3,
        general: 3,
        major: 0,
        ungraded: 0,
        closed: 2,
        rectifying: 1,
        overdue: 0,
        plannedFunds: 10000,
        actualFunds: 9000,
      }));
      const file = save(`stats-${n}.pdf`, await renderStatsTable(statsFor(table), { enterprise, now: NOW }));
      const texts = pageTexts(file);
      const last = texts.at(-1)!;
      for (const part of ['合计', '说明：', '填表人：', '主要负责人（签字）']) expect(last, `n=${n}`).toContain(part);
      expect(last.replace(/第\d+页\/共\d+页/, ''), `n=${n}: a workshop row with the 合计`).toMatch(/第\d+车间/);
      // up to 10 rows, their 合计, the summary and the signatures fit the landscape page (the old estimate, 14 pt too
      // high, sent the summary and the signatures alone onto page 2 at 10 rows)
      if (n <= 10) expect(texts.length, `n=${n}`).toBe(1);
      if (texts.length === 2 && !shot) {
        png(file, 'stats-keep-p2', 2);
        shot = true;
      }
    }
  });
});

describe('整改通知单 issuer', () => {
  test('签发人 and 签发日期 are those of the assignment (五落实), not of whoever prints it or when', async () => {
    const a = await renderRectificationNotice(major, { enterprise, issuedBy: '钱打印', now: NOW });
    const b = await renderRectificationNotice(major, { enterprise, issuedBy: '孙复印', now: new Date('2026-05-02T16:00:00+08:00') });
    const [ta, tb] = [save('notice-issuer-a.pdf', a), save('notice-issuer-b.pdf', b)].map((f) => squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', f, '-'])));
    expect(ta).toContain('签发人：赵安全签发日期：2026年3月6日');
    expect(ta).not.toContain('钱打印');
    expect(ta).not.toContain('2026年3月18日');
    // a reprint by someone else on another day: the same text
    expect(tb).toBe(ta);
    expect(noticeIssue(major)).toEqual({ name: '赵安全', date: '2026年3月6日' });
  });

  test('a re-assignment issues the notice anew: the latest assign event counts', () => {
    const reassigned = { ...major, events: [...major.events, event(4, '2026-03-09T08:05:00.000+08:00', '钱副总', 'assign', 'assigned', 'assigned', '延长期限')] };
    expect(noticeIssue(reassigned)).toEqual({ name: '钱副总', date: '2026年3月9日' });
  });

  test('before assignment the issuer line is left blank to be signed and dated by hand', async () => {
    const confirmed = { ...major, status: 'confirmed' as const, events: major.events.slice(0, 2) };
    const file = save('notice-unassigned.pdf', await renderRectificationNotice(confirmed, { enterprise, issuedBy: '钱打印', now: NOW }));
    const flat = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    expect(flat).toContain('签发人：签发日期：年月日');
    expect(flat).not.toContain('钱打印');
    // neither the reporter nor the confirmer is printed as the issuer
    expect(flat).not.toMatch(/签发人：(王海燕|赵安全)/);
    expect(noticeIssue(confirmed)).toBeNull();
  });
});

describe('隐患整改验收记录 PDF', () => {
  test('rejection history, acceptance, after-photos (WebP skipped with a note)', async () => {
    const buf = await renderAcceptanceRecord(general, { enterprise, issuedBy: '赵安全', now: NOW, photos });
    const file = save('acceptance.pdf', buf);
    png(file, 'acceptance-p1');
    if (pages(file) > 1) png(file, 'acceptance-p2', 2);
    const flat = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    expect(flat).toContain('隐患整改验收记录');
    expect(flat).toContain('YH-2026-0012');
    expect(flat).toContain(squash(general.rectificationNote!));
    expect(flat).toContain('2,875.50元');
    expect(flat).toContain('第1次验收');
    expect(flat).toContain('第2次验收');
    expect(flat).toContain(squash(REJECT1));
    expect(flat).toContain(squash(REJECT2));
    expect(flat).toContain('吴劳保');
    expect(flat).toContain('■合格，同意销号');
    expect(flat).toContain('复查合格，同意销号。');
    expect(flat).toContain('2026年2月27日10:30');
    expect(flat).toContain('整改后照片（3张）');
    expect(flat).toContain('WebP');
    expect(flat).toContain('验收人（签字）');
    const images = run('pdfimages', ['-list', file]).trim().split('\n').slice(2);
    expect(images.length).toBe(2);
    expect(run('pdffonts', [file])).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  test('after-photos of a rejected round and of the accepted round are labelled by round', async () => {
    const after = photos.filter((p) => p.phase === 'after' && p.mime !== 'image/webp');
    const rounds: PdfPhoto[] = [
      { ...after[0]!, round: 2 },
      { ...after[1]!, round: 1 },
    ];
    const file = save('acceptance-rounds.pdf', await renderAcceptanceRecord(general, { enterprise, issuedBy: '赵安全', now: NOW, photos: rounds }));
    png(file, 'acceptance-rounds-p1');
    if (pages(file) > 1) png(file, 'acceptance-rounds-p2', 2);
    const flat = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    expect(flat).toContain('照片1（第2次提交）');
    expect(flat).toContain('照片2（第1次提交，未通过）');
    // one round only: no round in the captions
    const single = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', save('acceptance-one-round.pdf', await renderAcceptanceRecord(general, { enterprise, issuedBy: '赵安全', now: NOW, photos: [{ ...after[0]!, round: 1 }] })), '-']));
    expect(single).toContain('照片1');
    expect(single).not.toContain('次提交');
  });

  test('a major hazard: the report to the authority, 挂牌督办 and the governance evaluation are on the record', async () => {
    const withMajor: HazardDetail = {
      ...major,
      status: 'closed',
      major: {
        reportedDate: '2026-03-03', reportBody: '台州市椒江区应急管理局', reportDocNo: '恒安安〔2026〕7号', reportSummary: '现状、原因、危害程度',
        supervised: true, supervisionBody: '椒江区安委办', supervisionDocNo: '椒安委〔2026〕3号', supervisionDate: '2026-03-04',
        evaluationDate: '2026-03-16', evaluatorKind: 'third_party', evaluator: '浙江某安全评价有限公司', evaluationConclusion: '治理措施落实到位，符合安全生产条件', evaluationPassed: true,
      },
    };
    const file = save('acceptance-major.pdf', await renderAcceptanceRecord(withMajor, { enterprise, issuedBy: '赵安全', now: NOW }));
    png(file, 'acceptance-major-p1');
    const flat = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    expect(flat).toContain('重大隐患报告及治理评估');
    expect(flat).toContain('2026年3月3日台州市椒江区应急管理局');
    expect(flat).toContain('恒安安〔2026〕7号');
    expect(flat).toContain('2026年3月4日椒江区安委办');
    expect(flat).toContain('第三方机构：浙江某安全评价有限公司');
    expect(flat).toContain('符合安全生产条件');
    // a general hazard has no such section
    const plain = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', save('acceptance-general-nomajor.pdf', await renderAcceptanceRecord(general, { enterprise, issuedBy: '赵安全', now: NOW })), '-']));
    expect(plain).not.toContain('重大隐患报告及治理评估');
  });

  test('a submitted hazard leaves the conclusion to be ticked by hand', async () => {
    const pending = { ...general, status: 'submitted' as const, acceptedByName: null, acceptedAt: null, closedDate: null, events: general.events.slice(0, 5) };
    const file = save('acceptance-pending.pdf', await renderAcceptanceRecord(pending, { enterprise, issuedBy: '赵安全', now: NOW }));
    const flat = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    expect(flat).toContain('□合格，同意销号');
    expect(flat).toContain('□不合格');
    expect(flat).not.toContain('第1次验收');
  });
});

describe('隐患排查治理统计表 PDF', () => {
  test('landscape table with 合计, summary and signature lines', async () => {
    const buf = await renderStatsTable(stats, { enterprise, now: NOW });
    const file = save('stats.pdf', buf);
    png(file, 'stats-p1');
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+/);
    const flat = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    expect(flat).toContain('隐患排查治理统计表');
    expect(flat).toContain('2026年第1季度');
    for (const w of workshops) expect(flat).toContain(squash(w));
    expect(flat).toContain('合计');
    const found = stats.table.reduce((a, r) => a + r.found, 0);
    expect(flat).toContain(`本期共排查发现隐患${found}项`);
    expect(flat).toContain('平均整改用时6.4天');
    expect(flat).toMatch(/隐患整改率\d+\.\d%/);
    for (const s of ['填表人', '审核人', '主要负责人（签字）', '日期']) expect(flat).toContain(s);
    expect(flat).toContain('第1页/共1页');
    expect(buf.length).toBeLessThanOrEqual(300 * 1024);
  });

  test('a 未定级 column: on every line (workshops and 合计) 发现 = 一般 + 重大 + 未定级', async () => {
    const file = save('stats-grades.pdf', await renderStatsTable(stats, { enterprise, now: NOW }));
    png(file, 'stats-grades-p1');
    const raw = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
    const header = raw.split('\n').find((l) => l.includes('一般隐患'))!;
    const at = ['发现隐患', '一般隐患', '重大隐患', '未定级', '整改中'].map((h) => header.indexOf(h));
    expect(at.every((i) => i >= 0) && [...at].sort((a, b) => a - b).join() === at.join(), header).toBe(true);
    const lines = [...workshops, '合计'].map((w) => {
      const line = raw.split('\n').find((l) => squash(l).includes(squash(w)) && /\d+\.\d\d/.test(l));
      expect(line, w).toBeDefined();
      const nums = line!.slice(line!.indexOf(w.slice(-1)) + 1).trim().split(/\s+/);
      return { w, nums: nums.slice(0, 7).map(Number) };
    });
    const { rows, total } = statsRowsWithTotal(stats);
    for (const [i, { w, nums }] of lines.entries()) {
      const [found, general, major, ungraded, closed] = nums;
      const r = i < rows.length ? rows[i]! : total;
      expect({ found, general, major, ungraded, closed }, w).toEqual({ found: r.found, general: r.general, major: r.major, ungraded: r.ungraded, closed: r.closed });
      expect(general! + major! + ungraded!, w).toBe(found);
    }
    expect(total.ungraded).toBeGreaterThan(0);
  });

  test('a long table repeats its column header on every page; a total row in the input is not doubled', async () => {
    const table = Array.from({ length: 70 }, (_, i) => ({
      workshop: `第 ${i + 1} 车间${i % 7 === 0 ? '（含外协加工及仓储物流配送中心等多个部门）' : ''}`,
      found: 3,
      general: 3,
      major: 0,
      ungraded: 0,
      closed: 2,
      rectifying: 1,
      overdue: 0,
      plannedFunds: 10000,
      actualFunds: 9000,
    }));
    const total = { workshop: '合计', found: 210, general: 210, major: 0, ungraded: 0, closed: 140, rectifying: 70, overdue: 0, plannedFunds: 700000, actualFunds: 630000 };
    const buf = await renderStatsTable(statsFor([...table, total], null), { enterprise, now: NOW, fingerprint: 'ab12-cd34' });
    const file = save('stats-long.pdf', buf);
    const n = pages(file);
    expect(n).toBeGreaterThan(1);
    png(file, 'stats-long-p2', 2);
    for (let p = 1; p <= n; p++) {
      const t = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-']));
      // every page with table rows starts with the column header
      if (/第\d+车间/.test(t)) expect(t).toContain('序号车间/部门发现隐患');
      expect(t).toContain(`第${p}页/共${n}页`);
      // the data fingerprint at the foot of every page
      expect(t).toContain('数据指纹ab12-cd34·生成于');
    }
    const all = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
    expect(all.match(/合计/g)?.length).toBe(1);
    expect(squash(all)).toContain('2026年度');
    expect(squash(all)).toContain('7,000.00');
  });
});

// the tester's figures: the table says 发现 146, 已整改销号 129, 逾期未整改 7; as of today 15 hazards are open (9 overdue)
// enterprise-wide, and 132 were closed during the period (some found before it)
const mixed: HazardStats = {
  ...statsFor([
    { workshop: '一车间', found: 100, general: 96, major: 4, ungraded: 0, closed: 90, rectifying: 6, overdue: 4, plannedFunds: 500000, actualFunds: 480000 },
    { workshop: '二车间', found: 46, general: 44, major: 2, ungraded: 0, closed: 39, rectifying: 5, overdue: 3, plannedFunds: 200000, actualFunds: 150000 },
  ]),
  closed: 132,
  cancelled: 4,
  open: 15,
  overdue: 9,
  closureRate: 0.908,
  avgDaysToClose: 5.25,
  // not in level order on purpose
  byRisk: [
    { risk: 'blue', count: 123 },
    { risk: 'unassessed', count: 6 },
    { risk: 'yellow', count: 12 },
    { risk: 'orange', count: 4 },
    { risk: 'red', count: 1 },
  ],
};

/** what the summary under a statistics table must say about `mixed` */
function expectConsistentSummary(text: string) {
  const t = squash(text);
  expect(t).toContain('本期共排查发现隐患146项，其中一般隐患140项、重大隐患6项');
  // the period's hazards, as the table counts them: they add up to the number found
  const m = /截至制表日，本期发现的隐患已整改销号(\d+)项，作废(\d+)项，尚未销号(\d+)项/.exec(t);
  expect(m, t).not.toBeNull();
  expect(m!.slice(1).map(Number)).toEqual([129, 4, 13]);
  expect(t).toContain('整改中11项，待确认或待分派2项；其中逾期未整改7项');
  expect(t).toContain('隐患整改率90.8%');
  // the figures on another base say so
  expect(t).not.toMatch(/(^|[^共])已整改销号132项/);
  expect(t).toContain('本期内销号的隐患（含以前期间发现的）共132项，平均整改用时5.3天');
  expect(t).toContain('截至制表日，全厂尚未销号的隐患共15项（含其他期间发现的），其中逾期9项');
  expect(t).not.toContain('尚未销号15项（其中逾期9项）');
  // risk levels red → orange → yellow → blue → unassessed
  const risk = t.slice(t.indexOf('风险等级分布'));
  const at = ['重大风险1项', '较大风险4项', '一般风险12项', '低风险123项', '未评价6项'].map((x) => risk.indexOf(x));
  expect(at.every((i) => i >= 0), risk).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

describe('隐患台账 PDF (the printed ledger)', () => {
  const row = (i: number, o: Partial<LedgerPdfRow> = {}): LedgerPdfRow => ({
    serial: `YH-2026-${String(i).padStart(4, '0')}`,
    foundAt: '2026-03-05T14:10:00.000+08:00',
    workshopName: '冲压车间',
    teamName: '甲班',
    place: '3 号压力机',
    description: `第 ${i} 项：冲压机光电保护装置失效，双手按钮被短接`,
    grade: 'general',
    risk: 'yellow',
    responsibleName: '赵工',
    deadline: '2026-03-20',
    status: 'rectifying',
    overdue: false,
    closedDate: null,
    ...o,
  });
  test('landscape, enterprise and title, the filter, one row per hazard, header repeated, progress reported', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(i + 1, i === 0 ? { grade: 'major', risk: 'red', overdue: true } : {}));
    const progress: [number, number, boolean][] = [];
    const buf = await renderLedgerPdf(rows, { enterprise, now: NOW, total: rows.length, filterText: '状态：未销号；搜索：光电', progress: (d, t, l) => progress.push([d, t, l]) });
    const file = save('ledger.pdf', buf);
    png(file, 'ledger-p1');
    const texts = pageTexts(file);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts[0]).toContain(squash(enterprise.name));
    expect(texts[0]).toContain('安全隐患排查治理台账');
    expect(texts[0]).toContain('筛选条件：状态：未销号；搜索：光电');
    expect(texts[0]).toContain('共60条');
    expect(texts[0]).toContain('YH-2026-0001');
    expect(texts[0]).toContain('重大');
    expect(texts[0]).toContain('（逾期）');
    expect(texts.join('')).toContain('YH-2026-0060');
    for (const t of texts.slice(1)) expect(t).toContain('隐患描述'); // the header on every page
    expect(progress.at(-1)).toEqual([60, 60, true]);
    expect(run('pdfinfo', [file])).toMatch(/Page size:\s+841\.89 x 595\.28/);
  });
  test('an empty filter prints a note, not an empty grid', async () => {
    const file = save('ledger-empty.pdf', await renderLedgerPdf([], { enterprise, now: NOW, total: 0 }));
    expect(squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']))).toContain('没有符合筛选条件的隐患');
  });
});

describe('statistics summary', () => {
  test('states the figures of the table for the period, labels as-of-today and other-base figures, risk levels in order', async () => {
    expectConsistentSummary(statsSummary(mixed, statsRowsWithTotal(mixed).total));
    const file = save('stats-summary.pdf', await renderStatsTable(mixed, { enterprise, now: NOW }));
    png(file, 'stats-summary-p1');
    expectConsistentSummary(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
  });

  test('hazards not yet graded are named, so the grades add up to the number found', () => {
    const withUngraded = { ...mixed, table: mixed.table.map((r, i) => (i === 0 ? { ...r, found: r.found + 3, ungraded: r.ungraded + 3 } : r)), cancelled: 4 };
    const t = squash(statsSummary(withUngraded, statsRowsWithTotal(withUngraded).total));
    expect(t).toContain('本期共排查发现隐患149项，其中一般隐患140项、重大隐患6项、尚未定级3项。');
    expect(squash(statsSummary(mixed, statsRowsWithTotal(mixed).total))).not.toContain('尚未定级');
  });

  test('no enterprise-wide sentence when it would repeat the period figures; no division by zero', () => {
    const same = { ...mixed, open: 13, overdue: 7 };
    const t = squash(statsSummary(same, statsRowsWithTotal(same).total));
    expect(t).toContain('尚未销号13项');
    expect(t).not.toContain('全厂');
    const empty = { ...statsFor([]), cancelled: 0, open: 0, overdue: 0, closureRate: null, avgDaysToClose: null, byRisk: [] };
    const e = squash(statsSummary(empty, statsRowsWithTotal(empty).total));
    expect(e).toContain('本期共排查发现隐患0项');
    expect(e).toContain('隐患整改率—');
    expect(e).toContain('共0项。');
    expect(e).not.toContain('风险等级分布');
  });
});

describe('xlsx exports', () => {
  test('ledger: title, header, rows, risk fill, frozen header', async () => {
    const rows = [major, general, long];
    const file = path.join(tmp, 'ledger.xlsx');
    expect(await writeLedgerXlsx(file, rows, { enterprise })).toBe(rows.length);
    const buf = fs.readFileSync(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('隐患台账');
    expect(ws.getCell('A1').value).toBe(`${enterprise.name}安全隐患排查治理台账`);
    expect(ws.model.merges).toContain('A1:U1');
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual([...LEDGER_HEADERS]);
    expect(ws.actualRowCount).toBe(2 + rows.length);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const r3 = ws.getRow(3);
    const col = (h: string) => LEDGER_HEADERS.indexOf(h as (typeof LEDGER_HEADERS)[number]) + 1;
    expect(r3.getCell(col('隐患编号')).value).toBe('YH-2026-0007');
    // dates are Excel dates (the recorded wall-clock time), shown as text in the same layout as before
    expect(r3.getCell(col('发现时间')).value).toEqual(new Date(Date.UTC(2026, 2, 5, 14, 10)));
    expect(r3.getCell(col('发现时间')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(r3.getCell(col('隐患编号')).numFmt).toBe('@');
    expect(r3.getCell(col('隐患来源')).value).toBe('专项检查');
    expect(r3.getCell(col('车间/班组')).value).toBe('二车间 / 热处理班');
    expect(r3.getCell(col('隐患等级')).value).toBe('重大隐患');
    expect(r3.getCell(col('风险等级 (D 值)')).value).toBe('重大风险（D=540）');
    expect(r3.getCell(col('整改资金（元）')).value).toBe(86500);
    expect(r3.getCell(col('整改资金（元）')).numFmt).toBe('#,##0.00');
    const fill = r3.getCell(col('风险等级 (D 值)')).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe(RISK_FILL.red);
    expect((ws.getRow(4).getCell(col('风险等级 (D 值)')).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(RISK_FILL.yellow);
    expect(ws.getRow(4).getCell(col('状态')).value).toBe('已销号');
    expect(ws.getRow(4).getCell(col('实际资金（元）')).value).toBe(2875.5);
    expect(ws.getRow(4).getCell(col('验收人')).value).toBe('赵安全');
    expect(ws.getRow(4).getCell(col('销号日期')).value).toEqual(new Date(Date.UTC(2026, 1, 27)));
    expect(ws.getRow(4).getCell(col('销号日期')).numFmt).toBe('yyyy-mm-dd');
    expect(r3.getCell(col('隐患描述')).alignment?.wrapText).toBe(true);
    expect(r3.getCell(col('隐患描述')).border?.top?.style).toBe('thin');
    expect(ws.getColumn(col('隐患描述')).width).toBeGreaterThan(30);
  });

  test('ledger: 100,000 rows stream within seconds', { timeout: 90_000 }, async () => {
    const N = 100_000;
    const risks = ['red', 'orange', 'yellow', 'blue'] as const;
    function* many() {
      for (let i = 0; i < N; i++) {
        yield { ...general, serial: `YH-2026-${String(i + 1).padStart(6, '0')}`, risk: risks[i % 4]!, status: i % 3 ? ('closed' as const) : ('rectifying' as const) };
      }
    }
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const file = path.join(tmp, 'ledger-100k.xlsx');
    let reported = 0;
    await writeLedgerXlsx(file, many(), { enterprise, title: '压力测试台账', total: N, progress: (done) => (reported = done) });
    const buf = fs.readFileSync(file);
    const ms = performance.now() - t0;
    const heapMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
    console.log(`BENCH ledger xlsx ${N} rows: ${(ms / 1000).toFixed(1)} s, ${(buf.length / 1048576).toFixed(1)} MB, heap +${heapMb.toFixed(0)} MB`);
    // the real figure is printed above (about 5 s on a busy 2-core machine); the bound only catches a runaway
    expect(ms).toBeLessThan(30_000);
    expect(reported).toBe(N);
    // check the sheet XML inside the zip directly (an exceljs read-back of 100,000 rows would take longer than the export)
    const sheet = zipEntry(buf, 'xl/worksheets/sheet1.xml');
    let count = 0;
    const tag = Buffer.from('<row ');
    for (let at = sheet.indexOf(tag); at >= 0; at = sheet.indexOf(tag, at + 1)) count++;
    expect(count).toBe(N + 2);
    expect(sheet.subarray(0, 4000).toString('utf8')).toContain('压力测试台账');
    expect(sheet.includes(`YH-2026-${String(N).padStart(6, '0')}`)).toBe(true);
    expect(zipEntry(buf, 'xl/styles.xml').toString('utf8')).toContain(RISK_FILL.orange);
  });

  test('stats: table, 合计, summary and signature lines', async () => {
    const file = path.join(tmp, 'stats.xlsx');
    await writeStatsXlsx(file, stats, { enterprise, fingerprint: 'ab12-cd34' });
    const buf = fs.readFileSync(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`${enterprise.name}隐患排查治理统计表`);
    expect(String(ws.getCell('A2').value)).toContain('2026年第1季度');
    expect(ws.getCell('B3').value).toBe('车间/部门');
    expect(ws.getCell('B4').value).toBe('一车间');
    const totalRow = 4 + workshops.length;
    expect(ws.getCell(totalRow, 2).value).toBe('合计');
    expect(ws.getCell(totalRow, 3).value).toBe(stats.table.reduce((a, r) => a + r.found, 0));
    // the grade columns reconcile on every line: 发现 = 一般 + 重大 + 未定级
    expect((ws.getRow(3).values as unknown[]).slice(3, 7).map((v) => String(v).replace(/\s+/g, ''))).toEqual(['发现隐患（项）', '一般隐患（项）', '重大隐患（项）', '未定级（项）']);
    for (let r = 4; r <= totalRow; r++) {
      const [found, general, major, ungraded] = [3, 4, 5, 6].map((c) => Number(ws.getCell(r, c).value));
      expect(general! + major! + ungraded!, String(ws.getCell(r, 2).value)).toBe(found);
    }
    expect(ws.getCell(totalRow, 6).value).toBe(stats.table.reduce((a, r) => a + r.ungraded, 0));
    expect(ws.getCell(totalRow, 10).value).toBeCloseTo(stats.table.reduce((a, r) => a + r.plannedFunds, 0) / 100, 2);
    const all: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => all.push(String(c.value))));
    const text = all.join('|');
    expect(text).toContain('隐患整改率');
    for (const s of ['填表人', '审核人', '主要负责人（签字）', '日期']) expect(text).toContain(s);
  });

  test('stats: the summary is the PDF one (consistent with the table), in a row tall enough for its lines', async () => {
    const file = path.join(tmp, 'stats-summary.xlsx');
    await writeStatsXlsx(file, mixed, { enterprise, now: NOW });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    let row: ExcelJS.Row | null = null;
    ws.eachRow((r) => {
      if (String(r.getCell(1).value ?? '').startsWith('说明：')) row = r;
    });
    expect(row).not.toBeNull();
    const summary = String(row!.getCell(1).value);
    expectConsistentSummary(summary);
    // tall enough for its lines across the merged columns (the former fixed 48 pt cut it off after three)
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(138);
    expect(row!.height).toBe(wrappedRowHeight(summary, widths));
    expect(row!.height).toBeGreaterThan(48);
  });

  test('wrapped row height: CJK characters two units, others one, 13.5 pt a line', () => {
    expect(wrappedRowHeight('字'.repeat(60), [128])).toBe(20); // 120 units: one line
    expect(wrappedRowHeight('字'.repeat(61), [100, 28])).toBe(33); // 122 units > 121.6: two lines
    expect(wrappedRowHeight('1'.repeat(121), [128])).toBe(20);
    expect(wrappedRowHeight('a\n\nb', [128])).toBe(47); // three lines, the empty one included
  });
});

