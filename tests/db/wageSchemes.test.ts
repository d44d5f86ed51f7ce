// The skill-level wage's schemes (issue 9, "The scheme") through the real dispatch: the indicator catalogue (seeded,
// edited, soft delete and restore), scheme drafts from catalogue codes or as copies, the content's validation, and the
// lifecycle as a workflow table — every allowed and every refused step — against a real congress session and its
// announced vote: no effective date without an adoption, no edit after adoption, the previous version superseded from
// the new one's date, every step audited, every refusal leaving the tables as they were. The scheme's text as a PDF
// (pdftotext), attached to the agenda item when proposed. effectiveSchemeFor's rule for the runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core, Session } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { effectiveSchemeFor } from '../../electron/core/wage/schemes/service';
import type { ChannelInput } from '../../shared/contract';
import { localToday } from '../../shared/kernel/schemas';
import { DEFAULT_CATALOGUE } from '../../shared/wage/catalogue';
import { SCHEME_ACTIONS, SCHEME_STATES, SCHEME_TRANSITIONS, type SchemeAction, type SchemeState } from '../../shared/wage/scheme';
import type { CatalogueIndicator, SchemeContent, SchemeVersion } from '../../shared/wage/schemes/types';
import { type Call, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const TABLES = ['wage_catalogue', 'wage_schemes', 'congress_agenda_items', 'congress_item_materials', 'congress_votes', 'attachments', 'audit_log'];
/** A snapshot of the scheme tables, the congress tables a step touches and the audit log, to prove a refusal changed nothing. */
function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}
function audits(core: Core, entityId?: string): { entity: string; entity_id: string; action: string; before: string | null; after: string | null }[] {
  const rows = core.store.db.prepare(`SELECT entity, entity_id, action, before, after FROM audit_log WHERE entity LIKE 'wage_%' ORDER BY seq`).all() as never[];
  return entityId ? rows.filter((r: { entity_id: string }) => r.entity_id === entityId) : rows;
}
/** The PDF's text in drawing order (-raw keeps a table cell's wrapped lines together), without white space. */
function pdfText(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-scheme-')), 'scheme.pdf');
  fs.writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
/** A catalogue entry as wage.catalogueSave takes it. */
function entryInput(c: CatalogueIndicator): ChannelInput<'wage.catalogueSave'> {
  return { id: c.id, code: c.code, name: c.name, unit: c.unit, source: c.source, rule: c.rule, weightPct: c.weightPct, safety: c.safety, note: c.note };
}

const DAY = '2026-11-20';

/** A term of `reps` representatives and a safety-themed 5+X session (preparing) with an X vote item. */
async function world(reps = 9) {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  for (let k = 1; k <= reps; k++) {
    await admin('workers.create', { empNo: `R${String(k).padStart(3, '0')}`, name: `代表${k}`, gender: k % 3 === 0 ? 'F' : 'M', orgUnitId: ws.id, isRepresentative: true });
  }
  const term = await admin('congress.termCreate', { number: 3, startDate: '2024-01-01', endDate: '2028-12-31' });
  await admin('congress.importFromRoster', { termId: term.id, joinedOn: '2024-01-01' });
  let session = await admin('congress.sessionCreate', { termId: term.id, kind: 'safety', date: DAY, place: '职工活动中心' });
  session = await admin('congress.agendaAdd', { sessionId: session.id, title: '审议集体合同草案', kind: 'vote', presenter: '王主席', plannedMinutes: 20 });
  const item = (key: string | null) => session.agenda.find((i) => i.templateKey === key)!;
  return { admin, ws, term, session, wageItem: item('wage'), xItem: item(null), skillsItem: item('skills') };
}

/** Opens the session (papers issued), checks `present` in, and announces a vote on the item with `yes` votes. */
async function voteOn(admin: Call, sessionId: string, itemId: string, present: number, yes: number, opts: { open?: boolean } = {}) {
  if (opts.open ?? true) {
    await admin('congress.sessionStep', { id: sessionId, action: 'issue' });
    await admin('congress.sessionStep', { id: sessionId, action: 'open' });
    const all = await admin('congress.attendance', { sessionId });
    await admin('congress.attendanceSet', { sessionId, memberIds: all.rows.slice(0, present).map((r) => r.memberId), status: 'present' });
  }
  const d = await admin('congress.voteOpen', { itemId });
  const v = d.agenda.find((i) => i.id === itemId)!.votes.at(-1)!;
  await admin('congress.voteCount', { id: v.id, counts: { issued: present, yes, no: present - yes, abstain: 0, invalid: 0 } });
  await admin('congress.voteAnnounce', { id: v.id });
  return v.id;
}

const create = (admin: Call, name = '2027年度能级工资方案', codes = DEFAULT_CATALOGUE.map((c) => c.code)) => admin('wage.schemeCreate', { name, codes });
const act = (admin: Call, input: ChannelInput<'wage.schemeAction'>) => admin('wage.schemeAction', input);

/** A content with one change, for the validation tests. */
function withContent(c: SchemeContent, f: (c: SchemeContent) => void): SchemeContent {
  const copy = structuredClone(c);
  f(copy);
  return copy;
}

describe('the indicator catalogue', () => {
  it('ships the four indicators of the ten measures; entries are added, edited, deleted and restored — audited', async () => {
    const { admin } = await world(0);
    const cat = await admin('wage.catalogue', {});
    expect(cat.map((c) => c.code)).toEqual(['SKILL', 'SAFE_TIME', 'BEHAVIOUR', 'HAZARDS']);
    expect(cat.every((c) => c.builtIn && c.deletedAt === null)).toBe(true);
    expect(cat[0]).toMatchObject({ name: { 'zh-CN': '安全技能等级', en: 'Safety skill grade' }, source: 'roster.skillGrade', weightPct: 30, safety: false, rule: DEFAULT_CATALOGUE[0]!.rule });

    const added = await admin('wage.catalogueSave', {
      code: 'TRAINING',
      name: { 'zh-CN': '安全培训学时', en: '' },
      unit: { 'zh-CN': '学时', en: 'hours' },
      source: 'manual',
      rule: { kind: 'linear', perUnit: 2.5, floor: 0, cap: 40 },
      weightPct: 10,
      safety: true,
      note: '每月由安全员填报',
    });
    // English left empty takes the Chinese
    expect(added).toMatchObject({ code: 'TRAINING', builtIn: false, name: { 'zh-CN': '安全培训学时', en: '安全培训学时' }, note: '每月由安全员填报' });
    const edited = await admin('wage.catalogueSave', { ...entryInput(added), code: 'TRAIN', weightPct: 15, note: null });
    expect(edited).toMatchObject({ id: added.id, code: 'TRAIN', weightPct: 15, note: null });
    // a built-in entry's numbers change, its code does not
    const skill = cat[0]!;
    const skill2 = await admin('wage.catalogueSave', { ...entryInput(skill), weightPct: 40, note: null });
    expect(skill2).toMatchObject({ code: 'SKILL', weightPct: 40, builtIn: true });

    expect(await admin('wage.catalogueDelete', { id: added.id })).toEqual({ deleted: true });
    expect((await admin('wage.catalogue', {})).map((c) => c.code)).not.toContain('TRAIN');
    expect((await admin('wage.catalogue', { deleted: true })).map((c) => c.code)).toEqual(['TRAIN']);
    expect(await admin('wage.catalogueRestore', { id: added.id })).toMatchObject({ code: 'TRAIN', deletedAt: null });
    expect(audits(tc!.core, added.id).map((a) => a.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(JSON.parse(audits(tc!.core, added.id)[1]!.before!)).toMatchObject({ code: 'TRAINING' });
  });

  it('refuses a taken code, a built-in code change, bad codes, weights and rules, a stranger and a second restore — changing nothing', async () => {
    const { admin, ws } = await world(0);
    const cat = await admin('wage.catalogue', {});
    const skill = cat[0]!;
    const base = { code: 'NEW_ONE', name: { 'zh-CN': '新指标', en: 'New' }, unit: { 'zh-CN': '分', en: 'points' }, source: 'manual' as const, rule: { kind: 'lookup' as const, table: { A: 10 }, missing: 0 }, weightPct: 10, safety: false };
    const before = tables(tc!.core);
    const taken = await refusal(admin('wage.catalogueSave', { ...base, code: 'HAZARDS' }));
    expect(taken).toMatchObject({ code: 'CONFLICT', message: 'err.wage.codeTaken', details: { code: 'HAZARDS', issues: [{ path: 'code', message: 'v.duplicate' }] } });
    expect(say(taken)).toBe('指标代码 HAZARDS 已被使用');
    expect(await refusal(admin('wage.catalogueSave', { ...entryInput(skill), code: 'SKILLS' }))).toMatchObject({ message: 'err.wage.builtInCode' });
    const issues = async (input: Partial<ChannelInput<'wage.catalogueSave'>>) => (await refusal(admin('wage.catalogueSave', { ...base, ...input } as never))).details!.issues;
    expect(await issues({ code: 'bad code' })).toEqual([{ path: 'code', message: 'v.wage.code' }]);
    expect(await issues({ weightPct: 120 })).toEqual([{ path: 'weightPct', message: 'v.wage.weight' }]);
    expect(await issues({ weightPct: 12.5 })).toEqual([{ path: 'weightPct', message: 'v.wage.weight' }]);
    expect(await issues({ rule: { kind: 'tiers', tiers: [{ min: 100, points: 50 }, { min: 80, points: 60 }] } })).toEqual([{ path: 'rule', message: 'v.wage.rule.tiersOrder' }]);
    expect(await issues({ rule: { kind: 'tiers', tiers: [] } })).toEqual([{ path: 'rule', message: 'v.wage.rule.empty' }]);
    expect(await issues({ rule: { kind: 'linear', perUnit: 1, floor: 10, cap: 5 } })).toEqual([{ path: 'rule', message: 'v.wage.rule.floorCap' }]);
    expect(await issues({ rule: { kind: 'perEvent', points: { general: 10.123 } } })).toEqual([{ path: 'rule.points.general', message: 'v.wage.points' }]);
    expect(await issues({ rule: { kind: 'lookup', table: {}, missing: 0 } })).toEqual([{ path: 'rule', message: 'v.wage.rule.empty' }]);
    expect(say({ message: 'v.wage.rule.tiersOrder' })).toBe('各档的起点必须逐档递增');
    expect(await refusal(admin('wage.catalogueRestore', { id: skill.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.notDeleted' });
    expect(await refusal(admin('wage.catalogueDelete', { id: 'nope' }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.catalogueNotFound' });
    expect(tables(tc!.core)).toBe(before);
    // a safety officer reads the catalogue but does not change it
    const so = await admin('workers.create', { empNo: 'S001', name: '赵安全', gender: 'M', orgUnitId: ws.id, roles: ['safety_officer'] });
    const soOp = await admin('operators.add', { workerId: so.id });
    const asSo = stranger(tc!.core);
    await asSo('session.signIn', { operatorId: soOp.id });
    const snapshot = tables(tc!.core);
    expect(await refusal(asSo('wage.catalogueSave', base))).toMatchObject({ code: 'FORBIDDEN', message: 'wage.scheme.runnersOnly' });
    expect(await refusal(asSo('wage.catalogueDelete', { id: skill.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await asSo('wage.catalogue', {})).length).toBe(4);
    expect(tables(tc!.core)).toBe(snapshot);
  });
});

/** A second connection (not signed in as the administrator). */
function stranger(core: Core): Call {
  const session: Session = { operatorId: null };
  return async (channel, input) => {
    const r = await core.dispatch(channel, input ?? {}, session);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { data: r.error });
    return r.value as never;
  };
}

describe('scheme drafts', () => {
  it('a draft from catalogue codes scales their weights to 100; a copy carries the content; only a draft is edited — audited', async () => {
    const { admin } = await world(0);
    const all = await create(admin);
    expect(all).toMatchObject({ name: '2027年度能级工资方案', version: 1, state: 'draft', basedOnId: null, agendaItemId: null, adoptedOn: null });
    expect(all.content.indicators.map((i) => [i.code, i.weightPct, i.capFen])).toEqual([
      ['SKILL', 30, null],
      ['SAFE_TIME', 30, null],
      ['BEHAVIOUR', 20, null],
      ['HAZARDS', 20, null],
    ]);
    expect(all.content).toMatchObject({ money: { kind: 'pointValue', fenPerPoint: 100 }, totalCapFen: null, veto: { severities: ['serious_injury', 'death'], team: false }, proRata: true });
    // two indicators of 30 % each become 50 % each; three of 30/20/20 become 43/29/28 (largest remainder)
    const two = await create(admin, '技能与时长', ['SKILL', 'SAFE_TIME']);
    expect(two.content.indicators.map((i) => i.weightPct)).toEqual([50, 50]);
    const three = await create(admin, '三项', ['SAFE_TIME', 'BEHAVIOUR', 'HAZARDS']);
    expect(three.content.indicators.map((i) => i.weightPct)).toEqual([43, 29, 28]);
    expect(three.version).toBe(3);

    const content = withContent(all.content, (c) => {
      c.indicators[0]!.weightPct = 40;
      c.indicators[1]!.weightPct = 20;
      c.indicators[1]!.capFen = 30_000;
      c.money = { kind: 'budget', budgetFen: 5_000_000 };
      c.totalCapFen = 80_000;
      c.veto = { severities: ['minor_injury', 'serious_injury', 'death'], team: true };
    });
    const edited = await admin('wage.schemeUpdate', { id: all.id, name: '2027年度能级工资方案（征求意见稿）', note: '第一轮协商', content });
    expect(edited).toMatchObject({ name: '2027年度能级工资方案（征求意见稿）', note: '第一轮协商', content });
    const copy = await admin('wage.schemeCreate', { copyOf: all.id });
    expect(copy).toMatchObject({ version: 4, state: 'draft', basedOnId: all.id, name: edited.name, content });
    const named = await act(admin, { id: all.id, action: 'copy', name: '另一稿' });
    expect(named).toMatchObject({ version: 5, name: '另一稿', basedOnId: all.id });
    expect((await admin('wage.schemes', {})).map((s) => s.version)).toEqual([5, 4, 3, 2, 1]);
    expect(audits(tc!.core, all.id).map((a) => a.action)).toEqual(['create', 'update']);
    expect(audits(tc!.core, copy.id).map((a) => a.action)).toEqual(['copy']);
    expect(JSON.parse(audits(tc!.core, all.id)[1]!.before!).content.money).toEqual({ kind: 'pointValue', fenPerPoint: 100 });

    // a draft is deleted (kept as deleted) and restored
    expect(await admin('wage.schemeDelete', { id: two.id })).toEqual({ deleted: true });
    expect((await admin('wage.schemes', {})).map((s) => s.version)).toEqual([5, 4, 3, 1]);
    expect(await refusal(admin('wage.scheme', { id: two.id }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.schemeNotFound' });
    expect(await admin('wage.schemeRestore', { id: two.id })).toMatchObject({ id: two.id, state: 'draft' });
    expect(audits(tc!.core, two.id).map((a) => a.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses content whose weights miss 100, a repeated code, an unusable rule, money not above zero, an unknown veto severity — changing nothing', async () => {
    const { admin } = await world(0);
    const s = await create(admin);
    const before = tables(tc!.core);
    const issues = async (f: (c: SchemeContent) => void) =>
      (await refusal(admin('wage.schemeUpdate', { id: s.id, name: s.name, content: withContent(s.content, f) }))).details!.issues;
    expect(await issues((c) => (c.indicators[0]!.weightPct = 29))).toEqual([{ path: 'content.indicators', message: 'v.wage.weightsSum' }]);
    expect(say({ message: 'v.wage.weightsSum' })).toBe('各指标权重合计必须为 100%');
    expect(await issues((c) => (c.indicators[1]!.code = 'SKILL'))).toEqual([{ path: 'content.indicators.1.code', message: 'v.wage.codeTwice' }]);
    expect(
      await issues((c) => {
        c.indicators[1]!.rule = { kind: 'tiers', tiers: [{ min: 160, points: 80 }, { min: 120, points: 60 }] };
      }),
    ).toEqual([{ path: 'content.indicators.1.rule', message: 'v.wage.rule.tiersOrder' }]);
    expect(
      await issues((c) => {
        c.indicators[2]!.rule = { kind: 'linear', perUnit: 1, floor: 20, cap: -20 };
      }),
    ).toEqual([{ path: 'content.indicators.2.rule', message: 'v.wage.rule.floorCap' }]);
    expect(await issues((c) => (c.money = { kind: 'pointValue', fenPerPoint: 0 }))).toEqual([{ path: 'content.money.fenPerPoint', message: 'v.wage.moneyPositive' }]);
    expect(await issues((c) => (c.money = { kind: 'budget', budgetFen: -100 }))).toEqual([{ path: 'content.money.budgetFen', message: 'v.wage.moneyPositive' }]);
    expect(await issues((c) => (c.money = { kind: 'baseTimesCoefficient', baseFen: 100.5 }))).toEqual([{ path: 'content.money.baseFen', message: 'v.wage.moneyPositive' }]);
    expect(await issues((c) => (c.indicators[0]!.capFen = 0))).toEqual([{ path: 'content.indicators.0.capFen', message: 'v.wage.moneyPositive' }]);
    expect(await issues((c) => (c.totalCapFen = -1))).toEqual([{ path: 'content.totalCapFen', message: 'v.wage.moneyPositive' }]);
    expect(await issues((c) => (c.veto.severities = ['fire' as never]))).toEqual([{ path: 'content.veto.severities.0', message: 'v.wage.severity' }]);
    expect(await issues((c) => (c.veto.severities = ['death', 'death']))).toEqual([{ path: 'content.veto.severities', message: 'v.wage.severityTwice' }]);
    expect(await issues((c) => (c.indicators = []))).toEqual([{ path: 'content.indicators', message: 'v.wage.noIndicators' }]);
    const unknown = await refusal(admin('wage.schemeCreate', { name: '试行', codes: ['SKILL', 'NOPE'] }));
    expect(unknown).toMatchObject({ code: 'VALIDATION', message: 'err.wage.unknownIndicator', details: { code: 'NOPE' } });
    expect(say(unknown)).toBe('指标库中没有指标 NOPE');
    expect((await refusal(admin('wage.schemeCreate', { name: '试行', codes: ['SKILL', 'SKILL'] }))).details!.issues).toEqual([{ path: 'codes', message: 'v.wage.codeTwice' }]);
    expect((await refusal(admin('wage.schemeCreate', { name: ' ', codes: ['SKILL'] }))).code).toBe('VALIDATION');
    // one input object: codes need a name, a copy takes no codes; each step takes its own fields and no others
    expect((await refusal(admin('wage.schemeCreate', { codes: ['SKILL'] }))).details!.issues).toEqual([{ path: 'name', message: 'v.required' }]);
    expect((await refusal(admin('wage.schemeCreate', { name: '试行' }))).details!.issues).toEqual([{ path: 'codes', message: 'v.wage.noIndicators' }]);
    expect((await refusal(admin('wage.schemeCreate', { copyOf: s.id, codes: ['SKILL'] }))).details!.issues).toEqual([{ path: 'codes', message: 'v.invalid' }]);
    expect((await refusal(act(admin, { id: s.id, action: 'propose' }))).details!.issues).toEqual([{ path: 'agendaItemId', message: 'v.required' }]);
    expect((await refusal(act(admin, { id: s.id, action: 'adoptElsewhere', docNo: '工发〔2026〕1号' }))).details!.issues).toEqual([{ path: 'date', message: 'v.required' }]);
    expect((await refusal(act(admin, { id: s.id, action: 'withdraw', docNo: '工发〔2026〕1号' }))).details!.issues).toEqual([{ path: 'docNo', message: 'v.invalid' }]);
    expect((await refusal(act(admin, { id: s.id, action: 'edit' as never }))).details!.issues).toEqual([{ path: 'action', message: 'v.invalid' }]);
    expect(tables(tc!.core)).toBe(before);
    // a deleted catalogue entry is no longer offered to new drafts
    const hazards = (await admin('wage.catalogue', {})).find((c) => c.code === 'HAZARDS')!;
    await admin('wage.catalogueDelete', { id: hazards.id });
    const before2 = tables(tc!.core);
    expect((await refusal(admin('wage.schemeCreate', { name: '试行', codes: ['HAZARDS'] }))).message).toBe('err.wage.unknownIndicator');
    expect(tables(tc!.core)).toBe(before2);
  });
});

/** Puts a version into `state` through the real steps (the congress vote for adopted, rejected, effective, superseded). */
async function versionIn(w: Awaited<ReturnType<typeof world>>, state: SchemeState): Promise<SchemeVersion> {
  const { admin } = w;
  const s = await create(admin, `方案-${state}`);
  switch (state) {
    case 'draft':
      return s;
    case 'proposed':
      return act(admin, { id: s.id, action: 'propose', agendaItemId: w.wageItem.id });
    case 'rejected': {
      await act(admin, { id: s.id, action: 'propose', agendaItemId: w.xItem.id });
      return s;
    }
    case 'adopted':
      return act(admin, { id: s.id, action: 'adoptElsewhere', docNo: '工发〔2026〕1号', date: '2026-10-01' });
    case 'effective': {
      await act(admin, { id: s.id, action: 'adoptElsewhere', docNo: '工发〔2026〕2号', date: '2026-10-01' });
      return act(admin, { id: s.id, action: 'makeEffective', effectiveFrom: '2026-10-01' });
    }
    case 'superseded':
      throw new Error('made by making a later version effective');
  }
}

/** The call an action makes, with facts good enough that only the state can refuse it. */
function step(admin: Call, s: SchemeVersion, action: SchemeAction, itemId: string): Promise<unknown> {
  switch (action) {
    case 'edit':
      return admin('wage.schemeUpdate', { id: s.id, name: s.name, content: s.content });
    case 'delete':
      return admin('wage.schemeDelete', { id: s.id });
    case 'propose':
      return act(admin, { id: s.id, action, agendaItemId: itemId });
    case 'adoptElsewhere':
      return act(admin, { id: s.id, action, docNo: '工发〔2026〕9号', date: '2026-11-01' });
    case 'makeEffective':
      return act(admin, { id: s.id, action, effectiveFrom: '2027-01-01' });
    case 'supersede':
      return act(admin, { id: s.id, action, on: '2027-06-01' });
    case 'correctDates':
      return admin('wage.schemeCorrectDates', { id: s.id, effectiveFrom: '2027-02-01', reason: '录入错误' });
    case 'withdraw':
    case 'recordVote':
    case 'copy':
      return act(admin, { id: s.id, action });
  }
}

describe('the scheme lifecycle as a workflow table', () => {
  it('refuses every step the table does not allow from every state — changing nothing', async () => {
    const w = await world(9);
    const { admin } = w;
    const byState = new Map<SchemeState, SchemeVersion>();
    for (const st of ['draft', 'proposed', 'adopted', 'effective', 'rejected'] as const) byState.set(st, await versionIn(w, st));
    // the rejected one: its vote on the X item fails (4 yes of 9 representatives)
    await voteOn(admin, w.session.id, w.xItem.id, 8, 4);
    byState.set('rejected', await act(admin, { id: byState.get('rejected')!.id, action: 'recordVote' }));
    // the superseded one: another version takes effect after the effective one
    const next = await create(admin, '方案-next');
    await act(admin, { id: next.id, action: 'adoptElsewhere', docNo: '工发〔2026〕3号', date: '2026-11-01' });
    await act(admin, { id: next.id, action: 'makeEffective', effectiveFrom: '2026-11-01' });
    byState.set('superseded', await admin('wage.scheme', { id: byState.get('effective')!.id }));
    byState.set('effective', await admin('wage.scheme', { id: next.id }));
    expect(new Set(byState.keys())).toEqual(new Set(SCHEME_STATES));

    const before = tables(tc!.core);
    let refused = 0;
    for (const state of SCHEME_STATES) {
      const s = byState.get(state)!;
      expect(s.state).toBe(state);
      for (const action of SCHEME_ACTIONS) {
        if (SCHEME_TRANSITIONS[action].from.includes(state)) continue;
        const r = await refusal(step(admin, s, action, w.skillsItem.id));
        expect([state, action, r.code, r.message]).toEqual([state, action, 'CONFLICT', 'wage.scheme.wrongState']);
        refused++;
      }
    }
    // 6 states × 9 actions − the allowed pairs
    const allowed = SCHEME_ACTIONS.reduce((n, a) => n + SCHEME_TRANSITIONS[a].from.length, 0);
    expect(refused).toBe(SCHEME_STATES.length * SCHEME_ACTIONS.length - allowed);
    expect(say({ message: 'wage.scheme.wrongState' })).toBe('方案当前状态下不能进行此操作');
    // no edit after adoption; no effective date without an adoption (draft, proposed, rejected)
    expect(await refusal(step(admin, byState.get('adopted')!, 'edit', ''))).toMatchObject({ message: 'wage.scheme.wrongState' });
    for (const st of ['draft', 'proposed', 'rejected'] as const) {
      expect(await refusal(step(admin, byState.get(st)!, 'makeEffective', ''))).toMatchObject({ message: 'wage.scheme.wrongState' });
    }
    expect(tables(tc!.core)).toBe(before);
  });

  it('takes every allowed step: draft → proposed (the PDF on item 4) → withdrawn → proposed → adopted by the announced vote → effective → superseded; copies from every state', async () => {
    const w = await world(9);
    const { admin, session, wageItem } = w;
    const s = await create(admin);
    // the items it may be put to: the 能级工资 item first, none of a closed session, no election
    const choices = await admin('wage.schemeAgendaItems', { id: s.id });
    expect(choices[0]).toMatchObject({ itemId: wageItem.id, preferred: true, sessionId: session.id, sessionLabel: '第3届职工代表大会第1次会议', sessionStatus: 'preparing', kind: 'vote', takenBy: null, decided: false });
    expect(choices.map((c) => c.itemId)).toContain(w.xItem.id);
    // the wage item and the vote / deliberation items only: never 宣布大会开幕 / 闭幕, 通过大会决议 or a report
    const keyOf = new Map(session.agenda.map((i) => [i.id, i.templateKey]));
    expect(choices.map((c) => keyOf.get(c.itemId))).toEqual(['wage', 'education', 'skills', 'protection', null]);
    const opening = session.agenda.find((i) => i.templateKey === 'opening')!;
    const beforeOpening = tables(tc!.core);
    const procedural = await refusal(act(admin, { id: s.id, action: 'propose', agendaItemId: opening.id }));
    expect(procedural).toMatchObject({ code: 'VALIDATION', message: 'err.wage.itemProcedural', details: { issues: [{ path: 'agendaItemId', message: 'v.invalid' }] } });
    expect(say(procedural)).toBe('“宣布大会开幕”是程序性或报告事项，方案只能提交“能级工资”事项或表决、审议事项');
    expect(tables(tc!.core)).toBe(beforeOpening);

    let p = await act(admin, { id: s.id, action: 'propose', agendaItemId: wageItem.id });
    expect(p).toMatchObject({ state: 'proposed', agendaItemId: wageItem.id, sessionId: session.id, sessionLabel: '第3届职工代表大会第1次会议', sessionNo: { term: 3, seq: 1 } });
    let item = (await admin('congress.session', { id: session.id })).agenda.find((i) => i.id === wageItem.id)!;
    expect(item.materials).toHaveLength(1);
    expect(item.materials[0]).toMatchObject({ title: '2027年度能级工资方案（第1版）', mime: 'application/pdf' });
    // the session's papers carry the scheme's text
    const material = tc!.fileBytes(await admin('attachments.download', { id: item.materials[0]!.attachmentId }));
    const text = pdfText(material);
    expect(text).toContain('2027年度能级工资方案');
    expect(text).toContain('已提交职代会');
    expect(text).toContain('第3届职工代表大会第1次会议');
    expect((await admin('wage.schemeAgendaItems', { id: null }))[0]!.takenBy).toMatchObject({ id: s.id, version: 1 });

    // withdrawn while the papers are prepared: the material comes off the item
    const back = await act(admin, { id: s.id, action: 'withdraw' });
    expect(back).toMatchObject({ state: 'draft', agendaItemId: null, sessionId: null });
    item = (await admin('congress.session', { id: session.id })).agenda.find((i) => i.id === wageItem.id)!;
    expect(item.materials).toHaveLength(0);
    p = await act(admin, { id: s.id, action: 'propose', agendaItemId: wageItem.id });

    // the congress votes: 5 yes of 9 representatives (more than half of all) passes; announced
    await voteOn(admin, session.id, wageItem.id, 8, 5);
    const adopted = await act(admin, { id: s.id, action: 'recordVote' });
    expect(adopted).toMatchObject({ state: 'adopted', verdict: 'passed', adoptedOn: DAY, adoption: null });
    expect(adopted.voteId).toBeTruthy();
    // no effective date before the adoption
    const beforeEarly = tables(tc!.core);
    const early = await refusal(act(admin, { id: s.id, action: 'makeEffective', effectiveFrom: '2026-11-01' }));
    expect(early).toMatchObject({ code: 'VALIDATION', message: 'wage.scheme.effectiveBeforeAdoption', details: { issues: [{ path: 'effectiveFrom', message: 'v.invalid' }] } });
    expect(say(early)).toBe(`生效日期不能早于通过日期（${DAY}）`);
    expect(tables(tc!.core)).toBe(beforeEarly);
    const effective = await act(admin, { id: s.id, action: 'makeEffective', effectiveFrom: '2027-01-01' });
    expect(effective).toMatchObject({ state: 'effective', effectiveFrom: '2027-01-01', supersededOn: null });

    // the next version: a copy, adopted elsewhere, effective from July — the first is superseded from that day
    const v2 = await act(admin, { id: s.id, action: 'copy', name: '2027年度能级工资方案（修订）' });
    expect(v2).toMatchObject({ state: 'draft', version: 2, basedOnId: s.id, content: s.content });
    await act(admin, { id: v2.id, action: 'adoptElsewhere', docNo: '工发〔2027〕5号', date: '2026-11-25' });
    const beforeOverlap = tables(tc!.core);
    const overlap = await refusal(act(admin, { id: v2.id, action: 'makeEffective', effectiveFrom: '2027-01-01' }));
    expect(overlap).toMatchObject({ code: 'VALIDATION', message: 'err.wage.effectiveBeforePrevious', details: { date: '2027-01-01' } });
    expect(say(overlap)).toBe('生效日期必须晚于现行版本的生效日期（2027-01-01）');
    expect(tables(tc!.core)).toBe(beforeOverlap);
    const e2 = await act(admin, { id: v2.id, action: 'makeEffective', effectiveFrom: '2027-07-01' });
    expect(e2).toMatchObject({ state: 'effective', adoption: { docNo: '工发〔2027〕5号', date: '2026-11-25' }, adoptedOn: '2026-11-25', effectiveFrom: '2027-07-01' });
    expect(await admin('wage.scheme', { id: s.id })).toMatchObject({ state: 'superseded', effectiveFrom: '2027-01-01', supersededOn: '2027-07-01' });
    // the effective one ends with no successor; an end before its start is refused
    const beforeEnd = tables(tc!.core);
    expect(await refusal(act(admin, { id: v2.id, action: 'supersede', on: '2027-07-01' }))).toMatchObject({ message: 'err.wage.supersedeBeforeEffective' });
    expect(tables(tc!.core)).toBe(beforeEnd);
    expect(await act(admin, { id: v2.id, action: 'supersede', on: '2028-01-01' })).toMatchObject({ state: 'superseded', supersededOn: '2028-01-01' });
    // the next version cannot reach back into the ended one's time (the months before 2028 stay with versions 1 and 2)
    const v3 = await act(admin, { id: v2.id, action: 'copy', name: '2028年度能级工资方案' });
    await act(admin, { id: v3.id, action: 'adoptElsewhere', docNo: '工发〔2026〕9号', date: '2026-11-26' });
    const beforeBack = tables(tc!.core);
    const reach = await refusal(act(admin, { id: v3.id, action: 'makeEffective', effectiveFrom: '2027-10-01' }));
    expect(reach).toMatchObject({ code: 'VALIDATION', message: 'err.wage.effectiveOverlaps', details: { date: '2028-01-01', issues: [{ path: 'effectiveFrom', message: 'v.invalid' }] } });
    expect(say(reach)).toBe('生效日期不能早于上一版本的废止日期（2028-01-01），否则两个版本的执行期重叠');
    expect(tables(tc!.core)).toBe(beforeBack);
    expect(effectiveSchemeFor(tc!.core.store, '2027-10')!.id).toBe(v2.id);
    expect(await act(admin, { id: v3.id, action: 'makeEffective', effectiveFrom: '2028-01-01' })).toMatchObject({ state: 'effective', effectiveFrom: '2028-01-01' });
    // copies from any state (a superseded one here)
    expect(await admin('wage.schemeCreate', { copyOf: s.id })).toMatchObject({ state: 'draft', version: 4, basedOnId: s.id });

    // every state change audited, with the state before and after
    const log = audits(tc!.core, s.id);
    expect(log.map((a) => a.action)).toEqual(['create', 'propose', 'withdraw', 'propose', 'record_vote', 'make_effective', 'supersede']);
    expect(log.map((a) => (a.after ? JSON.parse(a.after).state : null))).toEqual(['draft', 'proposed', 'draft', 'proposed', 'adopted', 'effective', 'superseded']);
    expect(JSON.parse(log[4]!.before!).state).toBe('proposed');
    expect(audits(tc!.core, v2.id).map((a) => a.action)).toEqual(['copy', 'adopt_elsewhere', 'make_effective', 'supersede']);
    // the congress side: the material was added and removed through the congress service (audited there)
    const congressLog = tc!.core.store.db.prepare(`SELECT action FROM audit_log WHERE entity = 'congress_agenda_item' AND entity_id = ? ORDER BY seq`).pluck().all(wageItem.id);
    expect(congressLog).toEqual(['add_material', 'remove_material', 'add_material']);
  });

  it('a failed vote rejects; a counted but unannounced vote, or none, decides nothing; adoption elsewhere only from a draft — refusals change nothing', async () => {
    const w = await world(9);
    const { admin, session, wageItem, xItem } = w;
    const a = await create(admin, '甲稿');
    const b = await create(admin, '乙稿');
    await act(admin, { id: a.id, action: 'propose', agendaItemId: wageItem.id });
    await act(admin, { id: b.id, action: 'propose', agendaItemId: xItem.id });
    let before = tables(tc!.core);
    const none = await refusal(act(admin, { id: a.id, action: 'recordVote' }));
    expect(none).toMatchObject({ code: 'CONFLICT', message: 'wage.scheme.voteNotDecided' });
    expect(say(none)).toContain('尚无有效的已宣布表决结果');
    expect(tables(tc!.core)).toBe(before);
    // a vote counted but not announced decides nothing either
    await admin('congress.sessionStep', { id: session.id, action: 'issue' });
    await admin('congress.sessionStep', { id: session.id, action: 'open' });
    const all = await admin('congress.attendance', { sessionId: session.id });
    await admin('congress.attendanceSet', { sessionId: session.id, memberIds: all.rows.slice(0, 8).map((r) => r.memberId), status: 'present' });
    const d = await admin('congress.voteOpen', { itemId: wageItem.id });
    const v = d.agenda.find((i) => i.id === wageItem.id)!.votes[0]!;
    await admin('congress.voteCount', { id: v.id, counts: { issued: 8, yes: 3, no: 5, abstain: 0, invalid: 0 } });
    before = tables(tc!.core);
    expect(await refusal(act(admin, { id: a.id, action: 'recordVote' }))).toMatchObject({ message: 'wage.scheme.voteNotDecided' });
    expect(tables(tc!.core)).toBe(before);
    await admin('congress.voteAnnounce', { id: v.id });
    const rejected = await act(admin, { id: a.id, action: 'recordVote' });
    expect(rejected).toMatchObject({ state: 'rejected', verdict: 'failed', adoptedOn: null, voteId: v.id });
    // a rejected version is a record: copied, never edited, deleted or made effective
    before = tables(tc!.core);
    expect(await refusal(admin('wage.schemeDelete', { id: a.id }))).toMatchObject({ message: 'wage.scheme.wrongState' });
    expect(tables(tc!.core)).toBe(before);
    // the other, proposed: its vote decides — another way of adoption only once it is withdrawn to a draft
    before = tables(tc!.core);
    expect(await refusal(act(admin, { id: b.id, action: 'adoptElsewhere', docNo: '工发〔2026〕8号', date: '2026-11-28' }))).toMatchObject({ code: 'CONFLICT', message: 'wage.scheme.wrongState' });
    expect(tables(tc!.core)).toBe(before);
    await act(admin, { id: b.id, action: 'withdraw' });
    // adopted elsewhere (e.g. by the joint meeting) with its document number
    const beforeFuture = tables(tc!.core);
    const future = await refusal(act(admin, { id: b.id, action: 'adoptElsewhere', docNo: '工发〔2026〕8号', date: '2099-01-01' }));
    expect(future).toMatchObject({ code: 'VALIDATION', message: 'err.wage.adoptionInFuture' });
    expect((await refusal(act(admin, { id: b.id, action: 'adoptElsewhere', docNo: '  ', date: '2026-11-01' }))).details!.issues).toEqual([{ path: 'docNo', message: 'v.required' }]);
    expect((await refusal(act(admin, { id: b.id, action: 'makeEffective', effectiveFrom: '' }))).details!.issues).toEqual([{ path: 'effectiveFrom', message: 'v.required' }]);
    expect((await refusal(act(admin, { id: b.id, action: 'propose', agendaItemId: '' }))).details!.issues).toEqual([{ path: 'agendaItemId', message: 'v.required' }]);
    expect(tables(tc!.core)).toBe(beforeFuture);
    expect(await act(admin, { id: b.id, action: 'adoptElsewhere', docNo: '工发〔2026〕8号', date: '2026-11-28' })).toMatchObject({ state: 'adopted', adoption: { docNo: '工发〔2026〕8号', date: '2026-11-28' }, adoptedOn: '2026-11-28' });
  });

  it('refuses agenda items that cannot take a scheme: taken, decided, an election, a closed session, a non-vote item once the session sits — and strangers', async () => {
    const w = await world(9);
    const { admin, ws, session, wageItem, xItem, skillsItem } = w;
    // a deliberation item of a preparing session becomes a vote when a scheme is put to it
    const onSkills = await create(admin, '技能稿');
    await act(admin, { id: onSkills.id, action: 'propose', agendaItemId: skillsItem.id });
    expect((await admin('congress.session', { id: session.id })).agenda.find((i) => i.id === skillsItem.id)!.kind).toBe('vote');
    await act(admin, { id: onSkills.id, action: 'withdraw' });
    const election = (await admin('congress.agendaAdd', { sessionId: session.id, title: '补选工会委员', kind: 'election' })).agenda.find((i) => i.kind === 'election')!;
    const first = await create(admin, '甲稿');
    await act(admin, { id: first.id, action: 'propose', agendaItemId: wageItem.id });
    const s = await create(admin, '乙稿');
    let before = tables(tc!.core);
    const taken = await refusal(act(admin, { id: s.id, action: 'propose', agendaItemId: wageItem.id }));
    expect(taken).toMatchObject({ code: 'CONFLICT', message: 'err.wage.itemTaken', details: { name: '甲稿', version: 2 } });
    expect(say(taken)).toBe('该议程事项已提交了方案（甲稿 第2版）');
    expect(await refusal(act(admin, { id: s.id, action: 'propose', agendaItemId: election.id }))).toMatchObject({ message: 'err.wage.itemElection' });
    expect(await refusal(act(admin, { id: s.id, action: 'propose', agendaItemId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.agendaItemNotFound' });
    expect((await admin('wage.schemeAgendaItems', { id: s.id })).map((c) => c.itemId)).not.toContain(election.id);
    expect(tables(tc!.core)).toBe(before);
    // once the session sits, a report item cannot become a vote; an announced item is decided
    const report = session.agenda.find((i) => i.templateKey === 'hazards')!;
    await voteOn(admin, session.id, xItem.id, 8, 6);
    before = tables(tc!.core);
    expect(await refusal(act(admin, { id: s.id, action: 'propose', agendaItemId: report.id }))).toMatchObject({ code: 'VALIDATION', message: 'err.wage.itemProcedural' });
    const deliberation = session.agenda.find((i) => i.templateKey === 'education')!;
    expect(await refusal(act(admin, { id: s.id, action: 'propose', agendaItemId: deliberation.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.itemNotVote' });
    expect(await refusal(act(admin, { id: s.id, action: 'propose', agendaItemId: xItem.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.itemDecided' });
    expect((await admin('wage.schemeAgendaItems', { id: s.id })).find((c) => c.itemId === xItem.id)).toMatchObject({ decided: true });
    expect(tables(tc!.core)).toBe(before);
    // a stranger (a safety officer) reads but takes no step
    const so = await admin('workers.create', { empNo: 'S001', name: '赵安全', gender: 'M', orgUnitId: ws.id, roles: ['safety_officer'] });
    const soOp = await admin('operators.add', { workerId: so.id });
    const asSo = stranger(tc!.core);
    await asSo('session.signIn', { operatorId: soOp.id });
    before = tables(tc!.core);
    expect(await refusal(act(asSo, { id: s.id, action: 'copy' }))).toMatchObject({ code: 'FORBIDDEN', message: 'wage.scheme.runnersOnly' });
    expect(await refusal(asSo('wage.schemeCreate', { name: '丙稿', codes: ['SKILL'] }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(asSo('wage.schemeUpdate', { id: s.id, name: s.name, content: s.content }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(asSo('wage.schemeDelete', { id: s.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await asSo('wage.schemes', {})).length).toBe(3);
    expect(tables(tc!.core)).toBe(before);
    // a closed session takes nothing more
    await admin('congress.sessionStep', { id: session.id, action: 'close' });
    before = tables(tc!.core);
    expect(await refusal(act(admin, { id: s.id, action: 'propose', agendaItemId: skillsItem.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.sessionClosed' });
    expect(await admin('wage.schemeAgendaItems', { id: s.id })).toEqual([]);
    expect(tables(tc!.core)).toBe(before);
  });
});

describe('correcting a wrong date', () => {
  it('the adoption and effective-from dates are put right with a reason (audited) until an approved run uses the version — refusals change nothing', async () => {
    const { admin } = await world(0);
    const today = localToday();
    const correct = (input: ChannelInput<'wage.schemeCorrectDates'>) => admin('wage.schemeCorrectDates', input);
    // adopted elsewhere on the day it was recorded (the default) and in effect from it: earlier months have no scheme
    const v1 = await create(admin, '2026年度能级工资方案');
    await act(admin, { id: v1.id, action: 'adoptElsewhere', docNo: '工发〔2025〕18号', date: today });
    await act(admin, { id: v1.id, action: 'makeEffective', effectiveFrom: today });
    expect(effectiveSchemeFor(tc!.core.store, '2026-10')).toBeNull();
    let before = tables(tc!.core);
    const noReason = await refusal(correct({ id: v1.id, adoptionDate: '2025-12-20', reason: ' ' }));
    expect(noReason).toMatchObject({ code: 'VALIDATION', message: 'wage.scheme.needsReason', details: { issues: [{ path: 'reason', message: 'v.invalid' }] } });
    const early = await refusal(correct({ id: v1.id, effectiveFrom: '2026-01-01', reason: '录入错误' }));
    expect(say(early)).toBe(`生效日期不能早于通过日期（${today}）`);
    expect(early.details!.issues).toEqual([{ path: 'effectiveFrom', message: 'v.invalid' }]);
    expect(await refusal(correct({ id: v1.id, adoptionDate: '2099-01-01', reason: '录入错误' }))).toMatchObject({ message: 'err.wage.adoptionInFuture' });
    expect(await refusal(correct({ id: v1.id, effectiveFrom: today, reason: '录入错误' }))).toMatchObject({ message: 'err.wage.nothingToCorrect' });
    expect(await refusal(correct({ id: v1.id, reason: '录入错误' }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'effectiveFrom', message: 'v.required' }] } });
    expect(tables(tc!.core)).toBe(before);
    const fixed = await correct({ id: v1.id, adoptionDate: '2025-12-20', effectiveFrom: '2026-01-01', reason: '通过日期与生效日期登记错误' });
    expect(fixed).toMatchObject({ state: 'effective', adoption: { docNo: '工发〔2025〕18号', date: '2025-12-20' }, adoptedOn: '2025-12-20', effectiveFrom: '2026-01-01' });
    expect(effectiveSchemeFor(tc!.core.store, '2026-10')!.id).toBe(v1.id);
    const log = tc!.core.store.db.prepare(`SELECT action, reason FROM audit_log WHERE entity = 'wage_scheme' AND entity_id = ? ORDER BY seq`).all(v1.id);
    expect(log.at(-1)).toEqual({ action: 'correct_dates', reason: '通过日期与生效日期登记错误' });

    // the next version in effect from today; corrected to November: the first ends on the new day too
    const v2 = await act(admin, { id: v1.id, action: 'copy', name: '2026年度能级工资方案（修订）' });
    await act(admin, { id: v2.id, action: 'adoptElsewhere', docNo: '工发〔2026〕9号', date: '2025-12-01' });
    await act(admin, { id: v2.id, action: 'makeEffective', effectiveFrom: today });
    expect(await correct({ id: v2.id, effectiveFrom: '2026-11-01', reason: '应自11月起执行' })).toMatchObject({ state: 'effective', effectiveFrom: '2026-11-01' });
    expect(await admin('wage.scheme', { id: v1.id })).toMatchObject({ state: 'superseded', supersededOn: '2026-11-01' });
    expect(effectiveSchemeFor(tc!.core.store, '2026-11')!.id).toBe(v2.id);
    before = tables(tc!.core);
    expect(say(await refusal(correct({ id: v2.id, effectiveFrom: '2026-01-01', reason: '录入错误' })))).toBe('生效日期必须晚于现行版本的生效日期（2026-01-01）');
    expect(tables(tc!.core)).toBe(before);

    // an approved run of October used the first version: its dates are fixed, and October stays its own
    const oct = await admin('wage.runCalculate', { period: '2026-10' });
    expect(oct.schemeId).toBe(v1.id);
    tc!.core.store.db.prepare(`UPDATE wage_runs SET state = 'approved', reviewed_at = ?, approved_at = ? WHERE id = ?`).run(today, today, oct.id);
    before = tables(tc!.core);
    const locked = await refusal(correct({ id: v1.id, effectiveFrom: '2026-02-01', reason: '录入错误' }));
    expect(locked).toMatchObject({ code: 'CONFLICT', message: 'wage.scheme.usedByApprovedRun', details: { period: '2026-10' } });
    expect(say(locked)).toBe('2026-10 的月度核算已审批并使用了该版本，日期不能再更正');
    expect(await refusal(correct({ id: v2.id, effectiveFrom: '2026-10-01', reason: '录入错误' }))).toMatchObject({ message: 'wage.scheme.usedByApprovedRun', details: { period: '2026-10' } });
    expect(tables(tc!.core)).toBe(before);
    // a day within November is still its own to move
    expect(await correct({ id: v2.id, effectiveFrom: '2026-10-15', reason: '按文件自10月15日起' })).toMatchObject({ effectiveFrom: '2026-10-15' });
  });
});

describe('a session whose papers are already out', () => {
  it('refuses the scheme with the way out (withdraw the papers, propose, issue again) — changing nothing; issued again, the papers carry it', async () => {
    const w = await world(9);
    const { admin, session, wageItem } = w;
    const s = await create(admin);
    await admin('congress.sessionStep', { id: session.id, action: 'issue' });
    // the item is still offered, marked as out of reach while the papers are out
    expect((await admin('wage.schemeAgendaItems', { id: s.id })).find((c) => c.itemId === wageItem.id)).toMatchObject({ sessionStatus: 'issued', takenBy: null, decided: false });
    const before = tables(tc!.core);
    const issued = await refusal(act(admin, { id: s.id, action: 'propose', agendaItemId: wageItem.id }));
    expect(issued).toMatchObject({ code: 'CONFLICT', message: 'err.wage.papersIssued', details: { term: 3, seq: 1, issues: [{ path: 'agendaItemId', message: 'v.invalid' }] } });
    expect(say(issued)).toContain('第3届职工代表大会第1次会议的会议通知和材料已经发出');
    expect(say(issued)).toContain('请先在“职代会”中撤回该次会议的通知');
    expect(tables(tc!.core)).toBe(before);
    expect(await admin('wage.scheme', { id: s.id })).toMatchObject({ state: 'draft', agendaItemId: null });
    // the chair withdraws the papers, puts the scheme to item 4 and issues them again: the item carries the text
    await admin('congress.sessionStep', { id: session.id, action: 'withdraw' });
    expect(await act(admin, { id: s.id, action: 'propose', agendaItemId: wageItem.id })).toMatchObject({ state: 'proposed' });
    const again = await admin('congress.sessionStep', { id: session.id, action: 'issue' });
    expect(again.status).toBe('issued');
    expect(again.agenda.find((i) => i.id === wageItem.id)!.materials.map((m) => m.title)).toEqual(['2027年度能级工资方案（第1版）']);
    // withdrawn from the vote once the papers are out, the material stays as it went out
    await act(admin, { id: s.id, action: 'withdraw' });
    expect((await admin('congress.session', { id: session.id })).agenda.find((i) => i.id === wageItem.id)!.materials).toHaveLength(1);
    // the session sitting, the presidium may still put it to the vote item on the floor (no material is added then)
    await admin('congress.sessionStep', { id: session.id, action: 'open' });
    expect(await act(admin, { id: s.id, action: 'propose', agendaItemId: wageItem.id })).toMatchObject({ state: 'proposed', agendaItemId: wageItem.id });
    expect((await admin('congress.session', { id: session.id })).agenda.find((i) => i.id === wageItem.id)!.materials).toHaveLength(1);
  });
});

describe('the version a run uses and the scheme text', () => {
  it('effectiveSchemeFor: the version in force on the month’s first day; else the first taking effect within the month', async () => {
    const { admin } = await world(0);
    const store = tc!.core.store;
    const v1 = await create(admin, '第一版');
    await act(admin, { id: v1.id, action: 'adoptElsewhere', docNo: '工发〔2026〕1号', date: '2026-01-10' });
    expect(effectiveSchemeFor(store, '2026-02')).toBeNull(); // adopted is not in effect
    await act(admin, { id: v1.id, action: 'makeEffective', effectiveFrom: '2026-01-15' });
    const v2 = await create(admin, '第二版');
    await act(admin, { id: v2.id, action: 'adoptElsewhere', docNo: '工发〔2026〕2号', date: '2026-05-20' });
    await act(admin, { id: v2.id, action: 'makeEffective', effectiveFrom: '2026-06-01' });
    const v3 = await create(admin, '第三版');
    await act(admin, { id: v3.id, action: 'adoptElsewhere', docNo: '工发〔2026〕3号', date: '2026-08-01' });
    await act(admin, { id: v3.id, action: 'makeEffective', effectiveFrom: '2026-08-15' });
    const which = (p: string) => effectiveSchemeFor(store, p)?.name ?? null;
    expect(which('2025-12')).toBeNull();
    expect(which('2026-01')).toBe('第一版'); // nothing on the 1st: the first taking effect within the month
    expect(which('2026-02')).toBe('第一版');
    expect(which('2026-05')).toBe('第一版');
    expect(which('2026-06')).toBe('第二版');
    expect(which('2026-08')).toBe('第二版'); // in force on 1 August; the third applies from September
    expect(which('2026-09')).toBe('第三版');
    expect(which('2030-01')).toBe('第三版');
    await act(admin, { id: v3.id, action: 'supersede', on: '2027-01-01' });
    expect(which('2026-12')).toBe('第三版');
    expect(which('2027-01')).toBeNull();
  });

  it('wage.schemePdf: indicators, rules in words, weights, money, caps, veto, pro rata, state and adoption (pdftotext)', async () => {
    const { admin } = await world(0);
    const s = await create(admin);
    const content = withContent(s.content, (c) => {
      c.indicators[1]!.capFen = 30_000;
      c.money = { kind: 'pointValue', fenPerPoint: 150 };
      c.totalCapFen = 120_000;
      c.veto = { severities: ['serious_injury', 'death'], team: true };
    });
    await admin('wage.schemeUpdate', { id: s.id, name: s.name, note: '经集体协商形成', content });
    await act(admin, { id: s.id, action: 'adoptElsewhere', docNo: '工发〔2026〕7号', date: '2026-11-10' });
    await act(admin, { id: s.id, action: 'makeEffective', effectiveFrom: '2027-01-01' });
    const ref = await admin('wage.schemePdf', { id: s.id });
    expect(ref).toMatchObject({ fileName: '2027年度能级工资方案（第1版）.pdf', mime: 'application/pdf' });
    const text = pdfText(tc!.fileBytes(ref));
    for (const want of [
      '测试化工有限公司',
      '2027年度能级工资方案',
      '状态：执行中',
      '其他方式通过：文号工发〔2026〕7号，2026年11月10日',
      '自2027年1月1日起执行',
      '说明：经集体协商形成',
      '安全技能等级（SKILL）',
      '花名册安全技能等级',
      '对照表：一级（高级技师）100分；二级（技师）80分；三级（高级工）60分；四级（中级工）40分；五级（初级工）20分；无记录或不在表中0分',
      '满80小时得40分；满120小时得60分；满160小时得80分；满174小时得100分；不足80小时得0分',
      '线性计分：每1分计1分，最低-20分，最高20分',
      '按次计分：一般隐患每项10分；重大隐患每项40分；其他每项0分；合计最低0分，最高100分',
      '30%',
      '300.00',
      '合计100%',
      '点值法：每分1.50元',
      '个人合计封顶1200.00元',
      '四舍五入',
      '当期发生重伤、死亡事故的，事故当事职工及事故所在班组全体职工当期安全类指标（安全生产时长、安全行为、隐患排查）金额为零',
      '按当月在册天数÷当月天数折算',
      '工会（盖章）',
      '数据指纹',
    ]) {
      expect(text).toContain(want.replace(/\s+/g, ''));
    }
    // the skill grades by their names, the highest first (not 「5级 100 分」)
    expect(text).not.toMatch(/\d级/);
  });
});
