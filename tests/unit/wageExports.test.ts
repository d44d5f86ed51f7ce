// The payroll exports of a run (issue 9, "Exports and pictures"; "Tests and figures"): the wide sheet, the long CSV and
// the slips agree to the fen with the run lines and with each other; every worker's components add up to their total
// in every export; the ID number masked or full; the CSV quoted per RFC 4180 in UTF-8 with BOM or in GBK bytes; the
// xlsx read back cell by cell; the PDFs read back with pdftotext and looked at as images.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../shared/enterprise/types';
import {
  csvField,
  longCsv,
  longCsvText,
  longRows,
  slipBlocks,
  wideSheet,
  workshopSummary,
  yuan,
  yuanGrouped,
  type ComponentHead,
} from '../../shared/wage/exports/layout';
import type { RunLine, RunSummary } from '../../shared/wage/runs/types';
import { parseCsv, decodeText } from '../../electron/core/documents/tabular';
import { encodeCsv } from '../../electron/core/wage/exports/csv';
import { writePayrollXlsx } from '../../electron/core/wage/exports/payrollXlsx';
import { renderSlips } from '../../electron/core/wage/exports/slipsPdf';
import { renderSummary } from '../../electron/core/wage/exports/summaryPdf';

const HEADS: ComponentHead[] = [
  { code: 'SKILL', name: '安全技能等级' },
  { code: 'SAFE_TIME', name: '安全生产时长' },
  { code: 'BEHAVIOUR', name: '安全行为' },
  { code: 'HAZARDS', name: '隐患排查' },
];
const comp = (code: string, fen: number, applied: RunLine['components'][number]['applied'] = []) => ({ code, raw: null, points: 0, weighted: 0, fen, applied });
function line(i: number, o: Partial<RunLine> & { fens: [number, number, number, number] }): RunLine {
  const components = HEADS.map((h, k) => comp(h.code, o.fens[k]!));
  return {
    workerId: `w${i}`,
    empNo: o.empNo ?? `E${String(i).padStart(4, '0')}`,
    name: o.name ?? `职工${i}`,
    idCard: o.idCard === undefined ? '320102199001011234' : o.idCard,
    workshopId: o.workshopId === undefined ? 'ws1' : o.workshopId,
    workshopName: o.workshopName === undefined ? '一车间' : o.workshopName,
    teamId: 't1',
    teamName: '甲班',
    components: o.components ?? components,
    totalFen: (o.components ?? components).reduce((s, c) => s + c.fen, 0),
    veto: o.veto ?? false,
    proRata: o.proRata ?? null,
  };
}

const LINES: RunLine[] = [
  line(1, { fens: [1800, 3000, 1201, 4000], empNo: '00017' }),
  line(2, { fens: [1200, 0, -599, 0], veto: true, components: [comp('SKILL', 1200), comp('SAFE_TIME', 0, ['veto']), comp('BEHAVIOUR', -599), comp('HAZARDS', 0)] }),
  line(3, { fens: [600, 1455, 1, 1], workshopId: 'ws2', workshopName: '二车间', name: '欧阳,"娜"', proRata: { worked: 14, of: 30 } }),
  line(4, { fens: [0, 0, 0, 0], workshopId: null, workshopName: null, idCard: null }),
  // a code the heads lack still gets its column
  line(5, { fens: [3000, 3000, 2000, 2000], components: [comp('SKILL', 3000), comp('SAFE_TIME', 3000, ['cap']), comp('BEHAVIOUR', 2000), comp('HAZARDS', 2000), comp('EXTRA', 99)] }),
];
const PERIOD = '2026-11';
const sumOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('money in 元 from integer fen', () => {
  it('two decimals, signs, no floating point', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(-5)).toBe('-0.05');
    expect(yuan(123456)).toBe('1234.56');
    expect(yuan(-599)).toBe('-5.99');
    expect(yuan(9007199254740991)).toBe('90071992547409.91');
    expect(yuanGrouped(123456789)).toBe('1,234,567.89');
    expect(yuanGrouped(-100000)).toBe('-1,000.00');
    expect(() => yuan(1.5)).toThrow(RangeError);
  });
});

