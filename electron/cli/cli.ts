// Admin CLI: npm run cli -- <command> [--data DIR]
// Exit codes: 0 success, 1 failure (one-line reason on stderr), 2 bad arguments (usage on stderr).
import fs from 'node:fs';
import path from 'node:path';
import { term } from '../../shared/glossary';
import { AppError } from '../../shared/result';
import { CLI_ACTOR } from '../core/audit';
import { chainHeadOf, CHAIN_VERSION } from '../core/auditChain';
import { backupTo, defaultBackupName, listBackups, pruneBackups, restoreInto } from '../core/backup';
import { checkFile, openUntrusted, RECOVERABLE, type StoreProblem } from '../core/db/health';
import { Core } from '../core/core';
import { LATEST_VERSION, schemaVersion } from '../core/db/migrations';
import { generateDemo } from '../core/demo';
import { generateDemoHazards } from '../core/demoHazards';
import { generateDemoCongress } from '../core/congress/demo';
import { generateDemoWage, generateDemoWagePlan } from '../core/wage/demo';
import { generateDemoSpecialGroups } from '../core/subsidy/demoAll';
import type { Progress } from '../core/kernel/jobs';
import { commitImport, ImportSessions, planImport, targetLabel } from '../core/roster/import';
import { setQuiet } from '../core/log';
import { lockHolder } from '../core/lock';
import { dataPaths, resolveDataDir } from '../core/paths';
import { localTime } from '../core/recovery';
import { listWorkers } from '../core/roster/workers';
import { workerQuery } from '../../shared/roster/schemas';
import { callCommand, channelsCommand } from './scripting';
import { uuidv7 } from '../core/util';

const USAGE = `用法 / usage: npm run cli -- <command> [options] [--data DIR]

  roster import FILE [--skip-invalid]   import workers from .xlsx/.csv (updates by employee no.)
  roster export FILE                    export all employed workers to .xlsx
  roster list [--json] [--search S] [--all]   list workers (first 1000)
  check [--fingerprint "a1b2-c3d4-e5f6 #1234"]
                                        every problem of the store: integrity, foreign keys, application id,
                                        exact schema of its version, audit chain (read-only; exit 1 if any);
                                        --fingerprint: does the 数据指纹 printed on a signed document still match
                                        that audit entry (a rewritten log does not; exit 1)
  backup [--to FILE]                    online backup (default: DATA/backups, with retention)
  restore FILE                          validate FILE, keep the current store aside, restore
  channels [--json]                     every channel: access (public/auth/admin) and input fields; --json: JSON Schema
  call CHANNEL [JSON|-] [--as EMPNO] [--pin PIN] [--out FILE]
                                        run a channel as the operator with that employee no.; prints the result as
                                        JSON (JSON left out: {}; -: read from stdin). A PIN is asked for on the
                                        terminal (or read as the first line of stdin); --out FILE keeps a produced
                                        file (exports, PDFs). Refused: exit 1, the typed error as JSON on stderr
  demo [--size small|large] [--quiet]   fill an empty store with demo data (small = 860 workers, 300 hazards;
                                        large = 50,000 workers, 100,000 hazards; both: the workers' congress with
                                        last year's session and this year's in preparation;
                                        the skill-level wage: a year of records, the year's scheme and a draft,
                                        this year's approved runs; health: exposures, two years of exams,
                                        certificates; education: a year of activities, culture walls;
                                        this year's subsidy dossier draft with photos); progress on stderr

  --data DIR   data folder (default: ANKANG_DATA_DIR or the app's user-data folder)`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}
const VALUE_FLAGS = new Set(['--data', '--to', '--size', '--search', '--as', '--pin', '--out', '--fingerprint']);
const BOOL_FLAGS = new Set(['--json', '--skip-invalid', '--all', '--quiet']);
export function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (VALUE_FLAGS.has(k)) {
        const val = v ?? argv[++i];
        if (val === undefined || val.startsWith('--')) throw new UsageError(`${k} needs a value`);
        flags.set(k, val);
      } else if (BOOL_FLAGS.has(k) && v === undefined) flags.set(k, true);
      else throw new UsageError(`unknown option ${a}`);
    } else positional.push(a);
  }
  return { positional, flags };
}

const out = (s: string) => process.stdout.write(`${s}\n`);

/** the small demo's ledger: about a dozen hazards a month over two years, the newest in every state */
const DEMO_SMALL_HAZARDS = 300;
const DEMO_STAGES: Record<string, string> = { 'demo.workers': '职工 workers', 'demo.hazards': '隐患 hazards', 'demo.congress': '职代会 congress', 'demo.wage': '能级工资 wage', 'demo.wagePlan': '能级工资方案与核算 wage runs', 'demo.health': '体检与特种作业 health', 'demo.education': '教育与文化墙 education', 'demo.subsidy': '奖补申报 subsidy' };

