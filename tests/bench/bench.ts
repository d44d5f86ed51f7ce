// npm run bench [-- --iterations N] [-- --scale 1m] [-- --data DIR [--keep]] [-- --small] [-- --only wage|health]
//   --small     every step on the small demo (860 workers, 3,000 hazards; the wage step 860 workers) to try the bench quickly: its figures are not
//               at the targets' scale (the congress step's are: it builds its own term of 300 representatives)
//   --data DIR  build the demo store under DIR/large once and reuse it on later runs (the 1M load takes minutes);
//               a reused store skips the load figures and gains the 200 hazards step 10 reports on each run
//               (with --only health: the step's own store, under DIR/health)
//   --keep      keep the store after the run (a run without --data otherwise works in a temporary folder and removes it)
// Prints figures with their targets beside them and writes bench-results/bench(-1m).json. It never asserts a timing.
//
// Every query family (roster list, ledger list, search with a common and a rare term, dashboard statistics,
// reminders) is measured three ways, interleaved call by call so that all three see the same cache state:
//   in process   core.dispatch (input validation, session, handler, result envelope)
//   HTTP         POST /api/call with the token through the browser host on 127.0.0.1 (keep-alive), JSON both ways, from a
//                client on a worker thread of its own (as the browser is a process of its own), timed on that thread
//   raw SQL      the same SQL statements on the better-sqlite3 handle, no validation, no mapping
// and the ratios between them. Targets come from issue #6; at --scale 1m (1,000,000 hazards, not in CI) the 1M targets.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { workerQuery, type WorkerQueryInput } from '../../shared/roster/schemas';
import { idCardCheckChar } from '../../shared/roster/idcard';
import { hazardQuery, type HazardQueryInput } from '../../shared/hazards/schemas';
import { OPEN_STATUSES } from '../../shared/hazards/rules';
import type { FileRef } from '../../shared/files';
import { Core, type Session } from '../../electron/core/core';
import { demoUscc, generateDemo } from '../../electron/core/demo';
import { generateDemoWage } from '../../electron/core/wage/demo';
import { generateDemoHazards } from '../../electron/core/demoHazards';
import { buildWorkerQuery, workerListSql } from '../../electron/core/roster/workers';
import { buildHazardQuery, hazardListSql, LEDGER_COUNT_CAP, ROW_SELECT } from '../../electron/core/hazards/queries';
import { textHitsUpTo } from '../../electron/core/db/fts';
import { startBrowserHost } from '../../electron/browser-host/server';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import { shiftDate } from '../../shared/congress/proposals/workflow';
import { healthStep } from './healthStep';

