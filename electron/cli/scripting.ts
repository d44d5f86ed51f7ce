// Scripting: every contract channel from the command line, through the same Core.dispatch the app uses.
//   npm run cli -- channels [--json]
//   npm run cli -- call CHANNEL [JSON|-] [--as EMPNO] [--pin PIN] [--out FILE] [--data DIR]
// A new module's channels are scriptable without touching this file: both commands read shared/contract.ts.
// Exit codes: 0 done, 1 refused (the typed error as JSON on stderr, then one line in Chinese), 2 bad usage.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ReadStream } from 'node:tty';
import { z } from 'zod';
import { CHANNELS, contract, isChannel, type ChannelName } from '../../shared/contract';
import type { FileRef } from '../../shared/files';
import { term } from '../../shared/glossary';
import type { Vars } from '../../shared/kernel/i18n';
import type { Operator } from '../../shared/operators/types';
import type { AppErrorData } from '../../shared/result';
import { Core, type Session } from '../core/core';
import { lockHolder } from '../core/lock';
import { dataPaths } from '../core/paths';

export interface ScriptArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** Exit code 2 with a message (no usage text: the message says what to fix). */
class ScriptUsage extends Error {}
/** Ctrl+C at the PIN prompt. */
class Interrupted extends Error {}

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);
const SEE_CHANNELS = '（npm run cli -- channels 列出全部通道 / lists every channel）';

// ---------------------------------------------------------------------------------------------------------------
// channels

type JsonSchema = Record<string, unknown>;

export interface ChannelInfo {
  name: ChannelName;
  auth: boolean;
  admin: boolean;
  input: JsonSchema;
}

/**
 * Every channel with its input as JSON Schema (draft 2020-12, the input side: fields with defaults are optional).
 * Transforms, pipes and refinements have no JSON Schema form; `unrepresentable: 'any'` renders such a part as {}
 * instead of throwing, so every channel yields a schema.
 */
export function channelInfos(): ChannelInfo[] {
  return CHANNELS.map((name) => {
    const def = contract[name];
    return {
      name,
      auth: def.auth,
      admin: def.admin,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
    };
  });
}

const asSchema = (v: unknown): JsonSchema => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : {});

/** A short type for a JSON Schema: string, int, a|b|c, string|null, string[], {…}, any. */
export function typeSummary(s: JsonSchema): string {
  const alts = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(alts)) return [...new Set(alts.map((a) => typeSummary(asSchema(a))))].join('|');
  if (Array.isArray(s.enum)) {
    const values = s.enum.map((v) => String(v));
    const joined = values.join('|');
    return joined.length <= 40 ? joined : `${values.slice(0, 3).join('|')}|…(${values.length})`;
  }
  if ('const' in s) return JSON.stringify(s.const);
  const t = s.type;
  if (Array.isArray(t)) return t.map((x) => typeSummary({ ...s, type: x })).join('|');
  switch (t) {
    case 'integer':
      return 'int';
    case 'array':
      return `${typeSummary(asSchema(s.items))}[]`.replace(/^(.*\|.*)\[\]$/, '($1)[]');
    case 'object':
      return '{…}';
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return t;
    default:
      return 'any';
  }
}

