// npm run bench — prints a table and writes bench-results/bench.json. Figures, not pass/fail tests;
// targets are printed beside them (issue #2: query p95 ≤ 15 ms, handler ≤ 1.3× raw SQL, 10k-row import ≤ 3 s).
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { workerQuery, type WorkerQueryInput } from '../../shared/roster/schemas';
import { idCardCheckChar } from '../../shared/roster/idcard';
import { Core, type Session } from '../../electron/core/core';
import { generateDemo } from '../../electron/core/demo';
import { generateDemoHazards } from '../../electron/core/demoHazards';
import type { HazardQueryInput } from '../../shared/hazards/schemas';
import { buildWorkerQuery, workerListSql } from '../../electron/core/roster/workers';
import { setQuiet } from '../../electron/core/log';

setQuiet(true);
const args = process.argv.slice(2);
const ITER = Number(args[args.indexOf('--iterations') + 1]) || 40;

interface Row {
  metric: string;
  value: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const json: Record<string, number> = {};
const record = (metric: string, ms: number, target?: number, unit = 'ms') => {
  json[metric] = Number(ms.toFixed(3));
  rows.push({ metric, value: `${ms.toFixed(2)} ${unit}`, target: target === undefined ? '' : `≤ ${target} ${unit}`, ok: target === undefined ? null : ms <= target });
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-bench-'));
  try {
    // 1. open + migrate a new store
    const [fresh, tOpen] = await time(() => Core.open({ dataDir: path.join(dir, 'fresh'), host: 'cli' }));
    fresh.close();
    record('store open + migrate (new file)', tOpen, 500);

    // 2. 50,000 workers
    const big = await Core.open({ dataDir: path.join(dir, 'large'), host: 'cli' });
    const [, tDemo] = await time(() => generateDemo(big.store, 'large'));
    record('demo --size large (50,000 workers, audited)', tDemo);
    big.close();
    const [core, tReopen] = await time(() => Core.open({ dataDir: path.join(dir, 'large'), host: 'cli' }));
    record('store open (50,000 workers)', tReopen, 500);

    const session: Session = { operatorId: null };
    const op = core.store.db.prepare('SELECT id FROM operators WHERE is_admin = 1 LIMIT 1').pluck().get() as string;
    session.operatorId = op;
    const ws = core.store.db.prepare(`SELECT id FROM org_units WHERE kind = 'workshop' ORDER BY sort_order LIMIT 1 OFFSET 3`).pluck().get() as string;
    const team = core.store.db.prepare(`SELECT id FROM org_units WHERE kind = 'team' LIMIT 1 OFFSET 7`).pluck().get() as string;
    const queries: WorkerQueryInput[] = [
      { search: '', page: 1, pageSize: 100 },
      { search: '反应釜', pageSize: 100 },
      { search: '王', pageSize: 100, sortField: 'name' },
      { search: 'AK0123', pageSize: 50 },
      { orgUnitId: ws, sortField: 'hireDate', sortDir: 'desc', pageSize: 100 },
      { orgUnitId: team, search: '操作工', pageSize: 100 },
      { role: 'safety_officer', pageSize: 100 },
      { special: 'cert', sortField: 'name', pageSize: 100, page: 3 },
      { status: 'all', sortField: 'skillGrade', sortDir: 'desc', page: 40, pageSize: 100 },
      { gender: 'F', special: 'exposed', orgUnitId: ws, pageSize: 200 },
    ];
    // warm up
    for (const q of queries) await core.dispatch('workers.list', q, session);

    const perQuery = queries.map(() => [] as number[]);
    const handlerTimes: number[] = [];
    const rawTimes: number[] = [];
    const stmts = new Map<string, Database.Statement>();
    const prep = (sql: string) => {
      let s = stmts.get(sql);
      if (!s) stmts.set(sql, (s = core.store.db.prepare(sql)));
      return s;
    };
    for (let i = 0; i < ITER; i++) {
      for (const [qi, q] of queries.entries()) {
        const [r, th] = await time(() => core.dispatch('workers.list', q, session));
        perQuery[qi]!.push(th);
        if (!r.ok) throw new Error(`query failed: ${JSON.stringify(r.error)}`);
        handlerTimes.push(th);
        const parsed = workerQuery.parse(q);
        const [, tr] = await time(() => {
          const b = buildWorkerQuery(core.store, parsed);
          const sql = workerListSql(b);
          const hits = prep(sql.ids).all([...b.params, parsed.pageSize, (parsed.page - 1) * parsed.pageSize]) as { rid: number }[];
          if (!b.scans) prep(sql.count).get(b.params);
          const ids = hits.map((h) => h.rid);
          return prep(sql.rows).all([JSON.stringify(ids)]);
        });
        rawTimes.push(tr);
      }
    }
    console.log('per query (handler path) p50 / p95 ms:');
    queries.forEach((q, i) => console.log(`  ${pct(perQuery[i]!, 50).toFixed(2).padStart(7)} ${pct(perQuery[i]!, 95).toFixed(2).padStart(7)}  ${JSON.stringify({ ...q, orgUnitId: q.orgUnitId ? '…' : undefined })}`));
    const hp95 = pct(handlerTimes, 95);
    const rp95 = pct(rawTimes, 95);
    record('roster query p50, handler path (50k)', pct(handlerTimes, 50));
    record('roster query p95, handler path (50k)', hp95, 15);
    record('roster query p50, raw SQL (50k)', pct(rawTimes, 50));
    record('roster query p95, raw SQL (50k)', rp95);
    const ratio = pct(handlerTimes, 50) / pct(rawTimes, 50);
    json['handler / raw (p50 ratio)'] = Number(ratio.toFixed(3));
    rows.push({ metric: 'handler / raw SQL (p50 ratio)', value: `${ratio.toFixed(2)}×`, target: '≤ 1.3×', ok: ratio <= 1.3 });

    // 3. import of a 10,000-row xlsx through the channels (preview + commit)
    const wb = new ExcelJS.Workbook();
    const sh = wb.addWorksheet('花名册');
    sh.addRow(['2026 年度职工花名册']);
    sh.addRow(['工号', '姓名', '性别', '身份证号', '手机号', '车间', '班组', '岗位', '入职日期', '安全技能等级', '安全职责']);
    for (let i = 0; i < 10_000; i++) {
      const first17 = `1101051985${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
      sh.addRow([`IM${String(i).padStart(6, '0')}`, `导入职工${i}`, Number(first17[16]) % 2 ? '男' : '女', first17 + idCardCheckChar(first17), `139${String(i).padStart(8, '0')}`, `导入车间${i % 8}`, `${['甲', '乙', '丙'][i % 3]}班`, '操作工', '2020-03-01', String(1 + (i % 5)), i % 50 === 0 ? '安全员' : '']);
    }
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const [preview, tPrev] = await time(() => core.dispatch('roster.importPreview', { fileName: 'bench.xlsx', dataBase64: xlsx.toString('base64') }, session));
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    const importId = (preview.value as { importId: string; counts: { invalid: number } }).importId;
    const [commit, tCommit] = await time(() => core.dispatch('roster.importCommit', { importId }, session));
    if (!commit.ok) throw new Error(JSON.stringify(commit.error));
    record('import 10,000-row xlsx: preview', tPrev);
    record('import 10,000-row xlsx: commit', tCommit);
    record('import 10,000-row xlsx: total', tPrev + tCommit, 3000);

    // 4. export
    const [, tExport] = await time(() => core.dispatch('roster.export', { status: 'active' }, session));
    record('export roster xlsx (~58,000 workers)', tExport);

    // 5. hazard ledger at 100,000 hazards (issue #3)
    const [, tHz] = await time(() => generateDemoHazards(core.store, 100_000));
    record('demo hazards (100,000, with events and audit)', tHz);
    const hq: HazardQueryInput[] = [
      { status: 'open', pageSize: 100 },
      { status: 'all', grade: 'major', sortField: 'riskD', pageSize: 100 },
      { status: 'open', overdue: true, sortField: 'dueDate', sortDir: 'asc', pageSize: 100 },
      { status: 'all', orgUnitId: ws, from: '2025-01-01', to: '2025-12-31', pageSize: 100 },
      { status: 'closed', risk: 'red', category1: 'material', pageSize: 100, page: 3 },
      { status: 'all', source: 'worker_report', sortField: 'serial', pageSize: 200 },
    ];
    const searches: HazardQueryInput[] = [
      { status: 'all', search: '安全阀', pageSize: 100 },
      { status: 'all', search: '配电箱门未关闭', pageSize: 100 },
      { status: 'open', search: '叉车通道', pageSize: 100 },
      { status: 'all', search: '护栏', pageSize: 100 },
      { status: 'all', search: 'YH-2026-00', pageSize: 100 },
    ];
    const runSet = async (qs: HazardQueryInput[], n: number) => {
      const ts: number[] = [];
      for (const q of qs) await core.dispatch('hazards.list', q, session);
      for (let i = 0; i < n; i++) {
        for (const q of qs) {
          const [r, tq] = await time(() => core.dispatch('hazards.list', q, session));
          if (!r.ok) throw new Error(JSON.stringify(r.error));
          ts.push(tq);
        }
      }
      return ts;
    };
    const lt = await runSet(hq, ITER);
    record('ledger query p50 (100k hazards, filters)', pct(lt, 50));
    record('ledger query p95 (100k hazards, filters)', pct(lt, 95), 20);
    const st = await runSet(searches, ITER);
    record('ledger Chinese search p50 (100k)', pct(st, 50));
    record('ledger Chinese search p95 (100k)', pct(st, 95), 30);
    const year = new Date().getFullYear();
    await core.dispatch('hazards.stats', { year }, session);
    const dash: number[] = [];
    for (let i = 0; i < Math.max(5, ITER / 4); i++) {
      const [r, td] = await time(async () => {
        const a = await core.dispatch('hazards.stats', { year, quarter: null }, session);
        const b = await core.dispatch('hazards.reminders', { limit: 20 }, session);
        return a.ok && b.ok;
      });
      if (!r) throw new Error('dashboard failed');
      dash.push(td);
    }
    record('dashboard aggregates (stats + reminders), p50', pct(dash, 50), 50);
    const unit = core.store.db.prepare(`SELECT id FROM org_units WHERE kind = 'team' LIMIT 1`).pluck().get() as string;
    const creates: number[] = [];
    for (let i = 0; i < 200; i++) {
      const [r, tc] = await time(() =>
        core.dispatch('hazards.report', { foundAt: '2026-11-20T09:30', source: 'self_check', category1: 'material', category2: 'physical', description: `基准测试隐患 ${i}：法兰垫片渗漏`, orgUnitId: unit }, session),
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      creates.push(tc);
    }
    record('hazard create with audit, p50', pct(creates, 50), 5);
    const hid = core.store.db.prepare(`SELECT id FROM hazards WHERE grade = 'major' AND status = 'rectifying' LIMIT 1`).pluck().get() as string;
    await core.dispatch('hazards.noticePdf', { id: hid }, session);
    const pdfT: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < 5; i++) {
      const [r, tp] = await time(() => core.dispatch('hazards.noticePdf', { id: hid }, session));
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      pdfBytes = Buffer.from((r.value as { dataBase64: string }).dataBase64, 'base64').length;
      pdfT.push(tp);
    }
    record('rectification notice PDF (no photos), p50', pct(pdfT, 50), 500);
    record('rectification notice PDF size', pdfBytes / 1024, 300, 'KB');

    const mem = process.memoryUsage();
    record('memory: RSS', mem.rss / 1048576, undefined, 'MiB');
    record('memory: heap used', mem.heapUsed / 1048576, undefined, 'MiB');
    core.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const w = Math.max(...rows.map((r) => r.metric.length)) + 2;
  console.log(`\nAnkang benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores\n`);
  console.log(`${'metric'.padEnd(w)}${'value'.padStart(14)}  target     `);
  console.log('-'.repeat(w + 30));
  for (const r of rows) {
    console.log(`${r.metric.padEnd(w)}${r.value.padStart(14)}  ${r.target.padEnd(10)} ${r.ok === null ? '' : r.ok ? 'met' : 'MISSED'}`);
  }
  const outDir = path.resolve('bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'bench.json');
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, iterations: ITER, results: json }, null, 2));
  console.log(`\nwritten ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
