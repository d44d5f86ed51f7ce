// Scripting from the command line (electron/cli/scripting.ts): `channels` lists the contract with JSON Schemas and
// `call` runs any channel as an operator through Core.dispatch. Runs the built CLI as a child process (as a user or a
// script does), so exit codes, stdout/stderr and stdin (JSON via `-`, the PIN as a line) are the real ones.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleNode } from '../helpers/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError, pinKeys, typeSummary } from '../../electron/cli/scripting';
import { CHANNELS, contract } from '../../shared/contract';
import type { FileRef } from '../../shared/files';
import type { HazardDetail, HazardRow } from '../../shared/hazards/types';
import type { Page } from '../../shared/kernel/types';
import type { Operator } from '../../shared/operators/types';

const ROOT = path.resolve(__dirname, '..', '..');
// a private build of the same entry as scripts/build.mjs (out/cli/cli.cjs), so parallel builds cannot race this test
const OUT = path.join(ROOT, 'node_modules', '.cache', `ankang-cli-scripting-test-${process.pid}`);
const CLI = path.join(OUT, 'cli.cjs');
const dirs: string[] = [];

interface Run {
  code: number | null;
  out: string;
  err: string;
}
function cli(args: string[], opts: { stdin?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ANKANG_DATA_DIR: '' } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.on('error', () => undefined); // the CLI may stop reading early
    if (opts.stdin !== undefined) child.stdin.write(opts.stdin);
    child.stdin.end();
  });
}
/** `call` as an operator on a data folder; the JSON argument as an object. */
const call = (dir: string, channel: string, input: unknown, ...more: string[]) => cli(['call', channel, JSON.stringify(input), '--data', dir, ...more]);

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-cli-scripting-'));
  dirs.push(d);
  return d;
}
function query<T>(dir: string, sql: string, ...params: unknown[]): T {
  const db = new Database(path.join(dir, 'ankang.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as T;
  } finally {
    db.close();
  }
}
const auditCount = (dir: string) => query<number>(dir, 'SELECT count(*) FROM audit_log');
const hazardCount = (dir: string) => query<number>(dir, 'SELECT count(*) FROM hazards');

let demoDir: string;
let officer: Operator; // safety officer, not an admin
let chair: Operator; // union officer, admin
function demoCopy(): string {
  const d = tmp();
  fs.copyFileSync(path.join(demoDir, 'ankang.sqlite'), path.join(d, 'ankang.sqlite'));
  return d;
}
const report = {
  foundAt: '2026-03-02T09:30',
  source: 'self_check',
  category1: 'material',
  description: '配电箱门未关闭（脚本上报）',
};

beforeAll(async () => {
  await bundleNode('cli', 'electron/cli/cli.ts', OUT);
  demoDir = tmp();
  const r = await cli(['demo', '--data', demoDir]);
  expect(r.code, r.err).toBe(0);
  const ops = await cli(['call', 'session.operators', '--data', demoDir]);
  expect(ops.code, ops.err).toBe(0);
  const list = JSON.parse(ops.out) as Operator[];
  officer = list.find((o) => o.roles.includes('safety_officer') && !o.isAdmin)!;
  chair = list.find((o) => o.isAdmin)!;
  expect(officer).toBeTruthy();
  expect(chair).toBeTruthy();
}, 120_000);
afterAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('cli channels', () => {
  it('--json: one document with every channel of the contract, its access and an object JSON Schema', async () => {
    const r = await cli(['channels', '--json']);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as { channels: { name: string; auth: boolean; admin: boolean; input: Record<string, unknown> }[] };
    expect(doc.channels.map((c) => c.name)).toEqual(CHANNELS);
    for (const c of doc.channels) {
      const def = contract[c.name as keyof typeof contract];
      expect({ name: c.name, auth: c.auth, admin: c.admin, type: c.input.type }).toEqual({ name: c.name, auth: def.auth, admin: def.admin, type: 'object' });
    }
    const byName = new Map(doc.channels.map((c) => [c.name, c]));
    expect(byName.get('app.info')).toMatchObject({ auth: false, admin: false });
    expect(byName.get('hazards.setRules')).toMatchObject({ auth: true, admin: true });
    // the input side: required fields are required, fields with defaults are not
    const reportSchema = byName.get('hazards.report')!.input as { required: string[]; properties: Record<string, { enum?: string[] }> };
    expect(reportSchema.required).toEqual(expect.arrayContaining(['foundAt', 'source', 'category1', 'description']));
    expect(reportSchema.required).not.toContain('productionStop');
    expect(reportSchema.properties.category1!.enum).toEqual(['human', 'material', 'environment', 'management']);
  });

  it('human-readable: one line per channel with its access and input fields', async () => {
    const r = await cli(['channels']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(CHANNELS.length);
    const line = (name: string) => lines.find((l) => l.startsWith(`${name} `))!;
    expect(line('app.info')).toMatch(/^app\.info\s+public\s+\{\}$/);
    expect(line('hazards.setRules')).toMatch(/\sadmin\s/);
    expect(line('hazards.report')).toMatch(/\sauth\s+\{ foundAt: string, finderId\?: string\|null, source: /);
    expect(line('hazards.report')).toContain('description: string');
    expect(line('hazards.report')).toContain('photoIds?: string[]');
    expect(r.err).toContain(`${CHANNELS.length} 个通道`);
  });

  it('takes no arguments or call options', async () => {
    expect((await cli(['channels', 'hazards'])).code).toBe(2);
    expect((await cli(['channels', '--as', 'AK1'])).code).toBe(2);
  });
});

describe('cli call', () => {
  it('reports a hazard as a safety officer, signed in through session.signIn; hazards.list finds it', async () => {
    const dir = demoCopy();
    const before = hazardCount(dir);
    const r = await call(dir, 'hazards.report', report, '--as', officer.empNo);
    expect(r.code, r.err).toBe(0);
    const h = JSON.parse(r.out) as HazardDetail;
    expect(h).toMatchObject({ status: 'reported', description: report.description, category1: 'material' });
    expect(h.serial).toMatch(/^YH-2026-\d{4,}$/);
    expect(h.events[0]!.actorName).toBe(officer.name); // the operator, not the CLI, is on the record
    expect(hazardCount(dir)).toBe(before + 1);
    expect(query<string>(dir, "SELECT actor_name FROM audit_log WHERE entity = 'operator' AND action = 'sign_in' ORDER BY seq DESC LIMIT 1")).toBe(officer.name);

    const l = await call(dir, 'hazards.list', { search: '脚本上报', status: 'all' }, '--as', officer.empNo);
    expect(l.code, l.err).toBe(0);
    const page = JSON.parse(l.out) as Page<HazardRow>;
    expect(page.rows.map((x) => x.id)).toEqual([h.id]);
  });

  it('reads the JSON from stdin with -', async () => {
    const dir = demoCopy();
    const r = await cli(['call', 'hazards.report', '-', '--as', officer.empNo, '--data', dir], { stdin: JSON.stringify({ ...report, description: '从标准输入上报' }) });
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as HazardDetail).description).toBe('从标准输入上报');
  });

  it('calls a public channel without --as', async () => {
    const r = await cli(['call', 'app.info', '--data', demoDir]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ initialized: true, operator: null });
  });

  it('a workflow refusal exits 1 with the typed error as JSON and a Chinese line; nothing changes', async () => {
    const dir = demoCopy();
    const rep = await call(dir, 'hazards.report', report, '--as', officer.empNo);
    const h = JSON.parse(rep.out) as HazardDetail;
    const events = query<number>(dir, 'SELECT count(*) FROM hazard_events');
    const r = await call(dir, 'hazards.accept', { id: h.id }, '--as', officer.empNo);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const [json, human] = r.err.trimEnd().split('\n');
    expect(JSON.parse(json!)).toEqual({
      code: 'CONFLICT',
      message: 'err.hazard.refused.status',
      details: { refusal: 'status', action: '@hazardAction.accept', status: '@hazardStatus.reported' },
    });
    expect(human).toMatch(/^错误：当前状态（已上报）不能执行“.+”$/);
    expect(query<number>(dir, 'SELECT count(*) FROM hazard_events')).toBe(events);
    expect(query<string>(dir, 'SELECT status FROM hazards WHERE id = ?', h.id)).toBe('reported');
  });

  it('an admin channel refuses a non-admin (FORBIDDEN) and schema errors list the fields (VALIDATION)', async () => {
    const dir = demoCopy();
    const rules = { thresholds: { red: 400, orange: 200, yellow: 80 }, responseDays: 3, acceptDays: 5, dueSoonDays: 7 };
    const r = await call(dir, 'hazards.setRules', rules, '--as', officer.empNo);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.err.split('\n')[0]!)).toMatchObject({ code: 'FORBIDDEN', message: 'err.adminOnly' });
    expect(r.err).toContain('错误：此操作需要管理员权限');
    const ok = await call(dir, 'hazards.setRules', rules, '--as', chair.empNo);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ thresholds: { red: 400 } });

    const v = await call(dir, 'hazards.report', { ...report, description: undefined, source: 'rumour' }, '--as', officer.empNo);
    expect(v.code).toBe(1);
    const e = JSON.parse(v.err.split('\n')[0]!) as { code: string; details: { issues: { path: string }[] } };
    expect(e.code).toBe('VALIDATION');
    expect(e.details.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['description', 'source']));
    expect(v.err).toMatch(/\n {2}description：必填/);
  });

  describe('an operator with a PIN', () => {
    let dir: string;
    beforeAll(async () => {
      dir = demoCopy();
      const r = await call(dir, 'operators.setPin', { operatorId: officer.id, pin: '2468' }, '--as', chair.empNo);
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ id: officer.id, hasPin: true });
    });

    it('a wrong --pin is BAD_PIN, exit 1, and the call does not run', async () => {
      const before = hazardCount(dir);
      const r = await call(dir, 'hazards.report', report, '--as', officer.empNo, '--pin', '1357');
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(JSON.parse(r.err.split('\n')[0]!)).toMatchObject({ code: 'BAD_PIN' });
      expect(r.err).toContain('错误：PIN 不正确');
      expect(hazardCount(dir)).toBe(before);
    });

    it('the right --pin works', async () => {
      const r = await call(dir, 'hazards.rules', {}, '--as', officer.empNo, '--pin', '2468');
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toHaveProperty('thresholds');
    });

    it('without --pin, the PIN is read as a line from stdin (not a terminal)', async () => {
      const ok = await cli(['call', 'hazards.report', JSON.stringify(report), '--as', officer.empNo, '--data', dir], { stdin: '2468\n' });
      expect(ok.code, ok.err).toBe(0);
      expect((JSON.parse(ok.out) as HazardDetail).events[0]!.actorName).toBe(officer.name);
      const bad = await cli(['call', 'hazards.rules', '--as', officer.empNo, '--data', dir], { stdin: '1111\n' });
      expect(bad.code).toBe(1);
      expect(JSON.parse(bad.err.split('\n')[0]!)).toMatchObject({ code: 'BAD_PIN' });
    });

    it('no PIN anywhere, or stdin taken by the JSON, is a usage error before signing in', async () => {
      const audits = auditCount(dir);
      const none = await cli(['call', 'hazards.rules', '--as', officer.empNo, '--data', dir], { stdin: '' });
      expect(none.code).toBe(2);
      expect(none.err).toContain('--pin');
      const both = await cli(['call', 'hazards.rules', '-', '--as', officer.empNo, '--data', dir], { stdin: '{}' });
      expect(both.code).toBe(2);
      expect(both.err).toContain('--pin');
      expect(auditCount(dir)).toBe(audits);
    });
  });

  it.each([
    ['an unknown channel', ['call', 'hazards.frobnicate', '{}', '--as', 'AK000001'], /unknown channel: hazards\.frobnicate/],
    ['JSON that does not parse', ['call', 'hazards.list', '{status:', '--as', 'AK000002'], /not valid JSON/],
    ['an unknown employee number', ['call', 'hazards.list', '{}', '--as', 'NOPE-1'], /no operator with employee number NOPE-1/],
    ['no --as for a channel that needs an operator', ['call', 'hazards.list', '{}'], /needs an operator: add --as EMPNO/],
    ['no channel', ['call'], /call needs CHANNEL/],
    ['a second JSON argument', ['call', 'hazards.list', '{}', '{}', '--as', 'AK000002'], /quote the JSON/],
  ])('%s: exit 2 with a clear message, nothing written', async (_what, args, message) => {
    const audits = auditCount(demoDir);
    const r = await cli([...args, '--data', demoDir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
    expect(auditCount(demoDir)).toBe(audits);
  });

  it('refuses while the app holds the data folder (exit 1), writing nothing', async () => {
    const dir = demoCopy();
    const lock = path.join(dir, 'ankang.lock');
    fs.writeFileSync(lock, String(process.pid)); // a live process that is not the CLI
    try {
      const audits = auditCount(dir);
      const r = await call(dir, 'hazards.report', report, '--as', officer.empNo);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.err.split('\n')[0]!)).toEqual({ code: 'CONFLICT', message: 'err.lock.held', details: { pid: process.pid } });
      expect(r.err).toContain(`安康已在使用该数据目录（进程 ${process.pid}）`);
      expect(auditCount(dir)).toBe(audits);
    } finally {
      fs.rmSync(lock);
    }
    // a stale lock (no such process) does not stand in the way
    fs.writeFileSync(lock, '999999999');
    expect((await call(dir, 'hazards.rules', {}, '--as', officer.empNo)).code).toBe(0);
  });

  it('--out copies a produced file (the ledger .xlsx) and leaves nothing in DATA/exports', async () => {
    const dir = demoCopy();
    const rep = await call(dir, 'hazards.report', report, '--as', officer.empNo);
    const h = JSON.parse(rep.out) as HazardDetail;
    const file = path.join(dir, '台账.xlsx');
    const r = await call(dir, 'hazards.exportLedger', { status: 'all' }, '--as', officer.empNo, '--out', file);
    expect(r.code, r.err).toBe(0);
    const ref = JSON.parse(r.out) as FileRef;
    expect(ref.fileName).toMatch(/\.xlsx$/);
    expect(fs.statSync(file).size).toBe(ref.bytes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(h.serial);
    expect(fs.readdirSync(path.join(dir, 'exports'))).toEqual([]);

    const missing = await call(dir, 'hazards.exportLedger', {}, '--as', officer.empNo, '--out', path.join(dir, 'no', 'such', 'dir', 'x.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('folder does not exist');
  });
});

describe('scripting helpers', () => {
  it('pinKeys: hidden-prompt keys — backspace, Ctrl+U, escape sequences, Enter, Ctrl+C', () => {
    let s = pinKeys({ text: '' }, '24x');
    s = pinKeys(s, '\u007f68');
    expect(s).toEqual({ text: '2468' });
    expect(pinKeys(s, '\u001b[A9')).toEqual({ text: '2468' });
    expect(pinKeys(s, '\u0015 13\r99')).toEqual({ text: ' 13', end: 'enter' });
    expect(pinKeys(s, '\u0003')).toEqual({ text: '2468', end: 'interrupt' });
  });

  it('describeError translates the key with its parameters, and each field issue once', () => {
    expect(describeError({ code: 'BAD_PIN', message: 'err.pin.locked', details: { seconds: 30, minutes: 1, time: '14:05' } })).toEqual(['错误：PIN 错误次数过多，已锁定至 14:05（约 1 分钟后可再试）']);
    expect(
      describeError({
        code: 'VALIDATION',
        message: 'err.validation',
        details: { issues: [{ path: 'a', message: 'v.required' }, { path: 'a', message: 'v.required' }] },
      }),
    ).toEqual(['错误：输入有误，请检查标出的字段', '  a：必填']);
  });

  it('typeSummary: nullable, enums, arrays, integers', () => {
    expect(typeSummary({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string|null');
    expect(typeSummary({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } })).toBe('(a|b)[]');
    expect(typeSummary({ type: ['integer', 'null'] })).toBe('int|null');
    expect(typeSummary({})).toBe('any');
  });
});