/** Progress lines on stderr for `demo`: one per stage at every tenth of the way (and at most every 2 s otherwise). */
function demoProgress(t0: number) {
  let lastStage = '';
  let lastTenth = -1;
  let lastAt = 0;
  return ({ done, total, stage }: Progress) => {
    const tenth = total ? Math.floor((done / total) * 10) : -1;
    const now = Date.now();
    if (stage === lastStage && tenth === lastTenth && now - lastAt < 2000) return;
    lastStage = stage ?? '';
    lastTenth = tenth;
    lastAt = now;
    const pct = total ? ` (${Math.floor((done / total) * 100)}%)` : '';
    process.stderr.write(`  ${DEMO_STAGES[stage ?? ''] ?? stage ?? ''} ${done}${total ? ` / ${total}` : ''}${pct}  ${((now - t0) / 1000).toFixed(1)} s\n`);
  };
}

/** On stderr: how to restore, and the newest backups of the data folder (a damaged store at start). */
function recoveryHint(dataDir: string): void {
  const dir = dataPaths(dataDir).backups;
  const list = listBackups(dir, { limit: 5 });
  process.stderr.write(`${term('recover.cliHint')}\n`);
  if (list.length === 0) process.stderr.write(`${term('recover.none', 'zh-CN', { dir })}\n`);
  else {
    process.stderr.write(`${term('recover.newest')}\n`);
    for (const b of list) process.stderr.write(`  ${b.file}  ${localTime(b.modifiedAt)}  ${Math.ceil(b.bytes / 1024)} KB\n`);
  }
}

async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await Core.open({ dataDir, host: 'cli' });
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

