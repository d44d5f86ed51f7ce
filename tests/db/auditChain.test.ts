// The audit log as a tamper-evident hash chain (migrations/004_audit_chain.ts, electron/core/auditChain.ts): overwrites
// refused for every connection (INSERT OR REPLACE on audit_log and hazard_events, UPDATE, DELETE), and edits made with
// the protective triggers dropped — changed, removed, inserted entries, edited hash columns — named by the check, first
// broken entry first. Tampering is done over a second, plain connection, as another program would.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../electron/cli/cli';
import { appendAudit, SYSTEM_ACTOR, writeAudit } from '../../electron/core/audit';
import { auditChainReport, auditChainReportAsync, chainHead, entryHash, PROTECTIVE_TRIGGERS, verifyAuditChain, type StoreProblem } from '../../electron/core/auditChain';
import { migrate } from '../../electron/core/db/migrations';
import { openDatabase, Store, type DB } from '../../electron/core/db/store';
import { setQuiet } from '../../electron/core/log';
import { nowIso } from '../../electron/core/util';
import { term } from '../../shared/glossary';
import { openTestCore, tmpDir, type TestCore } from '../helpers/core';

setQuiet(true);

let tc: TestCore | null = null;
let raw: DB | null = null;
const cleanup: (() => void)[] = [];
afterEach(() => {
  if (raw?.open) raw.close();
  raw = null;
  tc?.close();
  tc = null;
  for (const f of cleanup.splice(0)) f();
});

/** a Core with a dozen audited changes, and a second plain connection to its file (no recursive_triggers) */
async function setUp(): Promise<{ tc: TestCore; raw: DB }> {
  tc = await openTestCore();
  for (let i = 0; i < 4; i++) {
    const ws = await tc.call('org.create', { kind: 'workshop', parentId: null, name: `车间${i}` });
    await tc.call('org.create', { kind: 'team', parentId: ws.id, name: `班组${i}` });
  }
  raw = new Database(path.join(tc.dir, 'ankang.sqlite'));
  return { tc, raw };
}

const entries = (d: DB) => d.prepare('SELECT seq, at, action, hash, prev_hash FROM audit_log ORDER BY seq').all() as { seq: number; at: string; action: string; hash: string; prev_hash: string }[];
const when = (at: string) => at.slice(0, 19).replace('T', ' ');
const codes = (ps: StoreProblem[]) => ps.map((p) => p.code);
const say = (p: StoreProblem, locale: 'zh-CN' | 'en' = 'zh-CN') => term(p.key, locale, p.params);