setQuiet(true);
const args = process.argv.slice(2);
const argOf = (k: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
const ITER = Number(argOf('--iterations')) || 40;
const scale = argOf('--scale') ?? '100k';
if (scale !== '100k' && scale !== '1m') {
  console.error('--scale must be 100k or 1m');
  process.exit(2);
}
const BIG = scale === '1m';
const SMALL = args.includes('--small');
const dataArg = argOf('--data');
const KEEP = args.includes('--keep');
/** --only wage: just step 12 (the skill-level wage in a store of its own); --only health: just step 13 (health,
 * education and the subsidy in a store of their own) — for trying their figures quickly */
const ONLY = argOf('--only');
if (ONLY !== undefined && ONLY !== 'wage' && ONLY !== 'health') throw new Error(`--only takes: wage, health (not ${ONLY})`);
if (args.includes('--data') && (!dataArg || dataArg.startsWith('--'))) {
  console.error('--data needs a folder');
  process.exit(2);
}
const HAZARDS = SMALL ? 3_000 : BIG ? 1_000_000 : 100_000;
const SCALE = SMALL ? '3k (--small)' : BIG ? '1M' : '100k';
const WORKERS = SMALL ? '860' : '50,000';
/** issue #6 targets (ms unless noted); the 1M ones where the issue names them */
const T = {
  roster: 15,
  ledger: BIG ? 50 : 20,
  search: BIG ? 150 : 30,
  dashboard: BIG ? 100 : 50,
  transport: 1.3,
  load100k: 120_000,
  exportRatio: 1.5,
  pdf: 500,
  pdfKb: 300,
  open: 500,
  import10k: 3000,
  create: 5,
  // issue #8: the minutes of a session of 300 representatives (and 200 proposals), and the session screen's check-in
  minutesPdf: 2000,
  minutesMb: 2,
  checkIn: 20,
  // issue #9: the skill-level wage at 5,000 workers × 12 months
  wageRuns: 2000,
  wageExport: 2000,
  wageWhatIf: 3000,
};

// ---------------------------------------------------------------------------------------------------------
// recording and printing

interface Line {
  metric: string;
  value: string;
  target: string;
  ok: boolean | null;
}
const lines: Line[] = [];
const json: Record<string, number | string> = {};
const record = (metric: string, v: number, target?: number, unit = 'ms') => {
  json[metric] = Number(v.toFixed(3));
  const fmt = unit === '×' ? `${v.toFixed(2)}×` : `${v.toFixed(unit === 'ms' && v >= 10_000 ? 0 : 2)} ${unit}`;
  lines.push({ metric, value: fmt, target: target === undefined ? '' : unit === '×' ? `≤ ${target}×` : `≤ ${target} ${unit}`, ok: target === undefined ? null : v <= target });
};
const note = (metric: string, text: string) => {
  json[metric] = text;
  lines.push({ metric, value: text, target: '', ok: null });
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
const say = (s: string) => process.stderr.write(`${s}\n`);

interface FamilyResult {
  family: string;
  inproc: number[];
  http: number[];
  raw: number[];
  target: number | null;
}
const families: FamilyResult[] = [];

// ---------------------------------------------------------------------------------------------------------
// the browser host client: one keep-alive connection, the token, JSON both ways — on a worker thread of its own, as
// the browser is a process of its own: the server's thread then does only what the host does for a real page (its
// event loop, garbage and caches are not shared with the client's), and the time is taken where the page would take
// it, from before the request is written until its JSON reply is parsed.

interface HttpReply {
  ok: boolean;
  error?: unknown;
  /** ms from request to parsed reply, measured on the client's thread */
  ms: number;
}

function httpRequester(port: number, token: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (channel: string, input: unknown) =>
    new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve, reject) => {
      const body = Buffer.from(JSON.stringify({ channel, input }));
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/call',
          method: 'POST',
          agent,
          headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, 'X-Ankang-Token': token, 'X-Ankang-Channel': channel },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean });
            } catch (e) {
              reject(e as Error);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** The client thread: answers each { channel, input } with the reply's outcome and its round-trip time. */
function clientThread() {
  const { port, token } = workerData as { port: number; token: string };
  const request = httpRequester(port, token);
  parentPort!.on('message', (m: { channel: string; input: unknown }) => {
    const t = performance.now();
    request(m.channel, m.input).then(
      (r) => parentPort!.postMessage({ ok: r.ok, error: r.ok ? undefined : r.error, ms: performance.now() - t } satisfies HttpReply),
      (e: unknown) => parentPort!.postMessage({ ok: false, error: String(e), ms: performance.now() - t } satisfies HttpReply),
    );
  });
}

function httpClient(port: number, token: string) {
  const worker = new Worker(__filename, { workerData: { port, token } });
  let queue = Promise.resolve();
  const call = (channel: string, input: unknown) => {
    const reply = queue.then(
      () =>
        new Promise<HttpReply>((resolve, reject) => {
          const onError = (e: Error) => reject(e);
          worker.once('error', onError);
          worker.once('message', (m: HttpReply) => {
            worker.off('error', onError);
            resolve(m);
          });
          worker.postMessage({ channel, input });
        }),
    );
    queue = reply.then(
      () => undefined,
      () => undefined,
    );
    return reply;
  };
  return { call, close: () => worker.terminate() };
}

type Dispatch = Core['dispatch'];
/** in process, typed loosely (the bench builds its inputs by hand): the value, or a thrown error naming the channel */
async function value<T>(core: Core, session: Session, channel: string, input: unknown): Promise<T> {
  const r = await (core.dispatch as (c: string, i: unknown, s: Session) => ReturnType<Dispatch>)(channel, input, session);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const BENCH_TERM = 90;
const BENCH_REPS = 300;
const BENCH_PROPOSALS = 200;

/**
 * Step 11 (issue #8): a term of 300 representatives (term 90, made on the first run and reused by a run on a kept
 * store), a safety-themed 5+X session with three X items to vote on, every representative checked in one at a time
 * the way the session screen does it over the browser host (attendanceSet, then the attendance list and the session
 * reread), every vote counted and announced, resolutions, 200 proposals with co-signers; then the minutes PDF (first
 * and warm) and its size, and the proposal handling report PDF.
 */
async function congressStep(core: Core, session: Session, call: (channel: string, input: unknown) => Promise<HttpReply>, release: (v: unknown) => void) {
  const db = core.store.db;
  const v = <T>(channel: string, input: unknown) => value<T>(core, session, channel, input);
  const today = todayLocal();
  const Y = Number(today.slice(0, 4));
  let termId = db.prepare(`SELECT id FROM congress_terms WHERE number = ? AND deleted_at IS NULL`).pluck().get(BENCH_TERM) as string | undefined;
  const [, tSetup] = await time(async () => {
    if (!termId) {
      // after any term the store has (a demo's): the bench's starts where the last one ends, or a year ago
      const last = db.prepare(`SELECT max(end_date) FROM congress_terms WHERE deleted_at IS NULL`).pluck().get() as string | null;
      const start = last && last > `${Y - 1}-01-01` ? last : `${Y - 1}-01-01`;
      if (start > shiftDate(today, -40)) throw new Error(`congress step: a term runs until ${start}; the bench's term cannot start before it`);
      const t = await v<{ id: string }>('congress.termCreate', { number: BENCH_TERM, startDate: start, endDate: `${Number(start.slice(0, 4)) + 4}${start.slice(4)}`, settings: { quotaPreset: 'custom', customQuota: { perMille: 6, min: 30 } } });
      termId = t.id;
      const groups = await v<{ id: string; orgUnitId: string | null }[]>('congress.groupsFromWorkshops', { termId });
      const groupOf = new Map(groups.map((g) => [g.orgUnitId, g.id]));
      const workers = db
        .prepare(`SELECT id, workshop_id FROM workers WHERE deleted_at IS NULL AND status = 'active' ORDER BY rid LIMIT ?`)
        .all(BENCH_REPS) as { id: string; workshop_id: string | null }[];
      if (workers.length < BENCH_REPS) throw new Error(`congress step: ${workers.length} active workers, ${BENCH_REPS} needed`);
      for (const [k, w] of workers.entries()) {
        await v('congress.memberAdd', { termId, workerId: w.id, groupId: groupOf.get(w.workshop_id) ?? null, presidium: k < 9, joinedOn: start });
      }
    }
  });
  record(`congress: a term of ${BENCH_REPS} representatives (groups, memberAdd ×${BENCH_REPS})`, tSetup);

  // the session: today, 5+X, three X items to vote on; papers issued and the session opened
  type Item = { id: string; kind: string; title: string; votes: { id: string }[] };
  type Detail = { id: string; agenda: Item[] };
  let s = await v<Detail>('congress.sessionCreate', { termId, kind: 'safety', date: today, time: '08:30', place: '职工活动中心', convenor: '公司工会' });
  for (const title of ['审议《劳动防护用品配发标准》', '审议《高温季节作业时间调整方案》', '审议《职工安全生产奖惩办法》']) {
    s = await v<Detail>('congress.agendaAdd', { sessionId: s.id, title, kind: 'vote', presenter: '安全环保部', plannedMinutes: 15 });
  }
  await v('congress.sessionStep', { id: s.id, action: 'issue' });
  await v('congress.sessionStep', { id: s.id, action: 'open' });

  // check-in, one representative at a time, as the session screen does it (DayScreen: set, reload the list, reread)
  const rows = (await v<{ rows: { memberId: string }[] }>('congress.attendance', { sessionId: s.id, q: null })).rows;
  const setMs: number[] = [];
  const screenMs: number[] = [];
  for (const r of rows) {
    const t0 = performance.now();
    const a = await call('congress.attendanceSet', { sessionId: s.id, memberIds: [r.memberId], status: 'present' });
    if (!a.ok) throw new Error(`congress.attendanceSet over HTTP failed: ${JSON.stringify(a.error)}`);
    const b = await call('congress.attendance', { sessionId: s.id, q: null });
    const c = await call('congress.session', { id: s.id });
    if (!b.ok || !c.ok) throw new Error(`check-in reread over HTTP failed: ${JSON.stringify(b.error ?? c.error)}`);
    setMs.push(a.ms);
    screenMs.push(performance.now() - t0);
  }
  record(`congress check-in over HTTP (${rows.length} representatives): attendanceSet p50`, pct(setMs, 50));
  record(`congress check-in over HTTP: attendanceSet p95`, pct(setMs, 95), T.checkIn);
  record(`congress check-in over HTTP: the screen's round trip (set + list + session) p50`, pct(screenMs, 50));
  record(`congress check-in over HTTP: the screen's round trip p95`, pct(screenMs, 95), T.checkIn);

  // votes on every item to vote on: nearly all yes, announced; the resolutions written
  s = await v<Detail>('congress.session', { id: s.id });
  const present = rows.length;
  for (const item of s.agenda.filter((i) => i.kind === 'vote')) {
    const opened = await v<Detail>('congress.voteOpen', { itemId: item.id });
    const vote = opened.agenda.find((i) => i.id === item.id)!.votes.at(-1)!;
    await v('congress.voteCount', { id: vote.id, counts: { issued: present, yes: present - 12, no: 5, abstain: 6, invalid: 1 } });
    await v('congress.voteAnnounce', { id: vote.id });
    await v('congress.agendaRecord', { id: item.id, summary: `代表分组审议了${item.title.replace(/^审议/, '')}，提出修改意见 12 条。`, resolution: `大会表决通过${item.title.replace(/^审议/, '')}。` });
  }
  for (const item of s.agenda.filter((i) => i.kind !== 'vote')) {
    await v('congress.agendaRecord', { id: item.id, summary: '与会代表听取并审议了该项报告，认为报告内容翔实、措施具体，同意提交大会。', resolution: null });
  }

  // 200 proposals for this session, each with three co-signers, collected in the 30 days before it
  const reps = db
    .prepare(`SELECT worker_id FROM congress_members WHERE term_id = ? AND kind = 'representative' AND left_on IS NULL ORDER BY rid`)
    .pluck()
    .all(termId) as string[];
  await v('congress.proposalSettingsSave', { termId, windowDays: 30, minCosigners: 2, secondAnswerDays: 15, sessionDate: today, committee: [] });
  const [, tProp] = await time(async () => {
    for (let k = 0; k < BENCH_PROPOSALS; k++) {
      const at = (d: number) => reps[(k * 7 + d) % reps.length]!;
      await v('congress.proposalSubmit', {
        termId,
        category: (['safety', 'occupational_health', 'protective_equipment', 'wage', 'other'] as const)[k % 5],
        title: `关于第 ${k + 1} 号岗位安全防护改进的提案`,
        reason: '现场巡检发现作业平台防护设施老化，夜间照明不足，职工反映强烈。'.repeat(1 + (k % 3)),
        measure: '更换老化防护设施，增设防爆照明灯具，并纳入月度安全检查。',
        proposerId: at(0),
        cosignerIds: [at(1), at(2), at(3)],
        submittedOn: shiftDate(today, -1 - (k % 29)),
      });
    }
  });
  record(`congress: ${BENCH_PROPOSALS} proposals submitted (in process), each`, tProp / BENCH_PROPOSALS);
  await v('congress.sessionStep', { id: s.id, action: 'close' });

  // the minutes: the first of the process (fonts and pdfkit load) and warm, with its size
  const [first, tFirst] = await time(() => v<FileRef>('congress.sessionMinutesPdf', { id: s.id }));
  release(first);
  const warm: number[] = [];
  let bytes = first.bytes;
  for (let i = 0; i < 5; i++) {
    const [r, t] = await time(() => v<FileRef>('congress.sessionMinutesPdf', { id: s.id }));
    bytes = r.bytes;
    release(r);
    warm.push(t);
  }
  record(`congress minutes PDF (${present} representatives): first call`, tFirst, T.minutesPdf);
  record('congress minutes PDF: warm p50', pct(warm, 50), T.minutesPdf);
  record('congress minutes PDF: size', bytes / 1048576, T.minutesMb, 'MB');
  const [rep, tRep] = await time(() => v<FileRef>('congress.proposalReportPdf', { termId }));
  release(rep);
  record(`congress proposal handling report PDF (${BENCH_PROPOSALS}+ proposals)`, tRep, T.minutesPdf);
  record('congress proposal handling report PDF: size', rep.bytes / 1048576, T.minutesMb, 'MB');
}

const WAGE_WORKERS = SMALL ? 860 : 5_000;
const WAGE_WORKSHOPS = ['合成车间', '精馏车间', '聚合车间', '包装车间', '储运车间', '机修车间', '电仪车间', '公用工程车间', '质检中心', '安环部'];

/**
 * Step 12 (issue #9): the skill-level wage at 5,000 workers × 12 months, in a store of its own (the runs read every
 * active worker, so the large demo's 50,000 would be another figure): the roster imported, a year of the demo's
 * records (time, behaviour, accidents — electron/core/wage/demo.ts) and hazards found by them; the year's scheme made
 * from the catalogue, adopted and effective from the first month, and a draft copy with other weights. Measured
 * through the dispatch: a year of runs (12 × wage.runCalculate), the payroll export of the last month (wide xlsx and
 * long CSV), and the what-if of the draft over the year.
 */
async function wageStep(tmp: string) {
  const core = await Core.open({ dataDir: path.join(tmp, 'wage'), host: 'cli' });
  const release = (f: FileRef) => core.files.release(f.fileId);
  try {
    const session: Session = { operatorId: null };
    const v = <T>(channel: string, input: unknown) => value<T>(core, session, channel, input);
    await v('setup.init', {
      enterprise: { name: '泰州市基准化工有限公司', uscc: demoUscc(), headcount: WAGE_WORKERS, address: '泰州', industry: '化学原料和化学制品制造业' },
      operator: { empNo: 'B0001', name: '王主席', gender: 'M', roles: ['union_officer'], pin: null },
    });
    // the chair and a second union officer (an approval needs another operator than the review)
    const wb = new ExcelJS.Workbook();
    const sh = wb.addWorksheet('花名册');
    sh.addRow(['工号', '姓名', '性别', '身份证号', '车间', '班组', '岗位', '入职日期', '安全技能等级', '安全职责']);
    for (let i = 0; i < WAGE_WORKERS; i++) {
      const first17 = `3212021980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
      sh.addRow([
        `WG${String(i).padStart(6, '0')}`, `基准职工${i}`, Number(first17[16]) % 2 ? '男' : '女', first17 + idCardCheckChar(first17),
        WAGE_WORKSHOPS[i % WAGE_WORKSHOPS.length], `${['甲', '乙', '丙', '丁'][Math.floor(i / WAGE_WORKSHOPS.length) % 4]}班`, '操作工',
        i % 97 === 0 ? shiftDate(todayLocal(), -100 - (i % 60)) : `20${String(10 + (i % 15)).padStart(2, '0')}-03-01`, String(1 + (i % 5)),
        i === 1 ? '工会负责人' : i % 50 === 3 ? '安全员' : '',
      ]);
    }
    const preview = await v<{ importId: string }>('roster.importPreview', { fileName: 'wage.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    await v('roster.importCommit', { importId: preview.importId });
    const db = core.store.db;
    const chairOp = db.prepare(`SELECT id FROM operators LIMIT 1`).pluck().get() as string;
    const second = db.prepare(`SELECT id FROM workers WHERE emp_no = 'WG000001'`).pluck().get() as string;
    const reviewerOp = (await v<{ id: string }>('operators.add', { workerId: second, isAdmin: false, pin: null })).id;
    session.operatorId = chairOp;
    const reviewer: Session = { operatorId: reviewerOp };

    // a year of records and of hazards found
    const [rec, tRec] = await time(() => generateDemoWage(core.store));
    generateDemoHazards(core.store, Math.round(WAGE_WORKERS * 0.6), { spanDays: 400 });
    record(`wage: a year of records for ${WAGE_WORKERS.toLocaleString('en')} workers (${rec.timekeeping.toLocaleString('en')} months of time, ${rec.behaviour} behaviour records)`, tRec);
    const periods = rec.periods;

    // the year's scheme, effective from the first month, and a draft copy with other weights
    type Version = { id: string; name: string; content: { indicators: { code: string; weightPct: number }[]; money: unknown; totalCapFen: number | null; veto: unknown } };
    const made = await v<Version>('wage.schemeCreate', { name: '基准能级工资方案', codes: ['SKILL', 'SAFE_TIME', 'BEHAVIOUR', 'HAZARDS'] });
    const content = { ...made.content, money: { kind: 'pointValue', fenPerPoint: 500 }, totalCapFen: 60_000, veto: { severities: ['minor_injury', 'serious_injury', 'death'], team: false } };
    await v('wage.schemeUpdate', { id: made.id, name: made.name, content });
    const first = `${periods[0]}-01`;
    await v('wage.schemeAction', { id: made.id, action: 'adoptElsewhere', docNo: '基准〔2026〕1号', date: shiftDate(first, -30) });
    await v('wage.schemeAction', { id: made.id, action: 'makeEffective', effectiveFrom: first });
    const copy = await v<Version>('wage.schemeAction', { id: made.id, action: 'copy', name: '基准能级工资方案（讨论稿）' });
    await v('wage.schemeUpdate', { id: copy.id, name: copy.name, content: { ...copy.content, indicators: copy.content.indicators.map((i) => ({ ...i, weightPct: 25 })) } });

    // ---- a year of runs
    const runs: { id: string; workers: number }[] = [];
    const per: number[] = [];
    for (const period of periods) {
      const [r, t] = await time(() => v<{ id: string; workers: number }>('wage.runCalculate', { period }));
      runs.push(r);
      per.push(t);
    }
    const year = per.reduce((a, b) => a + b, 0);
    record(`wage: a year of runs (12 × wage.runCalculate, ${runs.at(-1)!.workers.toLocaleString('en')} workers)`, year, T.wageRuns);
    record('wage: one month\'s run, p50', pct(per, 50));

    // ---- the payroll export of the last month (an approved run)
    const last = runs.at(-1)!;
    await value(core, reviewer, 'wage.runReview', { id: last.id });
    await v('wage.runApprove', { id: last.id });
    const [xlsx, tXlsx] = await time(() => v<FileRef>('wage.payrollXlsx', { runId: last.id, idCard: 'masked' }));
    release(xlsx);
    const [csv, tCsv] = await time(() => v<FileRef>('wage.payrollCsv', { runId: last.id, encoding: 'gbk' }));
    release(csv);
    record(`wage: payroll export, wide xlsx (${last.workers.toLocaleString('en')} workers)`, tXlsx, T.wageExport);
    record('wage: payroll export, long CSV (GBK)', tCsv, T.wageExport);

    // ---- the what-if of the draft over the year
    const [, tWhat] = await time(() => v('wage.whatIf', { schemeId: copy.id, from: periods[0], to: periods.at(-1) }));
    record(`wage: what-if of a draft over a year (${periods.length} months)`, tWhat, T.wageWhatIf);
  } finally {
    core.close();
  }
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-bench-'));
  const dir = dataArg ? path.resolve(dataArg) : tmp;
  const marker = path.join(dir, 'bench-store.json');
  const reuse = dataArg !== undefined && fs.existsSync(marker);
  if (reuse) {
    const m = JSON.parse(fs.readFileSync(marker, 'utf8')) as { hazards: number };
    if (m.hazards !== HAZARDS) throw new Error(`${dir} holds a store of ${m.hazards} hazards, not ${HAZARDS}: use another --data folder`);
  }
  if (ONLY === 'wage') {
    say('wage only…');
    try {
      await wageStep(tmp);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    printMetrics(SMALL ? 'bench-wage-small.json' : 'bench-wage.json', `Ankang benchmark, the skill-level wage step only (--only wage${SMALL ? ' --small' : ''})`);
    return;
  }
  if (ONLY === 'health') {
    say('health, education and subsidy only…');
    try {
      // with --data DIR the step's store is built under DIR once and reused (removed at the end unless --keep)
      await healthStep(dataArg ? dir : tmp, SMALL, { record, note, pct, say }, dataArg !== undefined);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      if (dataArg && !KEEP) for (const f of ['health', 'health-small', 'bench-health.json', 'bench-health-small.json']) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
    }
    printMetrics(SMALL ? 'bench-health-small.json' : 'bench-health.json', `Ankang benchmark, the health, education and subsidy step only (--only health${SMALL ? ' --small' : ''})`);
    return;
  }
  const rendererDir = fs.existsSync(path.resolve('out/renderer/index.html')) ? path.resolve('out/renderer') : fs.mkdtempSync(path.join(tmp, 'renderer-'));
  try {
    // ---- 1. open + migrate a new store
    const [fresh, tOpen] = await time(() => Core.open({ dataDir: path.join(tmp, 'fresh'), host: 'cli' }));
    fresh.close();
    record('store open + migrate (new file)', tOpen, T.open);

    // ---- 2. the demo load: 50,000 workers, then the hazards (what `cli demo --size large` does)
    if (reuse) {
      say(`reusing the store in ${dir}`);
      note('demo load', `reused ${dir} (not measured)`);
    } else {
      if (fs.existsSync(path.join(dir, 'large'))) throw new Error(`${path.join(dir, 'large')} exists but is no finished bench store: remove it or use another --data folder`);
      say(`loading the demo: ${WORKERS} workers and ${HAZARDS.toLocaleString('en')} hazards…`);
      const big = await Core.open({ dataDir: path.join(dir, 'large'), host: 'cli' });
      const [, tWorkers] = await time(() => generateDemo(big.store, SMALL ? 'small' : 'large'));
      record(`demo load: ${WORKERS} workers (audited)`, tWorkers);
      let lastSay = performance.now();
      const [, tHz] = await time(() =>
        generateDemoHazards(big.store, HAZARDS, {
          batchSize: BIG ? 100_000 : 20_000,
          progress: (p) => {
            if (performance.now() - lastSay > 10_000) {
              lastSay = performance.now();
              say(`  ${p.done.toLocaleString('en')} / ${HAZARDS.toLocaleString('en')} hazards`);
            }
          },
        }),
      );
      record(`demo load: ${HAZARDS.toLocaleString('en')} hazards (events, audit, text index, stats)`, tHz, BIG ? undefined : T.load100k);
      record('demo load: total', tWorkers + tHz, BIG ? undefined : T.load100k);
      big.close();
      if (dataArg) fs.writeFileSync(marker, JSON.stringify({ hazards: HAZARDS, builtAt: new Date().toISOString() }));
    }

    // ---- 3. reopen: what a user's next start costs, and the process's own memory once loaded
    const [core, tReopen] = await time(() => Core.open({ dataDir: path.join(dir, 'large'), host: 'cli' }));
    record(`store open (${WORKERS} workers, ${SCALE} hazards)`, tReopen, T.open);
    const db = core.store.db;
    const session: Session = { operatorId: db.prepare('SELECT id FROM operators WHERE is_admin = 1 LIMIT 1').pluck().get() as string };
    const host = await startBrowserHost({ core, rendererDir, token: 'bench-token-0123456789abcdef' });
    const client = httpClient(host.port, host.token);
    const call = client.call;
    const signIn = await call('session.signIn', { operatorId: session.operatorId });
    if (!signIn.ok) throw new Error(`browser host sign-in failed: ${JSON.stringify(signIn.error)}`);

    const stmts = new Map<string, Database.Statement>();
    const prep = (sql: string) => {
      let s = stmts.get(sql);
      if (!s) stmts.set(sql, (s = db.prepare(sql)));
      return s;
    };
    const check = (r: { ok: boolean; error?: unknown }, what: string) => {
      if (!r.ok) throw new Error(`${what} failed: ${JSON.stringify(r.error)}`);
    };

    /** one family: every input ITER times, in process / HTTP / raw interleaved */
    async function family<I>(name: string, channel: string, inputs: I[], raw: (i: I) => unknown, target: number | null, iterations = ITER) {
      for (const i of inputs) {
        check(await core.dispatch(channel, i, session), `${channel} ${JSON.stringify(i)}`);
        check(await call(channel, i), `${channel} over HTTP`);
        raw(i);
      }
      const f: FamilyResult = { family: name, inproc: [], http: [], raw: [], target };
      for (let k = 0; k < iterations; k++) {
        for (const i of inputs) {
          const [r, t1] = await time(() => core.dispatch(channel, i, session));
          check(r, channel);
          f.inproc.push(t1);
          const h = await call(channel, i);
          check(h, channel);
          f.http.push(h.ms);
          const [, t3] = await time(() => raw(i));
          f.raw.push(t3);
        }
      }
      families.push(f);
      return f;
    }

    // ---- 4. roster list at 50,000 workers
    const ws = db.prepare(`SELECT id FROM org_units WHERE kind = 'workshop' ORDER BY sort_order LIMIT 1 OFFSET 3`).pluck().get() as string;
    const team = db.prepare(`SELECT id FROM org_units WHERE kind = 'team' LIMIT 1 OFFSET 7`).pluck().get() as string;
    const rosterQueries: WorkerQueryInput[] = [
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
    const rawRoster = (q: WorkerQueryInput) => {
      const parsed = workerQuery.parse(q);
      const b = buildWorkerQuery(core.store, parsed);
      const sql = workerListSql(b);
      const hits = prep(sql.ids).all([...b.params, parsed.pageSize, (parsed.page - 1) * parsed.pageSize]) as { rid: number }[];
      if (!b.scans) prep(sql.count).get(b.params);
      return prep(sql.rows).all([JSON.stringify(hits.map((h) => h.rid))]);
    };
    say('roster…');
    const roster = await family('roster list (50k workers)', 'workers.list', rosterQueries, rawRoster, T.roster);
    console.log('roster, per query (in process) p50 / p95 ms:');
    rosterQueries.forEach((q, qi) => {
      const xs = roster.inproc.filter((_, k) => k % rosterQueries.length === qi);
      console.log(`  ${pct(xs, 50).toFixed(2).padStart(7)} ${pct(xs, 95).toFixed(2).padStart(7)}  ${JSON.stringify({ ...q, orgUnitId: q.orgUnitId ? '…' : undefined })}`);
    });

    // ---- 5. the hazard ledger: filters and sorts, then searches
    // the statements listHazards runs (queries.ts), without validation or row mapping
    const cap = LEDGER_COUNT_CAP;
    const rawLedger = (q: HazardQueryInput) => {
      const parsed = hazardQuery.parse(q);
      const b = buildHazardQuery(core.store, parsed);
      const sql = hazardListSql(b);
      const limit = [parsed.pageSize, (parsed.page - 1) * parsed.pageSize];
      const hitsSql = b.textIndex ? textHitsUpTo(b.textIndex, cap + 1) : null;
      const textHits = hitsSql ? (prep(hitsSql.sql).get(hitsSql.params) as { n: number }).n : null;
      let hits: { rid: number }[];
      if (textHits !== null && textHits <= cap) {
        hits = prep(sql.idsCounted).all([...b.params, ...limit]) as { rid: number }[];
        if (hits.length === 0) prep(sql.count).get(b.params);
      } else {
        const broad = sql.countHitsUpTo !== null && (b.filterStatsCount() ?? 0) > 10 * cap;
        const counted = (broad ? prep(sql.countHitsUpTo!).get([b.textIndex!.phrase, ...b.filters.params, cap + 1]) : prep(sql.countUpTo).get([...b.params, cap + 1])) as { n: number };
        const total = b.statsCount() ?? Math.min(cap, counted.n);
        hits = prep(total < 2_000 ? sql.idsProbed : sql.idsInOrder).all([...b.params, ...limit]) as { rid: number }[];
      }
      return prep(sql.rows).all([JSON.stringify(hits.map((h) => h.rid))]);
    };
    const year = Number(todayLocal().slice(0, 4));
    const ledgerQueries: HazardQueryInput[] = [
      { status: 'all', pageSize: 50 },
      { status: 'open', pageSize: 100 },
      { status: 'all', grade: 'major', sortField: 'riskD', pageSize: 100 },
      { status: 'open', overdue: true, sortField: 'dueDate', sortDir: 'asc', pageSize: 100 },
      { status: 'all', orgUnitId: ws, from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, pageSize: 100 },
      { status: 'closed', risk: 'red', category1: 'material', pageSize: 100, page: 3 },
      { status: 'all', source: 'worker_report', sortField: 'serial', pageSize: 200 },
      { status: 'all', pageSize: 50, page: 200 },
    ];
    /** per input of a family: in-process p50 / p95 */
    const perQuery = (f: FamilyResult, inputs: unknown[], show: (i: never) => unknown) => {
      console.log(`${f.family}, per query (in process) p50 / p95 ms:`);
      inputs.forEach((q, qi) => {
        const xs = f.inproc.filter((_, k) => k % inputs.length === qi);
        console.log(`  ${pct(xs, 50).toFixed(2).padStart(7)} ${pct(xs, 95).toFixed(2).padStart(7)}  ${JSON.stringify(show(q as never))}`);
      });
    };
    say('ledger…');
    const ledgerF = await family(`ledger list (${SCALE} hazards)`, 'hazards.list', ledgerQueries, rawLedger, T.ledger);
    perQuery(ledgerF, ledgerQueries, (q: HazardQueryInput) => ({ ...q, orgUnitId: q.orgUnitId ? '…' : undefined }));
    const serial = db.prepare(`SELECT serial FROM hazards ORDER BY rid LIMIT 1 OFFSET ?`).pluck().get(Math.floor(HAZARDS / 3)) as string;
    const common: HazardQueryInput[] = [
      { status: 'all', search: '现场', pageSize: 50 },
      { status: 'all', search: '灭火器', pageSize: 50 },
      { status: 'all', search: '疏散指示', pageSize: 50 },
      { status: 'open', search: '泄漏', pageSize: 50 },
    ];
    const rare: HazardQueryInput[] = [
      { status: 'all', search: 'GT-12', pageSize: 50 },
      { status: 'all', search: '氯气缓冲罐', pageSize: 50 },
      { status: 'all', search: serial, pageSize: 50 },
    ];
    for (const q of [...common, ...rare]) {
      const r = await core.dispatch('hazards.list', q, session);
      check(r, 'search');
      const v = (r as { value: { total: number; totalCapped?: boolean } }).value;
      console.log(`  search ${JSON.stringify(q.search)} (${q.status}): ${v.totalCapped ? 'more than ' : ''}${v.total} hits`);
    }
    say('search…');
    perQuery(await family(`search, common term (${SCALE})`, 'hazards.list', common, rawLedger, T.search), common, (q: HazardQueryInput) => q);
    perQuery(await family(`search, rare term (${SCALE})`, 'hazards.list', rare, rawLedger, T.search), rare, (q: HazardQueryInput) => q);

    // ---- 6. the home page: statistics of the year and the reminders (the SQL of hazards/stats.ts and queries.ts)
    const openList = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
    const rawStats = (i: { year: number; quarter: number | null }) => {
      const today = todayLocal();
      const m0 = `${i.year}-01`, m1 = `${i.year}-12`;
      prep(`SELECT month, workshop_id AS ws, status, grade, risk, n, planned, actual FROM hazard_month_stats WHERE month BETWEEN ? AND ? AND n > 0`).all(m0, m1);
      prep(`SELECT month, n, days FROM hazard_close_stats WHERE month BETWEEN ? AND ? AND n > 0`).all(m0, m1);
      prep(
        `SELECT h.workshop_id AS ws, h.grade, count(*) AS n, sum(h.due_date < ?) AS overdue
         FROM hazards h INDEXED BY hazards_open WHERE h.deleted_at IS NULL AND h.status IN (${openList}) GROUP BY 1, 2`,
      ).all(today);
      prep(
        `SELECT h.workshop_id AS ws, count(*) AS n FROM hazards h INDEXED BY hazards_open
         WHERE h.deleted_at IS NULL AND h.status IN (${openList}) AND h.due_date < ? AND h.found_date BETWEEN ? AND ? GROUP BY 1`,
      ).all(today, `${i.year}-01-01`, `${i.year}-12-31`);
      return prep(`SELECT id, name, sort_order FROM org_units WHERE kind = 'workshop'`).all();
    };
    say('dashboard…');
    await family(`dashboard: hazards.stats (${SCALE})`, 'hazards.stats', [{ year, quarter: null }, { year: year - 1, quarter: 4 }], rawStats, T.dashboard);
    const rawReminders = (i: { limit: number }) => {
      const today = todayLocal();
      const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86400000).toISOString().slice(0, 10);
      const open = `h.deleted_at IS NULL AND h.status IN (${openList})`;
      prep(`${ROW_SELECT.replace('FROM hazards h', 'FROM hazards h INDEXED BY hazards_by_due')} WHERE ${open} AND h.due_date < ? ORDER BY h.due_date, h.serial_key LIMIT ?`).all(today, i.limit);
      prep(`${ROW_SELECT.replace('FROM hazards h', 'FROM hazards h INDEXED BY hazards_by_due')} WHERE ${open} AND h.due_date >= ? AND h.due_date <= ? ORDER BY h.due_date, h.serial_key LIMIT ?`).all(today, soon, i.limit);
      prep(`SELECT count(*) AS n FROM hazards h WHERE ${open} AND h.due_date < ?`).get(today);
      return prep(`SELECT count(*) AS n FROM hazards h WHERE ${open} AND h.due_date >= ? AND h.due_date <= ?`).get(today, soon);
    };
    await family(`reminders (${SCALE})`, 'hazards.reminders', [{ limit: 20 }], rawReminders, T.dashboard);

    const mem = process.memoryUsage();
    record('memory after loading and querying: RSS', mem.rss / 1048576, undefined, 'MiB');
    record('memory after loading and querying: heap used', mem.heapUsed / 1048576, undefined, 'MiB');

    // ---- 7. documents: the first PDF of the process beside the warm figure
    const hid = db.prepare(`SELECT id FROM hazards WHERE grade = 'major' AND status IN ('rectifying', 'closed') ORDER BY rid DESC LIMIT 1`).pluck().get() as string;
    const release = (v: unknown) => core.files.release((v as FileRef).fileId);
    const [first, tFirst] = await time(() => core.dispatch('hazards.noticePdf', { id: hid }, session));
    check(first, 'noticePdf');
    release(first.ok ? first.value : null);
    const pdfT: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < 7; i++) {
      const [r, tp] = await time(() => core.dispatch('hazards.noticePdf', { id: hid }, session));
      check(r, 'noticePdf');
      pdfBytes = (r as { value: FileRef }).value.bytes;
      release((r as { value: FileRef }).value);
      pdfT.push(tp);
    }
    record('rectification notice PDF: first of the process', tFirst, T.pdf);
    record('rectification notice PDF: warm p50', pct(pdfT, 50), T.pdf);
    record('rectification notice PDF: size', pdfBytes / 1024, T.pdfKb, 'KB');

    // ---- 8. the ledger export against exceljs writing the same rows alone
    if (!BIG) {
      say('ledger export…');
      const [exp, tExp] = await time(() => core.dispatch('hazards.exportLedger', { status: 'all' }, session));
      check(exp, 'exportLedger');
      release((exp as { value: FileRef }).value);
      const base = path.join(dir, 'exceljs-alone.xlsx');
      const [, tBase] = await time(async () => {
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: base, useSharedStrings: false, useStyles: false });
        const sheet = wb.addWorksheet('隐患台账');
        let n = 0;
        for (const r of db.prepare(`${ROW_SELECT} WHERE h.deleted_at IS NULL ORDER BY h.found_at DESC`).iterate() as Iterable<Record<string, unknown>>) {
          sheet
            .addRow([
              ++n, r.serial, r.found_at, r.finder_name, r.source, `${String(r.workshop_name ?? '')} ${String(r.team_name ?? '')}`, r.place, r.description,
              `${String(r.category1)} ${String(r.category2 ?? '')}`, r.accident_type, r.grade, r.risk_d, r.responsible_name, r.measures,
              r.planned_funds, r.deadline, r.status, r.due_date, r.actual_funds, r.accepted_by_name, r.closed_date,
            ])
            .commit();
        }
        sheet.commit();
        await wb.commit();
      });
      record(`ledger export xlsx (${SCALE} rows), channel`, tExp);
      record(`ledger export xlsx (${SCALE} rows), exceljs alone`, tBase);
      record('ledger export / exceljs alone', tExp / tBase, T.exportRatio, '×');
    } else note('ledger export xlsx', 'not run at 1M');

    // ---- 9. roster import (10,000 rows through the channels) and export
    if (!BIG) {
      say('roster import and export…');
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
      check(preview, 'importPreview');
      const importId = (preview as { value: { importId: string } }).value.importId;
      const [commit, tCommit] = await time(() => core.dispatch('roster.importCommit', { importId }, session));
      check(commit, 'importCommit');
      record('import 10,000-row xlsx: preview', tPrev);
      record('import 10,000-row xlsx: commit', tCommit);
      record('import 10,000-row xlsx: total', tPrev + tCommit, T.import10k);
      const [rexp, tRexp] = await time(() => core.dispatch('roster.export', { status: 'active' }, session));
      check(rexp, 'roster.export');
      release((rexp as { value: FileRef }).value);
      record('export roster xlsx (~58,000 workers)', tRexp);
    }

    // ---- 10. one write: a hazard reported with its event and audit, on the full ledger
    const unit = db.prepare(`SELECT id FROM org_units WHERE kind = 'team' LIMIT 1`).pluck().get() as string;
    const creates: number[] = [];
    for (let i = 0; i < 200; i++) {
      const [r, tc] = await time(() =>
        core.dispatch('hazards.report', { foundAt: `${todayLocal()}T08:30`, source: 'self_check', category1: 'material', category2: 'physical', description: `基准测试隐患 ${i}：法兰垫片渗漏`, orgUnitId: unit }, session),
      );
      check(r, 'hazards.report');
      creates.push(tc);
    }
    record(`hazard report with event and audit, p50 (${SCALE})`, pct(creates, 50), T.create);

    // ---- 11. the workers' congress: a term of 300 representatives, a 5+X session checked in one by one on the session
    // screen through the browser host, votes entered, 200 proposals; the minutes PDF of it all
    say('congress…');
    await congressStep(core, session, call, release);

    // ---- 12. the skill-level wage: 5,000 workers × 12 months in a store of its own
    say('wage…');
    await wageStep(tmp);

    // ---- 13. health, education and the subsidy: 50,000 workers with the demo's shape in a store of their own
    say('health…');
    await healthStep(tmp, SMALL, { record, note, pct, say });
    const end = process.memoryUsage();
    record('memory at the end: RSS', end.rss / 1048576, undefined, 'MiB');
    await client.close();
    await host.close();
    core.close();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    // only what the bench made: a --data folder itself is left in place
    if (dataArg && !KEEP) for (const f of [path.join(dir, 'large'), marker]) fs.rmSync(f, { recursive: true, force: true });
  }

  // ---- the tables
  const head = `Ankang benchmark (${SCALE} hazards) — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  console.log(`\n${head}\n`);
  const f2 = (x: number) => x.toFixed(2).padStart(7);
  const fw = Math.max(...families.map((f) => f.family.length)) + 2;
  console.log(`${'query family'.padEnd(fw)}  in process p50/p95   HTTP p50/p95        raw SQL p50/p95     in-proc/raw  HTTP/in-proc  target p95`);
  console.log('-'.repeat(fw + 110));
  for (const f of families) {
    const ip50 = pct(f.inproc, 50), ip95 = pct(f.inproc, 95), h50 = pct(f.http, 50), h95 = pct(f.http, 95), r50 = pct(f.raw, 50), r95 = pct(f.raw, 95);
    const procRaw = ip50 / r50, httpProc = h50 / ip50;
    const key = f.family;
    Object.assign(json, {
      [`${key}: in process p50`]: +ip50.toFixed(3), [`${key}: in process p95`]: +ip95.toFixed(3),
      [`${key}: HTTP p50`]: +h50.toFixed(3), [`${key}: HTTP p95`]: +h95.toFixed(3),
      [`${key}: raw p50`]: +r50.toFixed(3), [`${key}: raw p95`]: +r95.toFixed(3),
      [`${key}: in process / raw (p50)`]: +procRaw.toFixed(3), [`${key}: HTTP / in process (p50)`]: +httpProc.toFixed(3),
    });
    const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const tgt = f.target === null ? '' : `≤ ${f.target} ms ${met(ip95 <= f.target)}${h95 <= f.target ? '' : ' (HTTP MISSED)'}`;
    console.log(
      `${key.padEnd(fw)}  ${f2(ip50)} ${f2(ip95)}     ${f2(h50)} ${f2(h95)}     ${f2(r50)} ${f2(r95)}     ${procRaw.toFixed(2).padStart(6)}×     ${httpProc.toFixed(2).padStart(5)}× ${httpProc <= T.transport ? 'met' : 'MISSED'}  ${tgt}`,
    );
  }
  const all = families.flatMap((f) => f.inproc.map((x, i) => [x, f.http[i]!] as const));
  const transport = pct(all.map(([, h]) => h), 50) / pct(all.map(([p]) => p), 50);
  console.log(`(ms; HTTP/in-proc target ≤ ${T.transport}×; all families together: HTTP / in process p50 = ${transport.toFixed(2)}×)\n`);
  json['all families: HTTP / in process (p50)'] = +transport.toFixed(3);

  printMetrics(SMALL ? 'bench-small.json' : BIG ? 'bench-1m.json' : 'bench.json', head, false);
}

/** The metrics table (and the JSON file under bench-results/). */
function printMetrics(fileName: string, title: string, withTitle = true) {
  const head = `${title} — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  if (withTitle) console.log(`\n${head}\n`);
  const w = Math.max(...lines.map((r) => r.metric.length)) + 2;
  console.log(`${'metric'.padEnd(w)}${'value'.padStart(14)}  target`);
  console.log('-'.repeat(w + 34));
  for (const r of lines) console.log(`${r.metric.padEnd(w)}${r.value.padStart(14)}  ${r.target.padEnd(12)} ${r.ok === null ? '' : r.ok ? 'met' : 'MISSED'}`);
  const outDir = path.resolve('bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, fileName);
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine: withTitle ? head : title, node: process.version, iterations: ITER, scale: SCALE, results: json }, null, 2));
  console.log(`\nwritten ${file}`);
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else clientThread();
