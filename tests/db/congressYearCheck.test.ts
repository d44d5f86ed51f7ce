// The home page's yearly check (issue 8, "Minutes": a safety-themed congress held at least once a year; overdue when
// none this year) through the real dispatch, and by date for the turn of the year.
import { afterEach, describe, expect, it } from 'vitest';
import { sessionYearCheck } from '../../electron/core/congress/sessions/yearCheck';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { openTestCore, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});
type Call = <K extends ChannelName>(channel: K, input?: ChannelInput<K>) => Promise<ChannelOutput<K>>;

const today = todayLocal();
const YEAR = Number(today.slice(0, 4));

/** A term over last year and this one with four representatives. */
async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  for (let k = 1; k <= 4; k++) await admin('workers.create', { empNo: `R${k}`, name: `代表${k}`, gender: 'M', orgUnitId: ws.id, isRepresentative: true });
  const term = await admin('congress.termCreate', { number: 2, startDate: `${YEAR - 2}-03-01`, endDate: `${YEAR + 1}-03-01` });
  await admin('congress.importFromRoster', { termId: term.id, joinedOn: `${YEAR - 2}-03-01` });
  return { admin, term };
}

async function hold(admin: Call, termId: string, date: string) {
  let s = await admin('congress.sessionCreate', { termId, kind: 'safety', date });
  s = await admin('congress.sessionStep', { id: s.id, action: 'issue' });
  s = await admin('congress.sessionStep', { id: s.id, action: 'open' });
  return s;
}

describe('congress.sessionYearCheck', () => {
  it('no term: says so, nothing held or planned', async () => {
    tc = await openTestCore();
    expect(await tc.call('congress.sessionYearCheck', {})).toEqual({ year: YEAR, today, hasTerm: false, held: null, planned: null, lastYearMissed: false });
  });

  it('a term without sessions: nothing this year, last year missed; a planned session shows its date and status', async () => {
    const { admin, term } = await world();
    expect(await admin('congress.sessionYearCheck', {})).toMatchObject({ hasTerm: true, held: null, planned: null, lastYearMissed: true });
    // a regular session does not count; a safety-themed one being prepared is the planned one
    await admin('congress.sessionCreate', { termId: term.id, kind: 'regular', date: `${YEAR}-01-02` });
    const s = await admin('congress.sessionCreate', { termId: term.id, kind: 'safety', date: `${YEAR}-12-31` });
    const c = await admin('congress.sessionYearCheck', {});
    expect(c.held).toBeNull();
    expect(c.planned).toEqual({ id: s.id, termNumber: 2, seq: 2, date: `${YEAR}-12-31`, status: 'preparing' });
    // issued: the status follows
    await admin('congress.sessionStep', { id: s.id, action: 'issue' });
    expect((await admin('congress.sessionYearCheck', {})).planned?.status).toBe('issued');
  });

  it('held this year (opened or closed) → held with its date; last year held → not missed', async () => {
    const { admin, term } = await world();
    const last = await hold(admin, term.id, `${YEAR - 1}-05-10`);
    await admin('congress.sessionStep', { id: last.id, action: 'close' });
    const now = await hold(admin, term.id, `${YEAR}-04-20`);
    const c = await admin('congress.sessionYearCheck', {});
    expect(c).toMatchObject({ hasTerm: true, lastYearMissed: false, planned: null });
    expect(c.held).toEqual({ id: now.id, termNumber: 2, seq: 2, date: `${YEAR}-04-20`, status: 'in_session' });
  });

  it('by date: a session still being prepared after its day, and a year that ended without one', async () => {
    const { admin, term } = await world();
    const s = await admin('congress.sessionCreate', { termId: term.id, kind: 'safety', date: `${YEAR}-06-15` });
    const store = tc!.core.store;
    // before its day: planned; after it, still the planned one (its day passed unopened — the card shows it red)
    expect(sessionYearCheck(store, `${YEAR}-06-01`).planned).toMatchObject({ id: s.id, date: `${YEAR}-06-15`, status: 'preparing' });
    expect(sessionYearCheck(store, `${YEAR}-07-01`).planned).toMatchObject({ id: s.id });
    // the next year: this year went without a held session
    const next = sessionYearCheck(store, `${YEAR + 1}-01-05`);
    expect(next).toMatchObject({ year: YEAR + 1, held: null, planned: null, lastYearMissed: true });
    // held: the next year sees it done
    await admin('congress.sessionStep', { id: s.id, action: 'issue' });
    await admin('congress.sessionStep', { id: s.id, action: 'open' });
    expect(sessionYearCheck(store, `${YEAR + 1}-01-05`).lastYearMissed).toBe(false);
    // a term that did not cover the year asks nothing of it
    expect(sessionYearCheck(store, `${YEAR - 2}-06-01`)).toMatchObject({ year: YEAR - 2, lastYearMissed: false });
  });
});