describe('overwrites are refused for every connection', () => {
  it('INSERT OR REPLACE on an existing audit seq or id is refused, and the entry stays as written', async () => {
    const { tc, raw } = await setUp();
    const before = entries(raw);
    const first = raw.prepare('SELECT * FROM audit_log WHERE seq = 1').get() as Record<string, unknown>;
    const replace = raw.prepare(
      `INSERT OR REPLACE INTO audit_log (seq, id, at, actor_id, actor_name, entity, entity_id, action, before, after, reason, prev_hash, hash)
       VALUES (@seq, @id, @at, @actor_id, @actor_name, @entity, @entity_id, @action, @before, @after, @reason, @prev_hash, @hash)`,
    );
    expect(() => replace.run({ ...first, action: 'forged' })).toThrow(/append-only/);
    expect(() => replace.run({ ...first, seq: 999, action: 'forged' })).toThrow(/append-only/); // the same id under a new seq
    expect(() => raw.prepare(`REPLACE INTO audit_log (seq, id, at, actor_name, entity, entity_id, action, prev_hash, hash) VALUES (1, 'x', 'now', 'x', 'x', 'x', 'forged', '', 'h')`).run()).toThrow(/append-only/);
    // an upsert is an update, refused too
    expect(() =>
      raw.prepare(`INSERT INTO audit_log (seq, id, at, actor_name, entity, entity_id, action, prev_hash, hash) VALUES (1, 'x', 'now', 'x', 'x', 'x', 'a', '', 'h') ON CONFLICT DO UPDATE SET action = 'forged'`).run(),
    ).toThrow(/append-only/);
    expect(entries(raw)).toEqual(before);
    expect(verifyAuditChain(tc.core.store.db)).toEqual([]);
  });

  it('INSERT OR REPLACE on an existing hazard event is refused', async () => {
    const { tc, raw } = await setUp();
    const units = await tc.call('org.tree', {});
    const report = () =>
      tc.call('hazards.report', {
        foundAt: nowIso(new Date(Date.now() - 3_600_000)).slice(0, 16),
        source: 'self_check',
        category1: 'material',
        category2: 'physical',
        description: '反应釜安全阀铅封损坏，压力表超过检定有效期',
        orgUnitId: units.find((u) => u.kind === 'team')!.id,
      });
    const h = await report();
    const ev = raw.prepare('SELECT * FROM hazard_events WHERE hazard_id = ?').get(h.id) as Record<string, unknown>;
    const cols = Object.keys(ev);
    const replace = raw.prepare(`INSERT OR REPLACE INTO hazard_events (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    expect(() => replace.run({ ...ev, to_status: 'closed', action: 'accept' })).toThrow(/append-only/);
    expect(() => replace.run({ ...ev, seq: 999, action: 'accept' })).toThrow(/append-only/);
    expect(raw.prepare('SELECT * FROM hazard_events WHERE hazard_id = ?').all(h.id)).toEqual([ev]);
    // the ordinary append still works
    const n = raw.prepare('SELECT count(*) FROM hazard_events').pluck().get() as number;
    await report();
    expect(raw.prepare('SELECT count(*) FROM hazard_events').pluck().get()).toBe(n + 1);
  });

  it('the app connection refuses REPLACE even with the insert guard dropped (recursive_triggers fires the delete guard)', async () => {
    const { tc, raw } = await setUp();
    raw.exec('DROP TRIGGER audit_append_only');
    const store = tc.core.store;
    expect(store.db.pragma('recursive_triggers', { simple: true })).toBe(1);
    const first = store.db.prepare('SELECT * FROM audit_log WHERE seq = 1').get() as Record<string, unknown>;
    expect(() =>
      store.db
        .prepare(`INSERT OR REPLACE INTO audit_log (seq, id, at, actor_name, entity, entity_id, action, prev_hash, hash) VALUES (@seq, @id, @at, @actor_name, @entity, @entity_id, 'forged', @prev_hash, @hash)`)
        .run(first),
    ).toThrow(/append-only/);
    expect(store.db.prepare('SELECT action FROM audit_log WHERE seq = 1').pluck().get()).toBe(first.action);
  });

  it('UPDATE (of any column, the hash columns too) and DELETE are refused', async () => {
    const { raw } = await setUp();
    const before = entries(raw);
    expect(() => raw.prepare(`UPDATE audit_log SET action = 'forged' WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`UPDATE audit_log SET hash = 'x' WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`UPDATE audit_log SET prev_hash = '' WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`DELETE FROM audit_log WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`UPDATE hazard_events SET comment = 'x'`).run()).not.toThrow(); // no rows: nothing to refuse
    expect(entries(raw)).toEqual(before);
  });

  it('an insert that does not extend the chain is refused: an old seq, a wrong prev_hash, no hash', async () => {
    const { raw } = await setUp();
    const head = entries(raw).at(-1)!;
    const ins = raw.prepare(
      `INSERT INTO audit_log (seq, id, at, actor_name, entity, entity_id, action, prev_hash, hash) VALUES (?, ?, 'now', '系统', 'x', 'x', 'forged', ?, ?)`,
    );
    expect(() => ins.run(head.seq, 'n1', head.prev_hash, 'h')).toThrow(/append-only/);
    expect(() => ins.run(head.seq + 1, 'n2', 'not the head', 'h')).toThrow(/append-only/);
    expect(() => ins.run(head.seq + 1, 'n3', head.hash, null)).toThrow(/append-only/);
    expect(() => raw.prepare(`INSERT INTO audit_log (id, at, actor_name, entity, entity_id, action) VALUES ('n4', 'now', '系统', 'x', 'x', 'forged')`).run()).toThrow(
      /append-only/,
    );
    expect(entries(raw).at(-1)).toEqual(head);
  });
});

describe('the chain', () => {
  it('every service write extends it: prev_hash is the hash before, hash is over the content', async () => {
    const { tc } = await setUp();
    const rows = tc.core.store.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as (Parameters<typeof entryHash>[0] & { prev_hash: string; hash: string })[];
    expect(rows.length).toBeGreaterThan(8);
    let prev = '';
    rows.forEach((r, i) => {
      expect(r.seq).toBe(i + 1);
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toBe(entryHash(r, prev));
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      prev = r.hash;
    });
    expect(auditChainReport(tc.core.store.db)).toMatchObject({ problems: [], entries: rows.length });
  });

  it('writeAudit outside a transaction opens its own; appendAudit returns the seq', async () => {
    const { tc } = await setUp();
    const store = tc.core.store;
    const n = entries(store.db).length;
    expect(store.db.inTransaction).toBe(false);
    writeAudit(store, SYSTEM_ACTOR, { entity: 'test', entityId: 't1', action: 'create', after: { a: 1 } });
    expect(appendAudit(store, { id: 'x-1', at: nowIso(), actor_id: null, actor_name: '系统', entity: 'test', entity_id: 't2', action: 'create', before: null, after: null, reason: null })).toBe(n + 2);
    expect(verifyAuditChain(store.db)).toEqual([]);
  });

  it('the protective triggers of a freshly migrated store are exactly the expected ones', async () => {
    const dir = tmpDir('ankang-chain-');
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    cleanup.unshift(() => db.close());
    await migrate(db);
    expect(verifyAuditChain(db)).toEqual([]);
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'hazard_events') ORDER BY name`).pluck().all();
    expect(names).toEqual(PROTECTIVE_TRIGGERS.map((t) => t.name).sort());
  });
});