describe('the wide sheet', () => {
  const w = wideSheet(LINES, HEADS, 'masked');
  it('工号 first, 姓名, 身份证号, 车间, 班组, one column per component (extra codes too), 合计', () => {
    expect(w.headers).toEqual(['工号', '姓名', '身份证号', '车间', '班组', '安全技能等级', '安全生产时长', '安全行为', '隐患排查', 'EXTRA', '合计']);
  });
  it('every row: the components add up to the total; the totals row adds up the rows', () => {
    for (const r of w.rows) expect(sumOf(r.amounts)).toBe(r.totalFen);
    w.heads.forEach((_, i) => expect(w.totals.amounts[i]).toBe(sumOf(w.rows.map((r) => r.amounts[i]!))));
    expect(w.totals.totalFen).toBe(sumOf(LINES.map((l) => l.totalFen)));
    expect(sumOf(w.totals.amounts)).toBe(w.totals.totalFen);
    expect(w.totals.workers).toBe(5);
  });
  it('masks the ID number by choice; a worker without one gets an empty cell', () => {
    expect(w.rows[0]!.idCard).toBe('320102********1234');
    expect(wideSheet(LINES, HEADS, 'full').rows[0]!.idCard).toBe('320102199001011234');
    expect(w.rows[3]!.idCard).toBe('');
    expect(w.rows[0]!.empNo).toBe('00017');
  });
});

describe('the long CSV', () => {
  const rows = longRows(LINES, HEADS, PERIOD);
  it('worker × component, zeros included; per worker the rows add up to the total', () => {
    expect(rows).toHaveLength(5 * 5);
    for (const l of LINES) expect(sumOf(rows.filter((r) => r.empNo === l.empNo).map((r) => r.fen))).toBe(l.totalFen);
    expect(rows.every((r) => r.period === PERIOD)).toBe(true);
  });
  it('RFC 4180: quotes doubled, fields with a comma quoted, CRLF; a formula-looking text defused, a negative amount not', () => {
    expect(csvField('欧阳,"娜"')).toBe('"欧阳,""娜"""');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-5.99')).toBe('-5.99');
    const text = longCsvText(rows);
    expect(text.split('\r\n')[0]).toBe('工号,姓名,项目代码,项目,金额（元）,期间');
    expect(text.endsWith('\r\n')).toBe(true);
  });
  it('straight from the run lines (the fast path the export takes): the same text as the rows, quoting and all', () => {
    expect(longCsv(LINES, HEADS, PERIOD)).toBe(longCsvText(rows));
    const odd: RunLine[] = [
      line(7, { fens: [1, -2, 0, 300], empNo: '=cmd', name: '欧阳,"娜"' }),
      line(8, { fens: [0, 0, 0, 0], name: 'a\nb', components: [comp('SKILL', 5), comp('SKILL', 7), comp('X,Y', -1)] }),
    ];
    const heads = [...HEADS, { code: '+Z', name: '名,称' }];
    expect(longCsv(odd, heads, '2026-11')).toBe(longCsvText(longRows(odd, heads, '2026-11')));
    expect(longCsv(odd, heads, '2026-11')).toContain(`'=cmd,"欧阳,""娜""",SKILL,安全技能等级,0.01,2026-11\r\n`);
    expect(longCsv([], HEADS, PERIOD)).toBe('工号,姓名,项目代码,项目,金额（元）,期间\r\n');
  });
  it('agrees with the wide sheet to the fen, read back from its bytes in both encodings', () => {
    const w = wideSheet(LINES, HEADS, 'full');
    for (const enc of ['utf8bom', 'gbk'] as const) {
      const bytes = encodeCsv(longCsvText(rows), enc);
      const { text } = decodeText(bytes);
      const table = parseCsv(text);
      expect(table[0]).toEqual(['工号', '姓名', '项目代码', '项目', '金额（元）', '期间']);
      const body = table.slice(1).filter((r) => r.length > 1);
      expect(body).toHaveLength(rows.length);
      w.rows.forEach((wr) => {
        const mine = body.filter((r) => r[0] === wr.empNo);
        expect(mine.map((r) => r[1])).toEqual(Array(w.heads.length).fill(wr.name));
        w.heads.forEach((h, i) => {
          const r = mine.find((x) => x[2] === h.code)!;
          expect(r[3]).toBe(h.name);
          expect(Math.round(Number(r[4]) * 100)).toBe(wr.amounts[i]);
          expect(r[5]).toBe(PERIOD);
        });
        expect(sumOf(mine.map((r) => Math.round(Number(r[4]) * 100)))).toBe(wr.totalFen);
      });
    }
  });
  it('UTF-8 starts with the BOM; GBK is GBK bytes (张 = D5 C5, 工号 = B9 A4 BA C5)', () => {
    const utf = encodeCsv('工号,张\r\n', 'utf8bom');
    expect([...utf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf.subarray(3).toString('utf8')).toBe('工号,张\r\n');
    const gbk = encodeCsv('工号,张\r\n', 'gbk');
    expect([...gbk]).toEqual([0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd5, 0xc5, 0x0d, 0x0a]);
    expect(iconv.decode(gbk, 'gbk')).toBe('工号,张\r\n');
  });
  it('GBK refuses a character it lacks, naming the line, instead of writing “?”', () => {
    expect(() => encodeCsv('工号\r\n𠀀明\r\n', 'gbk')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'err.wage.export.notGbk', details: { line: 2, char: '𠀀' } }));
    // a real question mark is fine
    expect(iconv.decode(encodeCsv('a?b\r\n', 'gbk'), 'gbk')).toBe('a?b\r\n');
  });
});

