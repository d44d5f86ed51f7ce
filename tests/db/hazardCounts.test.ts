// The ledger's total at scale: a list or search matching more hazards than the cap says "more than cap"
// (totalCapped) instead of counting every row; the precomputed monthly statistics still give exact totals for the
// filters they hold; and whichever way the page is found (from the hit set, by the planner, by walking the sort
// index) it holds the same rows in the same order as a plain full sort. Through the real dispatch, with small caps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/core/demo';
import { generateDemoHazards } from '../../electron/core/demoHazards';
import { LEDGER_COUNT_CAP, ledgerCounting } from '../../electron/core/hazards/queries';
import { setQuiet } from '../../electron/core/log';
import type { HazardQueryInput } from '../../shared/hazards/schemas';
import { openTestCore, type TestCore } from '../helpers/core';

setQuiet(true);

let tc: TestCore;
const db = () => tc.core.store.db;
const OPEN = `status IN ('reported', 'confirmed', 'assigned', 'rectifying', 'submitted')`;
/** what the trigram index holds for a hazard: serial, description, place, equipment, measures */
const TEXT = (term: string) =>
  `(instr(serial, '${term}') OR instr(description, '${term}') OR instr(coalesce(place, ''), '${term}') OR instr(coalesce(equipment, ''), '${term}') OR instr(coalesce(measures, ''), '${term}'))`;
/** the ground truth: serials of the matching hazards, newest found first (the ledger's default order) */
const truth = (where: string) =>
  db().prepare(`SELECT serial FROM hazards WHERE deleted_at IS NULL AND ${where} ORDER BY found_at DESC, serial_key DESC`).pluck().all() as string[];

async function list(q: HazardQueryInput, cap: number) {
  ledgerCounting.cap = cap;
  try {
    return await tc.call('hazards.list', q);
  } finally {
    ledgerCounting.cap = LEDGER_COUNT_CAP;
  }
}