describe('tampering is named', () => {
  it('a trigger dropped, then an entry updated: the missing trigger and that entry (seq and time)', async () => {
    const { tc, raw } = await setUp();
    const target = entries(raw)[4]!;
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare(`UPDATE audit_log SET after = '{"name":"伪造"}' WHERE seq = ?`).run(target.seq);
    const problems = verifyAuditChain(tc.core.store.db);
    expect(problems).toEqual([
      { code: 'AUDIT_TRIGGER_MISSING', key: 'problem.audit.triggerMissing', params: { name: 'audit_no_update', table: 'audit_log' } },
      { code: 'AUDIT_CHAIN_HASH', key: 'problem.audit.chainHash', params: { seq: target.seq, at: when(target.at) } },
    ]);
    expect(say(problems[1]!)).toBe(`审计日志第 ${target.seq} 条（${when(target.at)}）在写入后被改动过`);
    expect(say(problems[1]!, 'en')).toBe(`Audit entry #${target.seq} (${when(target.at)}) was changed after it was written`);
    // putting the trigger back (with its exact SQL) does not hide the edit
    raw.exec(PROTECTIVE_TRIGGERS.find((t) => t.name === 'audit_no_update')!.sql);
    expect(codes(verifyAuditChain(tc.core.store.db))).toEqual(['AUDIT_CHAIN_HASH']);
  });

  it('an entry deleted in the middle: the entry after the gap', async () => {
    const { tc, raw } = await setUp();
    const all = entries(raw);
    raw.exec('DROP TRIGGER audit_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = ?').run(all[3]!.seq);
    raw.exec(PROTECTIVE_TRIGGERS.find((t) => t.name === 'audit_no_delete')!.sql);
    expect(verifyAuditChain(tc.core.store.db)).toEqual([
      { code: 'AUDIT_CHAIN_GAP', key: 'problem.audit.chainGap', params: { seq: all[4]!.seq, at: when(all[4]!.at), after: all[2]!.seq } },
    ]);
  });

  it('the first entry deleted: the start is missing', async () => {
    const { tc, raw } = await setUp();
    const all = entries(raw);
    raw.exec('DROP TRIGGER audit_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 1').run();
    const problems = verifyAuditChain(tc.core.store.db).filter((p) => p.code.startsWith('AUDIT_CHAIN'));
    expect(problems).toEqual([{ code: 'AUDIT_CHAIN_GAP', key: 'problem.audit.chainStart', params: { seq: 2, at: when(all[1]!.at) } }]);
    expect(say(problems[0]!, 'en')).toBe(`Entries were removed from the start of the audit log: the first is #2 (${when(all[1]!.at)})`);
  });

  it('an entry deleted and the rest renumbered: the link of the entry after it', async () => {
    const { tc, raw } = await setUp();
    const all = entries(raw);
    raw.exec('DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_update;');
    raw.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    raw.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 4').run();
    const problems = verifyAuditChain(tc.core.store.db);
    expect(problems.filter((p) => p.code.startsWith('AUDIT_CHAIN'))).toEqual([
      { code: 'AUDIT_CHAIN_LINK', key: 'problem.audit.chainLink', params: { seq: 4, at: when(all[4]!.at) } },
    ]);
  });

  it('a hash column edited: that entry', async () => {
    const { tc, raw } = await setUp();
    const all = entries(raw);
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare(`UPDATE audit_log SET hash = ? WHERE seq = 6`).run('0'.repeat(64));
    const problems = verifyAuditChain(tc.core.store.db).filter((p) => p.code.startsWith('AUDIT_CHAIN'));
    expect(problems).toEqual([{ code: 'AUDIT_CHAIN_HASH', key: 'problem.audit.chainHash', params: { seq: 6, at: when(all[5]!.at) } }]);
  });

  it('an entry and its hash rewritten consistently: the next entry no longer links', async () => {
    const { tc, raw } = await setUp();
    const all = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as (Parameters<typeof entryHash>[0] & { prev_hash: string; hash: string })[];
    raw.exec('DROP TRIGGER audit_no_update');
    const forged = { ...all[2]!, after: '{"forged":true}' };
    raw.prepare(`UPDATE audit_log SET after = ?, hash = ? WHERE seq = 3`).run(forged.after, entryHash(forged, forged.prev_hash));
    const problems = verifyAuditChain(tc.core.store.db).filter((p) => p.code.startsWith('AUDIT_CHAIN'));
    expect(problems).toEqual([{ code: 'AUDIT_CHAIN_LINK', key: 'problem.audit.chainLink', params: { seq: 4, at: when(all[3]!.at) } }]);
  });

  it('entries removed from the end: truncation is reported, and a later entry leaves a gap', async () => {
    const { tc, raw } = await setUp();
    const all = entries(raw);
    const n = all.length;
    raw.exec('DROP TRIGGER audit_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(n - 2);
    raw.exec(PROTECTIVE_TRIGGERS.find((t) => t.name === 'audit_no_delete')!.sql);
    expect(verifyAuditChain(tc.core.store.db)).toEqual([
      { code: 'AUDIT_CHAIN_TRUNCATED', key: 'problem.audit.chainTruncated', params: { seq: n - 2, at: when(all[n - 3]!.at), last: n } },
    ]);
    await tc.call('org.create', { kind: 'workshop', parentId: null, name: '新车间' });
    const after = verifyAuditChain(tc.core.store.db);
    expect(codes(after)).toEqual(['AUDIT_CHAIN_GAP']);
    expect(after[0]!.params).toMatchObject({ seq: n + 1, after: n - 2 });
  });

  it('an altered or an extra trigger is reported', async () => {
    const { tc, raw } = await setUp();
    raw.exec(`DROP TRIGGER audit_no_delete;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log WHEN old.entity <> 'hazard' BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER evil AFTER INSERT ON hazard_events BEGIN UPDATE hazards SET status = 'closed'; END;`);
    expect(verifyAuditChain(tc.core.store.db)).toEqual([
      { code: 'AUDIT_TRIGGER_CHANGED', key: 'problem.audit.triggerChanged', params: { name: 'audit_no_delete', table: 'audit_log' } },
      { code: 'AUDIT_TRIGGER_EXTRA', key: 'problem.audit.triggerExtra', params: { name: 'evil', table: 'hazard_events' } },
    ]);
  });

  it('the background (sliced) check finds the same as the streamed one', async () => {
    const { tc, raw } = await setUp();
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare(`UPDATE audit_log SET reason = 'x' WHERE seq = 7`).run();
    const sync = auditChainReport(tc.core.store.db);
    const sliced = await auditChainReportAsync(tc.core.store.db, 3);
    expect(sliced.problems).toEqual(sync.problems);
    expect(sliced.entries).toBe(sync.entries);
    expect(sync.entries).toBe(6);
  });
});

describe('migration from v3', () => {
  it('back-fills the chain of existing entries in seq order, which then verifies and extends', async () => {
    const dir = tmpDir('ankang-chain-');
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    cleanup.unshift(() => db.close());
    await migrate(db, { target: 3 });
    const ins = db.prepare(`INSERT INTO audit_log (id, at, actor_id, actor_name, entity, entity_id, action, before, after, reason) VALUES (?, ?, NULL, '系统', 'worker', ?, ?, ?, ?, ?)`);
    db.transaction(() => {
      for (let i = 1; i <= 12_345; i++) ins.run(`a-${i}`, `2026-01-01T08:00:${String(i % 60).padStart(2, '0')}.000+08:00`, `w${i % 7}`, i % 3 ? 'update' : 'create', i % 2 ? null : `{"n":${i}}`, `{"n":"职工${i}"}`, i % 5 ? null : '导入');
    })();
    const r = await migrate(db, { backupDir: path.join(dir, 'backups') });
    expect(r.from).toBe(3);
    expect(r.backupFile).not.toBeNull();
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as (Parameters<typeof entryHash>[0] & { prev_hash: string; hash: string })[];
    expect(rows).toHaveLength(12_345);
    let prev = '';
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(entryHash(row, prev)); // the migration's frozen copy of the hash equals auditChain's
      prev = row.hash;
    }
    expect(auditChainReport(db)).toMatchObject({ problems: [], entries: 12_345 });
    const store = new Store(db);
    writeAudit(store, SYSTEM_ACTOR, { entity: 'worker', entityId: 'w1', action: 'update', after: { n: 1 } });
    expect(auditChainReport(db)).toMatchObject({ problems: [], entries: 12_346 });
    expect(chainHead(store).seq).toBe(12_346);
  });

  it('an empty v3 log migrates to an empty chain', async () => {
    const dir = tmpDir('ankang-chain-');
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    cleanup.unshift(() => db.close());
    await migrate(db, { target: 3 });
    await migrate(db);
    expect(auditChainReport(db)).toMatchObject({ problems: [], entries: 0 });
    expect(chainHead(new Store(db))).toEqual({ seq: 0, hash: '0'.repeat(64), fingerprint: '0000-0000-0000 #0' });
  });
});

