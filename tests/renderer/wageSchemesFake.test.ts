// The FakeBackend's wage scheme channels keep the backend's rules (the real schemas, the real refusal()), so the
// schemes screens' tests meet the same answers as the app: a draft from codes, propose → vote → effective superseding
// the previous version, refusals by key.
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/contract';
import { FakeBackend, makeOperator } from './fakeBackend';
import { seedAgendaItem, seedScheme } from './wageSchemesFake';

function backend(roles: ('union_officer' | 'safety_officer')[] = ['union_officer'], isAdmin = false) {
  const op = makeOperator({ name: '王主席', roles, isAdmin });
  return new FakeBackend({ operators: [op], signedIn: op.id });
}
async function call(be: FakeBackend, channel: ChannelName, input: unknown) {
  return be.transport(channel, input as never, undefined);
}

describe('the fake wage scheme channels', () => {
  it('draft from codes (weights to 100) → propose → the announced vote adopts → effective supersedes the previous version', async () => {
    const be = backend();
    const old = seedScheme(be.wageSchemes, { state: 'effective', adoptedOn: '2026-01-01', effectiveFrom: '2026-01-01' });
    const item = seedAgendaItem(be.wageSchemes);
    const created = await call(be, 'wage.schemeCreate', { name: '2027年度方案', codes: ['SKILL', 'SAFE_TIME'] });
    expect(created).toMatchObject({ ok: true, value: { state: 'draft', version: 2 } });
    const s = (created as { value: { id: string; content: { indicators: { weightPct: number }[] } } }).value;
    expect(s.content.indicators.map((i) => i.weightPct)).toEqual([50, 50]);
    expect(await call(be, 'wage.schemeAction', { id: s.id, action: 'propose', agendaItemId: item.itemId })).toMatchObject({ ok: true, value: { state: 'proposed', sessionLabel: item.sessionLabel } });
    expect(await call(be, 'wage.schemeAction', { id: s.id, action: 'recordVote' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'wage.scheme.voteNotDecided' } });
    be.wageSchemes.votes.set(item.itemId, { voteId: 'v1', verdict: 'passed', date: '2026-06-01' });
    expect(await call(be, 'wage.schemeAction', { id: s.id, action: 'recordVote' })).toMatchObject({ ok: true, value: { state: 'adopted', adoptedOn: '2026-06-01' } });
    expect(await call(be, 'wage.schemeAction', { id: s.id, action: 'makeEffective', effectiveFrom: '2026-05-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'wage.scheme.effectiveBeforeAdoption', details: { issues: [{ path: 'effectiveFrom', message: 'v.invalid' }] } },
    });
    expect(await call(be, 'wage.schemeAction', { id: s.id, action: 'makeEffective', effectiveFrom: '2026-07-01' })).toMatchObject({ ok: true, value: { state: 'effective' } });
    expect(be.wageSchemes.schemes.find((x) => x.id === old.id)).toMatchObject({ state: 'superseded', supersededOn: '2026-07-01' });
    expect(await call(be, 'wage.schemeUpdate', { id: s.id, name: 'x', content: old.content })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'wage.scheme.wrongState' } });
    // the real schemas: weights must add up to 100
    const bad = structuredClone(old.content);
    bad.indicators[0]!.weightPct = 1;
    const draft = seedScheme(be.wageSchemes);
    expect(await call(be, 'wage.schemeUpdate', { id: draft.id, name: 'x', content: bad })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: 'content.indicators', message: 'v.wage.weightsSum' }] } } });
    // delete and undo
    expect(await call(be, 'wage.schemeDelete', { id: draft.id })).toMatchObject({ ok: true });
    expect(await call(be, 'wage.schemeRestore', { id: draft.id })).toMatchObject({ ok: true, value: { id: draft.id } });
  });

  it('a safety officer reads but takes no step', async () => {
    const be = backend(['safety_officer']);
    const s = seedScheme(be.wageSchemes);
    expect(await call(be, 'wage.schemes', {})).toMatchObject({ ok: true, value: [{ id: s.id }] });
    expect(await call(be, 'wage.schemeAction', { id: s.id, action: 'copy' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'wage.scheme.runnersOnly' } });
    expect(await call(be, 'wage.catalogueDelete', { id: 'cat-SKILL' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