describe('the slips and the summary', () => {
  it('each slip: every component with its amount, the total, the reasons; agrees with the wide sheet', () => {
    const slips = slipBlocks(LINES, HEADS, PERIOD);
    const w = wideSheet(LINES, HEADS, 'masked');
    slips.forEach((s, k) => {
      expect(s.items.map((i) => i.fen)).toEqual(w.rows[k]!.amounts);
      expect(sumOf(s.items.map((i) => i.fen))).toBe(s.totalFen);
      expect(s.totalFen).toBe(w.rows[k]!.totalFen);
    });
    expect(slips[1]!.notes.join()).toContain('一票否决');
    expect(slips[2]!.notes.join()).toContain('14/30');
    expect(slips[4]!.notes.join()).toContain('安全生产时长已封顶');
    expect(slips[0]!.notes).toEqual([]);
  });
  it('by workshop: rows add up to the totals, those without a workshop last', () => {
    const s = workshopSummary(LINES, HEADS);
    expect(s.rows.map((r) => r.workshop).sort()).toEqual(['一车间', '二车间', '（未分车间）'].sort());
    expect(s.rows.at(-1)!.workshop).toBe('（未分车间）');
    expect(s.rows.find((r) => r.workshop === '一车间')!.workers).toBe(3);
    expect(s.totals.workers).toBe(5);
    expect(s.totals.totalFen).toBe(sumOf(LINES.map((l) => l.totalFen)));
    s.heads.forEach((_, i) => expect(s.totals.amounts[i]).toBe(sumOf(s.rows.map((r) => r.amounts[i]!))));
    for (const r of s.rows) expect(sumOf(r.amounts)).toBe(r.totalFen);
    expect(s.totals.vetoes).toBe(1);
  });
  it('by workshop in the organisation’s order: sort_order first, then numbers by value (十车间 after 二车间), not by pinyin', () => {
    const named = (i: number, id: string, name: string) => line(i, { fens: [100, 100, 0, 0], workshopId: id, workshopName: name });
    const lines = [named(1, 'a', '合成十车间'), named(2, 'b', '合成二车间'), named(3, 'c', '合成一车间'), line(4, { fens: [0, 0, 0, 0], workshopId: null, workshopName: null })];
    expect(workshopSummary(lines, HEADS).rows.map((r) => r.workshop)).toEqual(['合成一车间', '合成二车间', '合成十车间', '（未分车间）']);
    // the organisation editor's order wins over the names
    expect(workshopSummary(lines, HEADS, new Map([['a', 1], ['b', 2], ['c', 3]])).rows.map((r) => r.workshop)).toEqual(['合成十车间', '合成二车间', '合成一车间', '（未分车间）']);
  });
});

