// Backend errors carry a code and a message key with parameters, never a sentence. Every kind of refusal, produced
// through the real dispatch and translated with the renderer's catalog in English, reads as English (no CJK).
// A static check also finds every key the backend throws in the catalog.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTranslator, type MessagePart, type Vars } from '../../shared/kernel/i18n';
import type { AppErrorData } from '../../shared/result';
import { openTestCore, type TestCore } from '../helpers/core';

// the renderer's catalog (shared glossary + every registered page's UI messages); imported by a computed path so the
// Node typecheck does not follow it into the renderer's .tsx pages (it loads only the pure message parts at run time)
const CATALOG = '../../renderer/src/i18n/catalog';
const { catalog } = (await import(CATALOG)) as { catalog: MessagePart };

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const en = makeTranslator(catalog, 'en');
const zh = makeTranslator(catalog, 'zh-CN');

/** The user's own data in parameters (a file or unit name) may be Chinese; the sentence around it may not. */
function withoutUserData(details: unknown): Vars {
  const out: Vars = {};
  for (const [k, v] of Object.entries((details ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string' && !v.startsWith('@')) out[k] = 'X';
    else if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}

/** What the English UI shows for an error: its message and every field issue, translated. */
function shown(e: AppErrorData): string[] {
  const out = [en(e.message, withoutUserData(e.details))];
  for (const i of e.details?.issues ?? []) out.push(en(i.message));
  return out;
}
function expectEnglish(e: AppErrorData) {
  for (const text of shown(e)) {
    expect(text, `${e.code} ${e.message}`).not.toMatch(CJK);
    expect(text, 'untranslated key').not.toMatch(/^(err|v)\.[\w.]+$/);
  }
  // and the Chinese UI shows Chinese for the same error
  expect(zh(e.message, e.details as Vars)).toMatch(CJK);
}

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

async function errorOf(p: Promise<unknown>): Promise<AppErrorData> {
  try {
    await p;
  } catch (e) {
    return (e as { data: AppErrorData }).data;
  }
  throw new Error('expected a refusal');
}
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('every kind of refusal reads as English in the English UI', () => {
  it('sign-in: wrong PIN, then locked', async () => {
    tc = await openTestCore();
    const w = await tc.call('workers.create', { empNo: 'P1', name: '钱安全', gender: 'M', roles: ['safety_officer'] });
    const op = await tc.call('operators.add', { workerId: w.id, pin: '2468' });
    const wrong = await errorOf(tc.call('session.signIn', { operatorId: op.id, pin: '1111' }));
    expect(wrong).toMatchObject({ code: 'BAD_PIN', message: 'err.pin.wrong' });
    expectEnglish(wrong);
    for (let i = 0; i < 5; i++) await errorOf(tc.call('session.signIn', { operatorId: op.id, pin: '1111' }));
    const locked = await errorOf(tc.call('session.signIn', { operatorId: op.id, pin: '2468' }));
    expect(locked.message).toBe('err.pin.locked');
    expectEnglish(locked);
    expect(en(locked.message, locked.details as Vars)).toMatch(/locked until \d\d:\d\d:\d\d \(try again in about \d+ min\)/); // with seconds: a 1-minute lock ends inside the next minute
  });

  it('files: bad photo, not a table, missing header row, missing columns', async () => {
    tc = await openTestCore();
    expectEnglish(await errorOf(tc.call('attachments.upload', { fileName: '现场.jpg', dataBase64: b64('not an image at all') })));
    expectEnglish(await errorOf(tc.call('attachments.upload', { fileName: 'x.png', dataBase64: '@@@' })));
    expectEnglish(await errorOf(tc.call('roster.importPreview', { fileName: '花名册.xls', dataBase64: b64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])) })));
    const noHeader = await errorOf(tc.call('roster.importPreview', { fileName: 'a.csv', dataBase64: b64('甲,乙,丙\n1,2,3\n') }));
    expect(noHeader.message).toBe('err.import.noHeader');
    expectEnglish(noHeader);
    const p = await tc.call('roster.importPreview', { fileName: 'b.csv', dataBase64: b64('工号,姓名,性别\nX1,张三,男\nX1,李四,女\n') });
    const dup = p.rows.find((r) => r.rowNumber === 3)!;
    for (const pr of dup.problems) {
      expect(en(pr.message, pr.params)).not.toMatch(CJK);
      expect(zh(pr.message, pr.params)).toContain('第 2 行');
    }
    expectEnglish(await errorOf(tc.call('roster.importCommit', { importId: p.importId })));
  });

  it('roster and org: duplicate employee number, ID card in use, retired unit, unit with workers', async () => {
    tc = await openTestCore();
    const dup = await errorOf(tc.call('workers.create', { empNo: 'A0001', name: '重复', gender: 'M' }));
    expect(dup).toMatchObject({ code: 'CONFLICT', message: 'err.worker.empNoTaken' });
    expectEnglish(dup);
    expect(en(dup.message, dup.details as Vars)).toContain('A0001');
    const ws = await tc.call('org.create', { kind: 'workshop', name: '一车间' });
    expectEnglish(await errorOf(tc.call('org.create', { kind: 'workshop', name: '一车间' })));
    await tc.call('workers.create', { empNo: 'B1', name: '在职', gender: 'F', orgUnitId: ws.id });
    expectEnglish(await errorOf(tc.call('org.retire', { id: ws.id })));
    expectEnglish(await errorOf(tc.call('org.create', { kind: 'team', name: '孤班' })));
    const me = (await tc.call('app.info')).operator!;
    expectEnglish(await errorOf(tc.call('operators.remove', { id: me.id })));
    expectEnglish(await errorOf(tc.call('workers.get', { id: 'no-such' })));
    // schema refusals: field issues are keys too
    expectEnglish(await errorOf(tc.call('workers.create', { empNo: '坏 工号', name: '', gender: 'X' as 'M', idCard: '123' })));
  });

  it('hazard workflow refusals: wrong status, wrong role, acceptor is the submitter, not printable yet', async () => {
    tc = await openTestCore();
    const h = await tc.call('hazards.report', { foundAt: '2026-01-05T09:00', source: 'self_check', category1: 'material', description: '配电箱门未关' });
    const status = await errorOf(tc.call('hazards.accept', { id: h.id }));
    expect(status).toMatchObject({ code: 'CONFLICT', message: 'err.hazard.refused.status' });
    expectEnglish(status);
    expect(en(status.message, status.details as Vars)).toContain('Reported');
    const tlw = await tc.call('workers.create', { empNo: 'T9', name: '班长', gender: 'M', roles: ['team_leader'] });
    const tlOp = await tc.call('operators.add', { workerId: tlw.id });
    const session = { operatorId: tlOp.id };
    const r = await tc.core.dispatch('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 1, e: 1, c: 1 } }, session);
    expect(r.ok).toBe(false);
    const role = (r as { error: AppErrorData }).error;
    expect(role.message).toBe('err.hazard.refused.role');
    expectEnglish(role);
    expectEnglish(await errorOf(tc.call('hazards.acceptancePdf', { id: h.id })));
    expectEnglish(await errorOf(tc.call('hazards.link', { id: h.id, otherId: h.id })));
    expectEnglish(await errorOf(tc.call('hazards.start', { id: h.id })));
    expectEnglish(await errorOf(tc.call('hazards.get', { id: 'nope' })));
    const unauth = await tc.core.dispatch('hazards.list', {}, { operatorId: null });
    expectEnglish((unauth as { error: AppErrorData }).error);
  });

  it('hostile input: unknown channel, deeply nested draft, unknown view kind', async () => {
    tc = await openTestCore();
    const unknown = await tc.core.dispatch('no.such', {}, tc.session);
    expectEnglish((unknown as { error: AppErrorData }).error);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) deep = { d: deep };
    const r = await tc.core.dispatch('drafts.save', { kind: 'hazards', data: deep }, tc.session);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expectEnglish((r as { error: AppErrorData }).error);
    expectEnglish(await errorOf(tc.call('views.save', { kind: 'nosuch', name: 'x', query: {} })));
    expectEnglish(await errorOf(tc.call('views.save', { kind: 'hazards', name: 'x', query: { status: 'bogus' } })));
  });
});

describe('every message key the backend uses is in the catalog', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.ts$/.test(f.name)) files.push(p);
    }
  };
  walk(path.resolve(__dirname, '../../electron'));
  walk(path.resolve(__dirname, '../../shared'));
  it.each(files.map((f) => [path.relative(path.resolve(__dirname, '../..'), f), f]))('%s', (_rel, file) => {
    const src = fs.readFileSync(file, 'utf8');
    const keys = [...src.matchAll(/['`]((?:err|v)\.[A-Za-z0-9_.]+)['`]/g)].map((m) => m[1]!).filter((k) => !k.endsWith('.'));
    for (const k of keys) expect(Object.prototype.hasOwnProperty.call(catalog, k), `${k} (${_rel})`).toBe(true);
  });
});
