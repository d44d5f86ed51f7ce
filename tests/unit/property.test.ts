// Property tests: random inputs at every channel come back as typed results (never a thrown error or a stack),
// and a failed call leaves the store exactly as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type ChannelName } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/result';
import { openTestCore, type TestCore } from '../helpers/core';

let tc: TestCore;
beforeAll(async () => {
  tc = await openTestCore();
  // some data so that ids and lookups have something to hit
  const ws = await tc.call('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  await tc.call('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  await tc.call('workers.create', { empNo: 'P001', name: '李安全', gender: 'F', roles: ['safety_officer'], orgUnitId: ws.id });
});
afterAll(() => tc.close());

function fingerprint(): string {
  const db = tc.core.store.db;
  // every table but SQLite's own and the FTS shadow tables (derived from the tables they index)
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return tables.map((t) => `${t}:${db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort().join('|')}`).join('\n');
}

const ids = () => tc.core.store.db.prepare('SELECT id FROM workers UNION ALL SELECT id FROM org_units UNION ALL SELECT id FROM operators').pluck().all() as string[];

// values that look like the fields the schemas expect, mixed with junk
const fieldValue = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.constantFrom('', ' ', '张三', 'AK000001', '320102199001011234', '91321200MA1NX7Q8K', 'workshop', 'team', 'active', 'zh-CN', 'en', '2026-02-30', 'safety_officer'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);
const keys = ['id', 'name', 'kind', 'parentId', 'empNo', 'gender', 'idCard', 'search', 'page', 'pageSize', 'sortField', 'status', 'locale', 'operatorId', 'pin', 'importId', 'data', 'fileName', 'dataBase64', 'mapping', 'workerId', 'roles', 'enterprise', 'operator', 'uscc', 'headcount', 'includeRetired', 'skipInvalid'];
const inputArb = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom(...keys), fieldValue, { maxKeys: 6 }),
  fc.record({ id: fc.oneof(fc.string(), fc.constantFrom(...['x'])) }),
);

describe('every channel under random input', () => {
  it('covers the whole contract', () => {
    expect(CHANNELS.length).toBeGreaterThan(20);
  });

  for (const channel of CHANNELS) {
    it(`${channel}: typed result; failures leave the store unchanged`, async () => {
      const existing = ids();
      await fc.assert(
        fc.asyncProperty(inputArb, fc.nat(existing.length), async (input, pickId) => {
          // sometimes aim at a real record so we get past "not found"
          if (input && typeof input === 'object' && !Array.isArray(input) && 'id' in input && pickId < existing.length) {
            (input as Record<string, unknown>).id = existing[pickId];
          }
          const before = fingerprint();
          const session = { ...tc.session };
          let r;
          try {
            r = await tc.core.dispatch(channel as ChannelName, input, session);
          } catch (e) {
            throw new Error(`dispatch threw for ${channel}: ${(e as Error).message}`);
          }
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) {
            expect(ERROR_CODES).toContain(r.error.code);
            expect(typeof r.error.message).toBe('string');
            expect(r.error.message).not.toMatch(/\n\s+at /); // no stack traces across the boundary
            expect(r.error.code).not.toBe('INTERNAL');
            expect(fingerprint()).toBe(before);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('unknown channels are refused as data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.anything()), async (name) => {
        fc.pre(typeof name !== 'string' || !CHANNELS.includes(name as ChannelName));
        const r = await tc.core.dispatch(name, {}, tc.session);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('UNKNOWN_CHANNEL');
      }),
      { numRuns: 100 },
    );
  });

  it('a channel name that cannot even be turned into a string is refused as data (found by the property above)', async () => {
    for (const name of [{ toString: 5 }, Object.create(null), Symbol('x'), () => 1, 12n]) {
      const r = await tc.core.dispatch(name, {}, tc.session);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('UNKNOWN_CHANNEL');
    }
  });

  it('a signed-out session gets UNAUTHENTICATED from every protected channel, with the store unchanged', async () => {
    const { contract } = await import('../../shared/contract');
    const before = fingerprint();
    for (const channel of CHANNELS) {
      if (!contract[channel].auth) continue;
      const r = await tc.core.dispatch(channel, {}, { operatorId: null });
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(['UNAUTHENTICATED', 'VALIDATION']).toContain(r.error.code);
    }
    expect(fingerprint()).toBe(before);
  });
});