// ---------------------------------------------------------------------------------------------------------
// the writers, read back

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wage-exports-'));
const shots = path.resolve('test-results/docs');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');
const ENTERPRISE: Enterprise = { id: 'e', name: '安康化工有限公司', uscc: '91320100MA1XXXXX0X', address: null, industry: null, headcount: 5, updatedAt: '2026-01-01' };
const RUN: RunSummary = {
  id: 'r1',
  period: PERIOD,
  version: 2,
  state: 'approved',
  schemeId: 's1',
  schemeName: '2026年度能级工资方案',
  schemeVersion: 1,
  workers: LINES.length,
  totalFen: sumOf(LINES.map((l) => l.totalFen)),
  safetyPaid: 3,
  vetoes: 1,
  budget: null,
  calculatedAt: '2026-12-01T09:00:00',
  calculatedBy: '王会计',
  reviewedAt: '2026-12-02T10:00:00',
  reviewedBy: '李复核',
  approvedAt: '2026-12-03T11:00:00',
  approvedBy: '赵主席',
  calculatedById: 'o1',
  reviewedById: 'o2',
  approvedById: 'o3',
  replacedAt: null,
  stale: null,
};
const ctx = { enterprise: ENTERPRISE, run: RUN, fingerprint: 'ab12-cd34-ef56 #42', now: new Date('2026-12-03T12:00:00') };

describe('the writers', () => {
  it('the wide xlsx, cell by cell: identifiers as text, money in 元, the totals row', async () => {
    const w = wideSheet(LINES, HEADS, 'full');
    const file = path.join(tmp, 'payroll.xlsx');
    await writePayrollXlsx(file, w, ctx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('2026年11月能级工资发放表');
    const head = 3;
    w.headers.forEach((h, i) => expect(ws.getCell(head, i + 1).value).toBe(h));
    w.rows.forEach((r, k) => {
      const row = ws.getRow(head + 1 + k);
      expect(row.getCell(1).value).toBe(r.empNo);
      expect(row.getCell(1).numFmt).toBe('@');
      expect(row.getCell(3).value).toBe(r.idCard || null);
      r.amounts.forEach((a, i) => expect(Math.round(Number(row.getCell(6 + i).value) * 100)).toBe(a));
      expect(Math.round(Number(row.getCell(6 + r.amounts.length).value) * 100)).toBe(r.totalFen);
    });
    const total = ws.getRow(head + 1 + w.rows.length);
    expect(total.getCell(1).value).toBe('合计（5 人）');
    expect(Math.round(Number(total.getCell(w.headers.length).value) * 100)).toBe(w.totals.totalFen);
  });

  it('the slips PDF: each worker with their amounts and total; several to a page', async () => {
    const many = Array.from({ length: 14 }, (_, i) => LINES[i % LINES.length]!);
    const buf = await renderSlips(slipBlocks(many, HEADS, PERIOD), ctx);
    const file = path.join(tmp, 'slips.pdf');
    fs.writeFileSync(file, buf);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(4);
    const text = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    expect(text).toContain('2026年11月能级工资条');
    expect(text).toContain('00017');
    expect(text).toContain('18.00'); // SKILL of the first
    expect(text).toContain('100.01'); // 1800+3000+1201+4000 fen
    expect(text).toContain('-5.99');
    expect(text).toContain('一票否决');
    expect(text).toContain('ab12-cd34-ef56#42');
    fs.mkdirSync(shots, { recursive: true });
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(shots, 'wage-slips')]);
  });

  it('the summary PDF: by workshop, totals, who approved, the signature lines and the fingerprint', async () => {
    const buf = await renderSummary(workshopSummary(LINES, HEADS), ctx);
    const file = path.join(tmp, 'summary.pdf');
    fs.writeFileSync(file, buf);
    const text = squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']));
    for (const s of ['2026年11月能级工资汇总表', '一车间', '二车间', '（未分车间）', '制表（签字）', '复核（签字）', '审批（签字）', '工会劳动保护监督检查委员会', '赵主席', 'ab12-cd34-ef56#42'])
      expect(text).toContain(s);
    expect(text).toContain(squash(yuanGrouped(RUN.totalFen)));
    fs.mkdirSync(shots, { recursive: true });
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(shots, 'wage-summary')]);
  });
});
