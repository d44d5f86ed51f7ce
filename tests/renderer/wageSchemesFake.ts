// The wage schemes' channels for the renderer tests' FakeBackend: the indicator catalogue and the scheme versions with
// their lifecycle, in memory. Tests seed `be.wageSchemes` (seedScheme, agenda items, announced votes) and read what the
// UI did. Inputs arrive parsed by the real schemas; the lifecycle is the real refusal() of shared/wage/scheme.ts with
// the facts taken from this state (the agenda item's announced vote, the adoption date), as the backend does.
import type { ChannelName, ChannelParsed } from '../../shared/contract';
import { DEFAULT_CATALOGUE } from '../../shared/wage/catalogue';
import { holdsAnyRole } from '../../shared/roster/roles';
import { refusal, WAGE_RUNNERS, type SchemeAction, type SchemeFacts } from '../../shared/wage/scheme';
import { draftContent } from '../../shared/wage/schemes/draft';
import { refusalDetails, REFUSAL_ERRORS } from '../../shared/wage/schemes/refusals';
import type { CatalogueIndicator, SchemeAgendaChoice, SchemeContent, SchemeVersion } from '../../shared/wage/schemes/types';
import { fakeFile, FakeError, type FakeBackend } from './fakeBackend';

export interface WageSchemesState {
  catalogue: CatalogueIndicator[];
  schemes: SchemeVersion[];
  /** deleted drafts (wage.schemeRestore brings them back) */
  deleted: SchemeVersion[];
  /** what wage.schemeAgendaItems offers (takenBy is filled in from the schemes) */
  agendaItems: SchemeAgendaChoice[];
  /** the announced vote of an agenda item, by item id (none: not voted yet) */
  votes: Map<string, { voteId: string; verdict: 'passed' | 'failed' | 'noQuorum'; date: string }>;
  /** the period of an approved run that used a version, by version id (its dates are then fixed) */
  approvedRuns: Map<string, string>;
}

const NOW = '2026-05-01T08:00:00.000Z';
let seq = 0;
const nid = (p: string) => `${p}-${++seq}`;

export function newWageSchemesState(): WageSchemesState {
  return {
    catalogue: DEFAULT_CATALOGUE.map((d) => ({ ...structuredClone(d), id: `cat-${d.code}`, builtIn: true, note: null, updatedAt: NOW, deletedAt: null })),
    schemes: [],
    deleted: [],
    agendaItems: [],
    votes: new Map(),
    approvedRuns: new Map(),
  };
}

/** Adds a scheme version (a draft from the default catalogue unless told otherwise); returns it. */
export function seedScheme(st: WageSchemesState, p: Partial<SchemeVersion> = {}): SchemeVersion {
  const s: SchemeVersion = {
    id: nid('scheme'),
    name: '2027年度能级工资方案',
    version: st.schemes.reduce((m, x) => Math.max(m, x.version), 0) + 1,
    state: 'draft',
    content: draftContent(DEFAULT_CATALOGUE),
    basedOnId: null,
    note: null,
    agendaItemId: null,
    sessionId: null,
    sessionLabel: null,
    sessionNo: null,
    voteId: null,
    verdict: null,
    adoption: null,
    adoptedOn: null,
    effectiveFrom: null,
    supersededOn: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...p,
  };
  st.schemes.push(s);
  return s;
}

/** An agenda item a scheme may be put to (the 能级工资 item of a preparing session unless told otherwise). */
export function seedAgendaItem(st: WageSchemesState, p: Partial<SchemeAgendaChoice> = {}): SchemeAgendaChoice {
  const item: SchemeAgendaChoice = {
    itemId: nid('item'),
    sessionId: 'session-1',
    sessionLabel: '第1届职工代表大会第1次会议',
    sessionNo: { term: 1, seq: 1 },
    sessionDate: '2026-06-01',
    sessionStatus: 'preparing',
    position: 6,
    title: '安全生产“能级工资”专题协商',
    templateKey: 'wage',
    kind: 'vote',
    preferred: true,
    takenBy: null,
    decided: false,
    ...p,
  };
  st.agendaItems.push(item);
  return item;
}

type Handlers = { [K in ChannelName]?: (i: ChannelParsed<K>, be: FakeBackend) => unknown };

