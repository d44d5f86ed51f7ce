// The start-up integrity check in the background (issue 7, "A bad database at start"; issue 6, first screen): a store
// that needs no migration opens at once, quick_check runs on a worker thread, every call but the first screen's reads
// waits for it, and a store with damaged data pages is refused before anything is written.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupTo } from '../../electron/core/backup';
import { Core, type Session } from '../../electron/core/core';
import { quickCheckInBackground } from '../../electron/core/db/quickCheck';
import { contract, CHANNELS } from '../../shared/contract';
import { openTestCore, say, tmpDir } from '../helpers/core';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** A data folder holding a copy of a store with 400 workers whose table's leaf pages (not its root) are scribbled on. */
async function damagedStore(): Promise<{ dir: string; file: string }> {
  const tc = await openTestCore();
  for (let i = 0; i < 400; i++) await tc.call('workers.create', { empNo: `D${i}`, name: `职工${i}`, gender: 'M', post: '岗位'.repeat(20) });
  const dir = tmpDir('ankang-gate-');
  dirs.push(dir);
  const file = path.join(dir, 'ankang.sqlite');
  await backupTo(tc.core.store.db, file);
  tc.close();
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = db.prepare(`SELECT pageno FROM dbstat WHERE name = 'workers' AND pagetype = 'leaf'`).pluck().all() as number[];
  db.close();
  expect(leaves.length).toBeGreaterThan(4);
  const buf = fs.readFileSync(file);
  // the cell area of some leaves: the page headers stay, so the schema reads and opening succeeds
  for (const p of leaves.slice(1, 4)) for (let i = (p - 1) * pageSize + 200; i < p * pageSize - 8; i++) buf[i] = (i * 131) % 251;
  fs.writeFileSync(file, buf);
  return { dir, file };
}

describe('the integrity check at start', () => {
  it('only the first screen’s reads are early; every channel that may write waits for the check', () => {
    const early = CHANNELS.filter((c) => contract[c].early);
    expect(early.sort()).toEqual(['app.info', 'session.operators']);
  });

  it('a store with damaged data pages opens, then refuses every write; the first screen’s reads answer at once; the file is unchanged', async () => {
    const { dir, file } = await damagedStore();
    const before = sha(file);
    const core = await Core.open({ dataDir: dir, host: 'test' });
    const session: Session = { operatorId: null };
    try {
      const info = await core.dispatch('app.info', {}, session);
      // the first screen's read answers at once — with its value, or (when it meets the damage) refusing the store
      if (!info.ok) expect(info.error.details).toMatchObject({ storeFailed: true, recoverable: true });
      const problems = await core.ready();
      expect(problems.map((p) => p.code)).toContain('INTEGRITY');
      const ops = await core.dispatch('session.operators', {}, session);
      // it reads the operators with their workers' names: the damaged table refuses the store, in the user's language
      if (!ops.ok) {
        expect(ops.error).toMatchObject({ code: 'BAD_FILE', details: { storeFailed: true } });
        expect(say(ops.error)).not.toMatch(/SQLITE|malformed/);
      }
      const signIn = await core.dispatch('session.signIn', { operatorId: '0190a000-0000-7000-8000-000000000000', pin: '1234' }, session);
      expect(signIn.ok).toBe(false);
      if (signIn.ok) return;
      expect(signIn.error.code).toBe('BAD_FILE');
      expect(signIn.error.message).toBe('err.db.integrity');
      expect(signIn.error.details).toMatchObject({ recoverable: true, storeFailed: true });
      expect(say(signIn.error)).not.toMatch(/SQLITE|malformed/);
      expect(core.failure?.message).toBe('err.db.integrity');
    } finally {
      core.close();
    }
    expect(sha(file)).toBe(before);
  });

  it('a sound store: calls wait for the check, then run; ready() reports no problem', async () => {
    const tc = await openTestCore();
    const dir = tc.dir;
    tc.core.close();
    const core = await Core.open({ dataDir: dir, host: 'test' });
    try {
      const session: Session = { operatorId: null };
      const order: string[] = [];
      const ready = core.ready().then((p) => {
        order.push('checked');
        return p;
      });
      const call = core.dispatch('session.signIn', { operatorId: '0190a000-0000-7000-8000-000000000000' }, session).then((r) => {
        order.push('call');
        return r;
      });
      const [problems, r] = await Promise.all([ready, call]);
      expect(problems).toEqual([]);
      expect(order).toEqual(['checked', 'call']);
      expect(r.ok).toBe(false); // no such operator — but it ran
      if (!r.ok) expect(r.error.code).not.toBe('BAD_FILE');
    } finally {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quick_check on a worker thread finds the damage; with no worker it checks on the calling thread', async () => {
    const { file } = await damagedStore();
    const viaWorker = await quickCheckInBackground(file, () => null);
    expect(viaWorker.lines.length + (viaWorker.error ? 1 : 0)).toBeGreaterThan(0);
    const db = new Database(file, { readonly: true });
    try {
      // a fallback is used only when the worker cannot run; here it can, so the fallback connection is not touched
      let used = false;
      const again = await quickCheckInBackground(file, () => {
        used = true;
        return db;
      });
      expect(used).toBe(false);
      expect(again.lines).toEqual(viaWorker.lines);
    } finally {
      db.close();
    }
  });
});