describe('chain head and speed', () => {
  it('the fingerprint is the first 12 hex digits of the head hash and its seq', async () => {
    const { tc } = await setUp();
    const h = chainHead(tc.core.store);
    const last = entries(tc.core.store.db).at(-1)!;
    expect(h).toEqual({ seq: last.seq, hash: last.hash, fingerprint: `${last.hash.slice(0, 4)}-${last.hash.slice(4, 8)}-${last.hash.slice(8, 12)} #${last.seq}` });
    await tc.call('org.create', { kind: 'workshop', parentId: null, name: '新车间' });
    expect(chainHead(tc.core.store).fingerprint).not.toBe(h.fingerprint);
  });

  it('100,000 entries: appended and verified in seconds', () => {
    const dir = tmpDir('ankang-chain-');
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    cleanup.unshift(() => db.close());
    return migrate(db).then(() => {
      const store = new Store(db);
      const at = nowIso();
      let t = performance.now();
      store.tx(() => {
        for (let i = 0; i < 100_000; i++) {
          writeAudit(store, SYSTEM_ACTOR, { entity: 'hazard', entityId: `h${i}`, action: 'create', after: { serial: `YH-2026-${i}`, status: 'reported', description: '反应釜安全阀铅封损坏，压力表超过检定有效期' } }, at);
        }
      });
      const writeMs = performance.now() - t;
      t = performance.now();
      const r = auditChainReport(db);
      const verifyMs = performance.now() - t;
      console.log(`audit chain: 100,000 writeAudit ${writeMs.toFixed(0)} ms, verify ${verifyMs.toFixed(0)} ms`);
      expect(r).toMatchObject({ problems: [], entries: 100_000 });
      expect(verifyMs).toBeLessThan(10_000);
    });
  }, 120_000);
});