export function wageSchemesHandlers(be: FakeBackend): Handlers {
  const st = () => be.wageSchemes;
  const runner = () => {
    const me = be.currentOperator;
    return !!me && holdsAnyRole(me, WAGE_RUNNERS);
  };
  const assertRunner = () => {
    if (!runner()) throw new FakeError('FORBIDDEN', 'wage.scheme.runnersOnly');
  };
  const entry = (id: string, deleted = false) => {
    const c = st().catalogue.find((x) => x.id === id && (deleted ? x.deletedAt !== null : x.deletedAt === null));
    if (!c) throw new FakeError('NOT_FOUND', 'err.wage.catalogueNotFound', { id });
    return c;
  };
  const scheme = (id: string) => {
    const s = st().schemes.find((x) => x.id === id);
    if (!s) throw new FakeError('NOT_FOUND', 'err.wage.schemeNotFound', { id });
    return s;
  };
  const check = (s: SchemeVersion, action: SchemeAction, facts: SchemeFacts = {}) => {
    const r = refusal(s.state, action, runner(), facts);
    if (r) throw new FakeError(REFUSAL_ERRORS[r].code, r, refusalDetails(r, { state: s.state, adoptedOn: s.adoptedOn ?? '', period: facts.approvedRunPeriod ?? '' }));
  };
  const newDraft = (name: string, content: SchemeContent, basedOnId: string | null, note: string | null) =>
    seedScheme(st(), { name, content: structuredClone(content), basedOnId, note, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
  const copy = (s: SchemeVersion, name: string | null) => {
    check(s, 'copy');
    return newDraft(name ?? s.name, s.content, s.id, null);
  };

  return {
    'wage.catalogue': (q) => st().catalogue.filter((c) => (q.deleted ? c.deletedAt !== null : c.deletedAt === null)).sort((a, b) => Number(b.builtIn) - Number(a.builtIn)), // as the backend: built-in first, then as added
    'wage.catalogueSave': (d) => {
      assertRunner();
      const { id, ...fields } = d;
      const taken = st().catalogue.find((c) => c.code === d.code && c.id !== id);
      if (taken) throw new FakeError('CONFLICT', 'err.wage.codeTaken', { code: d.code, issues: [{ path: 'code', message: 'v.duplicate' }] });
      if (id) {
        const c = entry(id);
        if (c.builtIn && c.code !== d.code) throw new FakeError('VALIDATION', 'err.wage.builtInCode', { issues: [{ path: 'code', message: 'v.invalid' }] });
        Object.assign(c, fields, { updatedAt: new Date().toISOString() });
        return c;
      }
      const c: CatalogueIndicator = { ...fields, id: nid('cat'), builtIn: false, updatedAt: new Date().toISOString(), deletedAt: null };
      st().catalogue.push(c);
      return c;
    },
    'wage.catalogueDelete': (i) => {
      assertRunner();
      entry(i.id).deletedAt = new Date().toISOString();
      return { deleted: true };
    },
    'wage.catalogueRestore': (i) => {
      assertRunner();
      const c = entry(i.id, true);
      c.deletedAt = null;
      return c;
    },
    'wage.schemes': () => [...st().schemes].sort((a, b) => b.version - a.version),
    'wage.scheme': (i) => scheme(i.id),
    'wage.schemeCreate': (d) => {
      if ('copyOf' in d) return copy(scheme(d.copyOf), d.name);
      assertRunner();
      const entries = d.codes.map((code) => {
        const c = st().catalogue.find((x) => x.code === code && x.deletedAt === null);
        if (!c) throw new FakeError('VALIDATION', 'err.wage.unknownIndicator', { code, issues: [{ path: 'codes', message: 'v.invalid' }] });
        return c;
      });
      return newDraft(d.name, draftContent(entries), null, d.note);
    },
    'wage.schemeUpdate': (d) => {
      const s = scheme(d.id);
      check(s, 'edit');
      Object.assign(s, { name: d.name, note: d.note, content: d.content, updatedAt: new Date().toISOString() });
      return s;
    },
    'wage.schemeDelete': (i) => {
      const s = scheme(i.id);
      check(s, 'delete');
      st().schemes = st().schemes.filter((x) => x !== s);
      st().deleted.push(s);
      return { deleted: true };
    },
    'wage.schemeRestore': (i) => {
      const s = st().deleted.find((x) => x.id === i.id);
      if (!s) throw new FakeError('NOT_FOUND', 'err.wage.schemeNotFound', { id: i.id });
      assertRunner();
      st().deleted = st().deleted.filter((x) => x !== s);
      st().schemes.push(s);
      return s;
    },
    'wage.schemeAction': (d) => {
      const s = scheme(d.id);
      const now = new Date().toISOString();
      switch (d.action) {
        case 'propose': {
          const item = st().agendaItems.find((x) => x.itemId === d.agendaItemId);
          if (!item) throw new FakeError('NOT_FOUND', 'err.wage.agendaItemNotFound', { issues: [{ path: 'agendaItemId', message: 'v.invalid' }] });
          check(s, 'propose', { agendaItemId: item.itemId });
          const other = st().schemes.find((x) => x.agendaItemId === item.itemId && x.state === 'proposed');
          if (other) throw new FakeError('CONFLICT', 'err.wage.itemTaken', { name: other.name, version: other.version });
          if (item.decided || st().votes.has(item.itemId)) throw new FakeError('CONFLICT', 'err.wage.itemDecided');
          const issue = { issues: [{ path: 'agendaItemId', message: 'v.invalid' }] };
          if (item.sessionStatus === 'issued') throw new FakeError('CONFLICT', 'err.wage.papersIssued', { ...item.sessionNo, ...issue });
          if (item.kind !== 'vote' && item.sessionStatus !== 'preparing') throw new FakeError('CONFLICT', 'err.wage.itemNotVote', issue);
          Object.assign(s, { state: 'proposed', agendaItemId: item.itemId, sessionId: item.sessionId, sessionLabel: item.sessionLabel, sessionNo: item.sessionNo ?? null, updatedAt: now });
          return s;
        }
        case 'withdraw':
          check(s, 'withdraw');
          Object.assign(s, { state: 'draft', agendaItemId: null, sessionId: null, sessionLabel: null, sessionNo: null, updatedAt: now });
          return s;
        case 'recordVote': {
          const vote = s.agendaItemId ? st().votes.get(s.agendaItemId) : undefined;
          check(s, 'recordVote', { verdict: vote?.verdict ?? null });
          const passed = vote!.verdict === 'passed';
          Object.assign(s, { state: passed ? 'adopted' : 'rejected', voteId: vote!.voteId, verdict: vote!.verdict, adoptedOn: passed ? vote!.date : null, updatedAt: now });
          return s;
        }
        case 'adoptElsewhere':
          check(s, 'adoptElsewhere', { adoption: { docNo: d.docNo, date: d.date } });
          Object.assign(s, { state: 'adopted', adoption: { docNo: d.docNo, date: d.date }, adoptedOn: d.date, agendaItemId: null, sessionId: null, sessionLabel: null, sessionNo: null, updatedAt: now });
          return s;
        case 'makeEffective': {
          check(s, 'makeEffective', { effectiveFrom: d.effectiveFrom, adoptedOn: s.adoptedOn });
          const lastEnd = st().schemes.reduce<string | null>((m, x) => (x.state === 'superseded' && x.supersededOn && (!m || x.supersededOn > m) ? x.supersededOn : m), null);
          if (lastEnd && d.effectiveFrom < lastEnd) throw new FakeError('VALIDATION', 'err.wage.effectiveOverlaps', { date: lastEnd, issues: [{ path: 'effectiveFrom', message: 'v.invalid' }] });
          const current = st().schemes.find((x) => x.state === 'effective');
          if (current && current.effectiveFrom && d.effectiveFrom <= current.effectiveFrom) {
            throw new FakeError('VALIDATION', 'err.wage.effectiveBeforePrevious', { date: current.effectiveFrom, issues: [{ path: 'effectiveFrom', message: 'v.invalid' }] });
          }
          if (current) Object.assign(current, { state: 'superseded', supersededOn: d.effectiveFrom, updatedAt: now });
          Object.assign(s, { state: 'effective', effectiveFrom: d.effectiveFrom, updatedAt: now });
          return s;
        }
        case 'supersede':
          check(s, 'supersede');
          if (s.effectiveFrom && d.on <= s.effectiveFrom) {
            throw new FakeError('VALIDATION', 'err.wage.supersedeBeforeEffective', { date: s.effectiveFrom, issues: [{ path: 'on', message: 'v.invalid' }] });
          }
          Object.assign(s, { state: 'superseded', supersededOn: d.on, updatedAt: now });
          return s;
        case 'copy':
          return copy(s, d.name);
      }
    },
    'wage.schemeAgendaItems': () =>
      st()
        .agendaItems.map((item) => {
          const t = st().schemes.find((x) => x.agendaItemId === item.itemId && x.state === 'proposed');
          return { ...item, takenBy: t ? { id: t.id, name: t.name, version: t.version } : item.takenBy, decided: item.decided || st().votes.has(item.itemId) };
        })
        .sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.sessionDate.localeCompare(b.sessionDate) || a.position - b.position),
    'wage.schemeCorrectDates': (d) => {
      const s = scheme(d.id);
      check(s, 'correctDates', { reason: d.reason, approvedRunPeriod: st().approvedRuns.get(s.id) ?? null });
      const issue = (path: string) => ({ issues: [{ path, message: 'v.invalid' }] });
      const adoptedOn = d.adoptionDate ?? s.adoptedOn!;
      const effectiveFrom = d.effectiveFrom ?? s.effectiveFrom;
      if (effectiveFrom && effectiveFrom < adoptedOn) throw new FakeError('VALIDATION', 'wage.scheme.effectiveBeforeAdoption', { adoptedOn, ...issue(d.effectiveFrom ? 'effectiveFrom' : 'adoptionDate') });
      const prev = st().schemes.find((x) => x.state === 'superseded' && x.supersededOn === s.effectiveFrom && x.id !== s.id);
      if (prev && effectiveFrom && effectiveFrom <= prev.effectiveFrom!) throw new FakeError('VALIDATION', 'err.wage.effectiveBeforePrevious', { date: prev.effectiveFrom, ...issue('effectiveFrom') });
      if (prev && effectiveFrom) prev.supersededOn = effectiveFrom;
      Object.assign(s, { adoptedOn, adoption: s.adoption ? { ...s.adoption, date: adoptedOn } : null, effectiveFrom, updatedAt: new Date().toISOString() });
      return s;
    },
    'wage.schemePdf': (i) => {
      const s = scheme(i.id);
      return fakeFile(`${s.name}（第${s.version}版）.pdf`, 'application/pdf');
    },
  };
}