/** the most frequent 3-character term of the descriptions (a "common term" of this store) */
function commonTerm(): { term: string; hits: string[] } {
  const freq = new Map<string, number>();
  for (const d of db().prepare('SELECT description FROM hazards').pluck().all() as string[]) {
    const chars = [...d];
    const seen = new Set<string>();
    for (let i = 0; i + 3 <= chars.length; i++) {
      const t = chars.slice(i, i + 3).join('');
      if (/^[\p{Script=Han}]{3}$/u.test(t) && !seen.has(t)) {
        seen.add(t);
        freq.set(t, (freq.get(t) ?? 0) + 1);
      }
    }
  }
  const term = [...freq.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { term, hits: truth(TEXT(term)) };
}

beforeAll(async () => {
  tc = await openTestCore({ init: false });
  generateDemo(tc.core.store, 'small');
  generateDemoHazards(tc.core.store, 400);
  const admin = db().prepare('SELECT id FROM operators WHERE is_admin = 1 LIMIT 1').pluck().get() as string;
  await tc.call('session.signIn', { operatorId: admin });
}, 60_000);
afterAll(() => tc.close());

describe('capped counts', () => {
  it('the default cap is 10,000 and the dispatch uses it unless a test lowers it', async () => {
    expect(LEDGER_COUNT_CAP).toBe(10_000);
    expect(ledgerCounting.cap).toBe(10_000);
    const p = await tc.call('hazards.list', { status: 'all', source: 'self_check', pageSize: 5 });
    expect(p.total).toBe(truth(`source = 'self_check'`).length);
    expect(p.totalCapped).toBeUndefined();
  });

  it('a search with more hits than the cap reports total = cap and totalCapped; at or below the cap, the exact total', async () => {
    const { term, hits } = commonTerm();
    expect(hits.length, `common term ${term}`).toBeGreaterThan(20);
    const over = await list({ status: 'all', search: term, pageSize: 10 }, hits.length - 1);
    expect(over).toMatchObject({ total: hits.length - 1, totalCapped: true, page: 1, pageSize: 10 });
    expect(over.rows.map((r) => r.serial)).toEqual(hits.slice(0, 10));

    const atCap = await list({ status: 'all', search: term, pageSize: 10 }, hits.length);
    expect(atCap.total).toBe(hits.length);
    expect(atCap.totalCapped).toBeUndefined();
    expect(atCap.rows.map((r) => r.serial)).toEqual(hits.slice(0, 10));

    // far over the cap: the page is found by walking the found-at index, still in order, page 2 too
    const small = await list({ status: 'all', search: term, pageSize: 7, page: 2 }, 5);
    expect(small).toMatchObject({ total: 5, totalCapped: true });
    expect(small.rows.map((r) => r.serial)).toEqual(hits.slice(7, 14));
  });

  it('a search combined with a filter that leaves few rows is exact, whatever the term alone would hit', async () => {
    const { term } = commonTerm();
    const open = truth(`${OPEN} AND ${TEXT(term)}`);
    expect(open.length).toBeLessThan(20);
    const p = await list({ status: 'open', search: term, pageSize: 50 }, 20);
    expect(p.total).toBe(open.length);
    expect(p.totalCapped).toBeUndefined();
    expect(p.rows.map((r) => r.serial)).toEqual(open);
  });

  it('a filter the statistics hold is counted exactly beyond the cap; others are capped', async () => {
    const all = truth('1');
    const stats = await list({ status: 'all', pageSize: 3, page: 4 }, 10);
    expect(stats.total).toBe(400);
    expect(stats.totalCapped).toBeUndefined();
    expect(stats.rows.map((r) => r.serial)).toEqual(all.slice(9, 12));

    const year = all.length ? Number(db().prepare('SELECT max(substr(found_date, 1, 4)) FROM hazards').pluck().get()) : 0;
    const closedInYear = truth(`status = 'closed' AND found_date BETWEEN '${year}-01-01' AND '${year}-12-31'`);
    const byYear = await list({ status: 'closed', from: `${year}-01-01`, to: `${year}-12-31`, pageSize: 5 }, 3);
    expect(byYear.total).toBe(closedInYear.length);
    expect(byYear.totalCapped).toBeUndefined();
    expect(byYear.rows.map((r) => r.serial)).toEqual(closedInYear.slice(0, 5));

    // part of a month: not in the statistics — counted up to the cap
    const part = truth(`found_date BETWEEN '${year}-01-02' AND '${year}-12-31'`);
    expect(part.length).toBeGreaterThan(3);
    const partial = await list({ status: 'all', from: `${year}-01-02`, to: `${year}-12-31`, pageSize: 5 }, 3);
    expect(partial).toMatchObject({ total: 3, totalCapped: true });
    expect(partial.rows.map((r) => r.serial)).toEqual(part.slice(0, 5));

    const self = truth(`source = 'self_check'`);
    const capped = await list({ status: 'all', source: 'self_check', pageSize: 5 }, 10);
    expect(self.length).toBeGreaterThan(10);
    expect(capped).toMatchObject({ total: 10, totalCapped: true });
    expect(capped.rows.map((r) => r.serial)).toEqual(self.slice(0, 5));
    const exact = await list({ status: 'all', source: 'self_check', pageSize: 5 }, self.length);
    expect(exact.total).toBe(self.length);
    expect(exact.totalCapped).toBeUndefined();
  });

  it('the statistics count stays honest after a hazard is soft-deleted or changes status', async () => {
    const before = (await list({ status: 'all', pageSize: 1 }, 10)).total;
    const victim = db().prepare(`SELECT id FROM hazards WHERE deleted_at IS NULL AND status = 'closed' LIMIT 1`).pluck().get() as string;
    db().prepare(`UPDATE hazards SET deleted_at = '2026-01-01T00:00:00.000+08:00' WHERE id = ?`).run(victim);
    try {
      expect((await list({ status: 'all', pageSize: 1 }, 10)).total).toBe(before - 1);
      expect((await list({ status: 'closed', pageSize: 1 }, 10)).total).toBe(truth(`status = 'closed'`).length);
    } finally {
      db().prepare(`UPDATE hazards SET deleted_at = NULL WHERE id = ?`).run(victim);
    }
    expect((await list({ status: 'all', pageSize: 1 }, 10)).total).toBe(before);
  });
});