describe('the check at start (app.integrity)', () => {
  it('runs in the background after app.info, reports a clean chain with its head, then names an entry edited while the app was closed', async () => {
    const { tc: t, raw } = await setUp();
    await t.call('app.info');
    const clean = await t.call('app.integrity');
    expect(clean).toMatchObject({ problems: [], head: chainHead(t.core.store).fingerprint });
    expect(clean.entries).toBe(entries(raw).length);
    expect(await t.call('app.integrity')).toEqual(clean); // once per start

    // edited with the trigger dropped and put back with its exact text: the schema looks untouched, the chain does not
    const target = entries(raw)[2]!;
    const sql = raw.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'`).pluck().get() as string;
    t.core.close();
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare(`UPDATE audit_log SET actor_name = '伪造者' WHERE seq = ?`).run(target.seq);
    raw.exec(sql);
    raw.close();
    tc = await openTestCore({ init: false, dir: t.dir });
    await tc.call('session.signIn', { operatorId: (await tc.call('session.operators'))[0]!.id });
    await tc.call('app.info');
    const report = await tc.call('app.integrity');
    expect(report.problems).toEqual([{ code: 'AUDIT_CHAIN_HASH', key: 'problem.audit.chainHash', params: { seq: target.seq, at: when(target.at) } }]);
  });

  it('needs a signed-in operator', async () => {
    tc = await openTestCore({ init: false });
    await expect(tc.call('app.integrity')).rejects.toThrow(/UNAUTHENTICATED/);
  });
});

describe('cli check', () => {
  async function check(dir: string): Promise<{ code: number; out: string }> {
    let out = '';
    const so = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    }) as typeof process.stdout.write);
    const se = vi.spyOn(process.stderr, 'write').mockImplementation((() => true) as typeof process.stderr.write);
    try {
      return { code: await run(['check', '--data', dir]), out };
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
  }

  it('prints the chain head, and names an edited entry (exit 1)', async () => {
    const { tc: t, raw } = await setUp();
    const head = chainHead(t.core.store).fingerprint;
    const target = entries(raw)[6]!;
    const sql = raw.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'`).pluck().get() as string;
    t.core.close();
    tc = null;
    cleanup.push(() => fs.rmSync(t.dir, { recursive: true, force: true }));
    const ok = await check(t.dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`审计链头 ${head}`);

    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare(`UPDATE audit_log SET reason = '补录' WHERE seq = ?`).run(target.seq);
    raw.exec(sql);
    raw.close();
    const bad = await check(t.dir);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`审计日志第 ${target.seq} 条（${when(target.at)}）在写入后被改动过`);
  });
});