/** `{ a: string, b?: int }` — the input's fields in declaration order; `?` marks what may be left out. */
export function inputSummary(schema: JsonSchema): string {
  if (schema.type !== 'object') return typeSummary(schema);
  const props = Object.entries(asSchema(schema.properties));
  if (props.length === 0) return '{}';
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return `{ ${props.map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${typeSummary(asSchema(v))}`).join(', ')} }`;
}

function access(c: { auth: boolean; admin: boolean }): string {
  return c.admin ? 'admin' : c.auth ? 'auth' : 'public';
}

export function channelsCommand(p: ScriptArgs, usage: (why: string) => number): number {
  if (p.positional.length !== 1) return usage('channels takes no arguments');
  for (const f of ['--as', '--pin', '--out']) if (p.flags.has(f)) return usage(`channels does not take ${f}`);
  const infos = channelInfos();
  if (p.flags.has('--json')) {
    out(JSON.stringify({ channels: infos }, null, 2));
    return 0;
  }
  const width = Math.max(...infos.map((c) => c.name.length));
  for (const c of infos) out(`${c.name.padEnd(width)}  ${access(c).padEnd(6)}  ${inputSummary(c.input)}`);
  err(
    `${infos.length} 个通道 / channels. public 无需登录，auth 需以操作员身份（--as 工号），admin 需管理员；? 表示可省略 / optional.\n` +
      '完整的 JSON Schema / full JSON Schema: channels --json',
  );
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// call

/** The one-line Chinese reading of a typed error (message key + parameters), plus one line per field issue. */
export function describeError(e: AppErrorData): string[] {
  const vars: Vars = {};
  for (const [k, v] of Object.entries(e.details ?? {})) {
    if (typeof v === 'string' || typeof v === 'number' || v === null) vars[k] = v;
    else if (typeof v === 'boolean') vars[k] = String(v);
  }
  const lines = [`错误：${term(e.message, 'zh-CN', vars).replace(/\s*\n\s*/g, ' ')}`];
  const issues = (e.details?.issues ?? []).map((i) => `  ${i.path || '（输入）'}：${term(i.message, 'zh-CN')}`);
  return [...lines, ...new Set(issues)];
}

function printRefusal(e: AppErrorData): number {
  err(JSON.stringify({ code: e.code, message: e.message, details: e.details ?? {} }));
  for (const l of describeError(e)) err(l);
  return 1;
}

function parseJson(text: string, from: { zh: string; en: string }): unknown {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t === '') return {};
  try {
    return JSON.parse(t) as unknown;
  } catch (e) {
    throw new ScriptUsage(`${from.zh}不是有效的 JSON / ${from.en} is not valid JSON: ${(e as Error).message}`);
  }
}

function readAllStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d: string) => (s += d));
    process.stdin.once('end', () => resolve(s));
    process.stdin.once('error', reject);
  });
}

/** One line from a non-terminal stdin (a pipe or file); null at end of input. Stops reading after it. */
function readStdinLine(): Promise<string | null> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      // nothing more is read: let go of the pipe, else a writer that keeps it open keeps this process alive
      process.stdin.destroy();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) resolve(null);
    });
  });
}

export interface PinKeys {
  text: string;
  /** 'enter' when the line is complete, 'interrupt' on Ctrl+C */
  end?: 'enter' | 'interrupt';
}

/** Applies keys typed at a hidden prompt (raw mode): Enter ends, Backspace deletes, Ctrl+U clears, Ctrl+C interrupts. */
export function pinKeys(state: PinKeys, chunk: string): PinKeys {
  let text = state.text;
  for (let i = 0; i < chunk.length; i++) {
    const ch = chunk[i]!;
    if (ch === '\r' || ch === '\n' || ch === '\u0004') return { text, end: 'enter' };
    if (ch === '\u0003') return { text, end: 'interrupt' };
    if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
    else if (ch === '\u0015') text = '';
    else if (ch === '\u001b') break; // an escape sequence (arrow keys…): ignore the rest of this chunk
    else if (ch >= ' ') text += ch;
  }
  return { text };
}

/** Asks for a PIN on the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin as ReadStream;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let state: PinKeys = { text: '' };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: Buffer | string) => {
      state = pinKeys(state, String(chunk));
      if (state.end === 'enter') {
        finish();
        resolve(state.text);
      } else if (state.end === 'interrupt') {
        finish();
        reject(new Interrupted());
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

function isFileRef(v: unknown): v is FileRef {
  const r = v as Partial<FileRef> | null;
  return !!r && typeof r === 'object' && typeof r.fileId === 'string' && typeof r.fileName === 'string' && typeof r.mime === 'string' && typeof r.bytes === 'number';
}

function findOperator(ops: Operator[], empNo: string): Operator | undefined {
  const want = empNo.trim();
  return ops.find((o) => o.empNo === want) ?? ops.find((o) => o.empNo.toUpperCase() === want.toUpperCase());
}

export async function callCommand(p: ScriptArgs, dataDir: string, usage: (why: string) => number): Promise<number> {
  try {
    return await call(p, dataDir, usage);
  } catch (e) {
    if (e instanceof ScriptUsage) {
      err(e.message);
      return 2;
    }
    if (e instanceof Interrupted) return 130;
    throw e;
  }
}

async function call(p: ScriptArgs, dataDir: string, usage: (why: string) => number): Promise<number> {
  const [, channel, jsonArg, ...extra] = p.positional;
  if (!channel) return usage('call needs CHANNEL');
  if (extra.length) return usage(`call takes CHANNEL and one JSON argument (got also: ${extra.join(' ')}); quote the JSON`);
  if (!isChannel(channel)) throw new ScriptUsage(`未知通道 / unknown channel: ${channel} ${SEE_CHANNELS}`);
  const def = contract[channel];
  const as = p.flags.get('--as');
  const pinFlag = p.flags.get('--pin');
  const outFlag = p.flags.get('--out');
  if (def.auth && typeof as !== 'string') {
    throw new ScriptUsage(`${channel} 需要以操作员身份调用：加 --as 工号 / needs an operator: add --as EMPNO`);
  }
  if (typeof pinFlag === 'string' && typeof as !== 'string') throw new ScriptUsage('--pin 只与 --as 一起使用 / --pin goes with --as');
  let outFile: string | null = null;
  if (typeof outFlag === 'string') {
    outFile = path.resolve(outFlag);
    const dir = path.dirname(outFile);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ScriptUsage(`--out 的文件夹不存在 / folder does not exist: ${dir}`);
    if (fs.existsSync(outFile) && fs.statSync(outFile).isDirectory()) throw new ScriptUsage(`--out 需要文件名，不是文件夹 / needs a file, not a folder: ${outFile}`);
  }

  // The input: parsed before anything is opened or written.
  const fromStdin = jsonArg === '-';
  const input = fromStdin ? parseJson(await readAllStdin(), { zh: '标准输入', en: 'stdin' }) : jsonArg === undefined ? {} : parseJson(jsonArg, { zh: 'JSON 参数', en: 'the JSON argument' });

  // `call` writes: never alongside the app on the same folder (it keeps state in memory and holds the lock).
  const holder = lockHolder(dataPaths(dataDir).lock);
  if (holder) {
    printRefusal({ code: 'CONFLICT', message: 'err.lock.held', details: { pid: holder } });
    err('请先关闭程序再调用 / close the app first');
    return 1;
  }

  const core = await Core.open({ dataDir, host: 'cli' });
  try {
    const session: Session = { operatorId: null };
    if (typeof as === 'string') {
      const listed = await core.dispatch('session.operators', {}, session);
      if (!listed.ok) return printRefusal(listed.error);
      const operators = listed.value as Operator[];
      const op = findOperator(operators, as);
      if (!op) {
        const hint = operators.length === 0 ? '（该数据目录还没有操作员 / this data folder has no operators yet）' : '';
        throw new ScriptUsage(`找不到工号为 ${as} 的操作员 / no operator with employee number ${as}${hint}`);
      }
      let pin: string | null = typeof pinFlag === 'string' ? pinFlag : null;
      if (op.hasPin && pin === null) {
        if (fromStdin) throw new ScriptUsage('标准输入已用于 JSON，请用 --pin 提供 PIN / stdin carries the JSON: give the PIN with --pin');
        if (process.stdin.isTTY) pin = await promptHidden(`${op.name}（${op.empNo}）的 PIN / PIN: `);
        else {
          pin = await readStdinLine();
          if (pin === null) throw new ScriptUsage(`${op.name}（${op.empNo}）设有 PIN：用 --pin 或在标准输入的第一行提供 / has a PIN: pass --pin or write it on stdin`);
          pin = pin.trim();
        }
      }
      const signed = await core.dispatch('session.signIn', { operatorId: op.id, pin }, session);
      if (!signed.ok) return printRefusal(signed.error);
    }

    const r = await core.dispatch(channel, input, session);
    if (!r.ok) return printRefusal(r.error);
    out(JSON.stringify(r.value, null, 2) ?? 'null');
    if (isFileRef(r.value)) {
      if (outFile) {
        const entry = core.files.get(r.value.fileId);
        fs.copyFileSync(entry.path, outFile);
        core.files.release(r.value.fileId);
        err(`已保存到 / saved to ${outFile}（${r.value.bytes} 字节 / bytes）`);
      } else {
        err(`提示：文件 ${r.value.fileName} 随命令结束删除，用 --out FILE 保存 / the file is removed when the command ends; keep it with --out FILE`);
      }
    } else if (outFile) {
      err(`提示：${channel} 不产生文件，未写入 --out / ${channel} produces no file; --out was not written`);
    }
    return 0;
  } finally {
    core.close();
  }
}