export async function run(argv: string[]): Promise<number> {
  let p: Parsed;
  try {
    p = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [cmd, sub, arg] = p.positional;
  const dataDir = resolveDataDir(p.flags.has('--data') ? ['--data', String(p.flags.get('--data'))] : []);
  const usage = (why: string) => {
    process.stderr.write(`${why}\n\n${USAGE}\n`);
    return 2;
  };
  try {
    switch (cmd) {
      case 'roster': {
        if (sub === 'import') {
          if (!arg || p.positional.length !== 3) return usage('roster import needs FILE');
          const buf = fs.readFileSync(arg);
          return await withCore(dataDir, async (core) => {
            const { readTable } = await import('../core/documents/tabular');
            const { table, format } = await readTable(path.basename(arg), buf);
            const s = new ImportSessions().open(uuidv7(), path.basename(arg), table);
            const { preview } = planImport(core.store, s);
            process.stderr.write(`读取 ${format}，表头在第 ${preview.headerRow} 行，${preview.counts.total} 行数据\n`);
            for (const r of preview.rows.filter((x) => x.action === 'invalid')) {
              process.stderr.write(`  第 ${r.rowNumber} 行 ${r.empNo}: ${r.problems.map((x) => `${targetLabel(x.field)} ${term(x.message, 'zh-CN', x.params)}`).join('；')}\n`);
            }
            for (const r of preview.skippedRows) process.stderr.write(`  跳过第 ${r.rowNumber} 行（${r.reason === 'footer' ? '表尾' : '重复的表头'}）：${r.text}\n`);
            const res = commitImport(core.store, CLI_ACTOR, s, { skipInvalid: p.flags.has('--skip-invalid') });
            out(`新增 ${res.created}，更新 ${res.updated}，跳过 ${res.skipped}，新建车间/班组 ${res.orgUnitsCreated}`);
            return 0;
          });
        }
        if (sub === 'export') {
          if (!arg || p.positional.length !== 3) return usage('roster export needs FILE');
          return await withCore(dataDir, async (core) => {
            const q = workerQuery.parse({ status: p.flags.has('--all') ? 'all' : 'active' });
            const { writeRosterXlsx } = await import('../core/roster/export');
            const count = await writeRosterXlsx(core.store, q, arg);
            out(`已导出 ${count} 名职工到 ${arg}`);
            return 0;
          });
        }
        if (sub === 'list') {
          if (p.positional.length !== 2) return usage('roster list takes no FILE');
          return await withCore(dataDir, async (core) => {
            const q = workerQuery.parse({
              search: String(p.flags.get('--search') ?? ''),
              status: p.flags.has('--all') ? 'all' : 'active',
              pageSize: 500,
            });
            const rows = [...listWorkers(core.store, q).rows, ...listWorkers(core.store, { ...q, page: 2 }).rows];
            if (p.flags.has('--json')) out(JSON.stringify(rows, null, 2));
            else {
              for (const w of rows) {
                out([w.empNo, w.name, term(`gender.${w.gender}`), w.workshopName ?? '', w.teamName ?? '', w.post ?? '', term(`status.${w.status}`)].join('\t'));
              }
              process.stderr.write(`${rows.length} 人\n`);
            }
            return 0;
          });
        }
        return usage(`unknown roster command: ${sub ?? ''}`);
      }
      case 'check': {
        if (p.positional.length !== 1) return usage('check takes no arguments');
        // a 数据指纹 from paper: 'a1b2-c3d4-e5f6 #1234' (the first 12 hex digits of entry 1234's hash)
        const fpArg = p.flags.get('--fingerprint');
        const printed = typeof fpArg === 'string' ? /^\s*([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})\s*#\s*(\d{1,15})\s*$/i.exec(fpArg) : null;
        if (fpArg !== undefined && !printed) return usage('--fingerprint takes the 数据指纹 as printed, e.g. "a1b2-c3d4-e5f6 #1234"');
        // read-only and untrusted: a damaged or foreign file is examined, never opened for writing; every problem
        // found is listed (integrity, foreign keys, application id, schema, audit chain), not just the first
        const dbFile = dataPaths(dataDir).db;
        // a folder without a store gets a new one, as every command does (and it then checks clean)
        if (!fs.existsSync(dbFile)) await withCore(dataDir, async () => undefined);
        const problems = checkFile(dbFile, { full: true });
        out(`数据目录 ${dataDir}`);
        let v: number | string = '?';
        let head: string | null = null; // the audit chain's head: the 数据指纹 printed on signed documents made now
        let paper: { seq: number; text: string; matches: boolean } | null = null;
        if (!problems.some((x) => ['NOT_FOUND', 'EMPTY', 'NOT_SQLITE', 'CORRUPT'].includes(x.code))) {
          try {
            const db = openUntrusted(dbFile);
            try {
              v = schemaVersion(db);
              if (v >= CHAIN_VERSION) head = chainHeadOf(db).fingerprint;
              if (printed && v >= CHAIN_VERSION) {
                // the entry the document was printed at, as the file holds it now: a log rewritten from any earlier
                // entry on (hashes recomputed, which the chain alone cannot show) no longer has that hash there
                const seq = Number(printed[4]);
                const hash = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq);
                const want = `${printed[1]}${printed[2]}${printed[3]}`.toLowerCase();
                paper = { seq, text: `${want.slice(0, 4)}-${want.slice(4, 8)}-${want.slice(8)} #${seq}`, matches: typeof hash === 'string' && hash.startsWith(want) };
              }
            } finally {
              db.close();
            }
          } catch {
            /* reported above */
          }
        }
        out(`结构版本 ${v}/${LATEST_VERSION}，完整性 ${problems.some((x) => x.code === 'INTEGRITY' || x.code === 'CORRUPT') ? '有问题' : 'ok'}，外键问题 ${problems.filter((x) => x.code === 'FOREIGN_KEY').length}，共 ${problems.length} 个问题`);
        if (head) out(`审计链头 ${head}`);
        if (printed) {
          out(
            !paper
              ? `数据指纹 ${fpArg}：无法核对（没有审计链）`
              : paper.matches
                ? `数据指纹 ${paper.text} 与审计日志第 ${paper.seq} 条相符：打印时的记录未被改写`
                : `数据指纹 ${paper.text} 与审计日志第 ${paper.seq} 条不符：打印之后，该条及之前的审计记录被改写、删除或替换过`,
          );
        }
        for (const x of problems) {
          out(`  - ${term(x.key, 'zh-CN', x.params)}`);
          // SQLite's own words, for whoever repairs the file
          if (x.params?.detail) out(`    ${term('err.db.technicalDetail', 'zh-CN')}：${x.params.detail}`);
        }
        if (problems.some((x) => RECOVERABLE.has(x.code))) recoveryHint(dataDir);
        return problems.length === 0 && (!printed || paper?.matches) ? 0 : 1;
      }
      case 'backup': {
        if (p.positional.length !== 1) return usage('backup takes no positional arguments');
        return await withCore(dataDir, async (core) => {
          const to = p.flags.get('--to');
          const file = typeof to === 'string' ? path.resolve(to) : defaultBackupName(core.paths.backups);
          const tty = process.stderr.isTTY;
          const r = await backupTo(core.store.db, file, ({ done, total }) => {
            if (tty && total > 0) process.stderr.write(`\r备份中 ${Math.round((done / total) * 100)}%`);
          });
          if (tty) process.stderr.write('\r');
          if (typeof to !== 'string') pruneBackups(core.paths.backups);
          out(`已备份到 ${r.file}（${r.bytes} 字节）`);
          return 0;
        });
      }
      case 'restore': {
        if (!sub || p.positional.length !== 2) return usage('restore needs FILE');
        const holder = lockHolder(path.join(dataDir, 'ankang.lock'));
        if (holder) throw new AppError('CONFLICT', 'err.lock.restoreHeld', { pid: holder });
        const paths = dataPaths(dataDir);
        // copied through SQLite (a -wal beside FILE comes along), the copy checked like an untrusted file, the
        // current store kept aside, the new one opened (and migrated, if older); on failure the old one is put back
        const info = await restoreInto(paths, sub, {
          reopen: async () => {
            (await Core.open({ dataDir, host: 'cli' })).close();
          },
        });
        const aside = info.aside;
        out(`已恢复：${info.enterprise ?? '（无企业档案）'}，${info.workers} 名职工，结构版本 ${info.schemaVersion}`);
        if (aside) out(`原数据已保留为 ${aside}`);
        return 0;
      }
      case 'demo': {
        if (p.positional.length !== 1) return usage('demo takes no positional arguments');
        const size = p.flags.get('--size') ?? 'small';
        if (size !== 'small' && size !== 'large') return usage('--size must be small or large');
        return await withCore(dataDir, async (core) => {
          const t = Date.now();
          const progress = p.flags.has('--quiet') ? undefined : demoProgress(t);
          const r = generateDemo(core.store, size, { progress });
          // large: commits every 20,000 hazards (bounded WAL, progress you can trust); small: one transaction
          const h =
            size === 'large'
              ? generateDemoHazards(core.store, 100_000, { progress, batchSize: 20_000 })
              : generateDemoHazards(core.store, DEMO_SMALL_HAZARDS, { progress, spanDays: 730 });
          // after the hazards: last year's session freezes the ledger's figures into its item 5; it stays in session before
          // its item 4 (能级工资), which the wage demo puts its scheme to, votes on and closes
          const c = generateDemoCongress(core.store, { progress, leaveWageVote: true });
          // after the congress: a year of the wage's records, the year's scheme and a draft, this year's runs
          const wg = generateDemoWage(core.store, { progress });
          const wp = await generateDemoWagePlan(core, { progress });
          // the special groups' health, the year's education and walls, and this year's subsidy dossier draft
          const { health: hl, education: ed, subsidy: sb } = await generateDemoSpecialGroups(core, { progress });
          out(
            `演示数据已生成：${r.workshops} 个车间，${r.teams} 个班组，${r.workers} 名职工，${r.operators + wp.operatorsAdded} 名操作员，${h.hazards} 条隐患，` +
              `第${c.termNumber}届职代会 ${c.representatives} 名代表、${c.sessions} 次会议、${c.proposals} 件提案，` +
              `能级工资 ${wg.timekeeping} 条月度工时、${wg.behaviour} 条行为记录、${wg.accidents} 起事故、方案 2 版、${wp.runs.length} 个月的核算，` +
              `职业健康 ${hl.exposures} 条接害记录、${hl.batches} 批 ${hl.exams} 人次体检、${hl.certificates} 本特种作业证，` +
              `安全教育 ${ed.activities} 次活动 ${ed.attendance} 人次、${ed.walls} 面文化墙，${sb.year} 年奖补申报草稿 ${sb.nominees} 名推荐人选（${Date.now() - t} ms）`,
          );
          return 0;
        });
      }
      case 'channels':
        return channelsCommand(p, usage);
      case 'call':
        return await callCommand(p, dataDir, usage);
      case undefined:
        return usage('no command');
      default:
        return usage(`unknown command: ${cmd}`);
    }
  } catch (e) {
    if (e instanceof AppError && (e.details as { recoverable?: boolean } | undefined)?.recoverable && cmd !== 'restore') {
      const problems = (e.details as { problems?: StoreProblem[] }).problems;
      if (problems && problems.length > 1) for (const x of problems) process.stderr.write(`  - ${term(x.key, 'zh-CN', x.params)}\n`);
    }
    const msg = e instanceof AppError ? term(e.message, 'zh-CN', e.details as Record<string, string | number>) : (e as NodeJS.ErrnoException).code === 'ENOENT' ? `文件不存在：${(e as NodeJS.ErrnoException).path}` : (e as Error).message;
    process.stderr.write(`错误：${msg.replace(/\s*\n\s*/g, ' ')}\n`);
    if (e instanceof AppError && (e.details as { recoverable?: boolean } | undefined)?.recoverable && cmd !== 'restore') recoveryHint(dataDir);
    return 1;
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  setQuiet(true);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
