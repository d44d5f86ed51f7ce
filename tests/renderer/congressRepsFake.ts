// The representatives' channels of the workers' congress for the renderer tests' FakeBackend: terms, constituencies,
// stints and the composition, in memory. Inputs arrive parsed by the real schemas (FakeBackend does that); the
// composition is the real shared rule (compositionChecks), never re-implemented here.
import { compositionChecks } from '../../shared/congress/rules';
import { DEFAULT_TERM_SETTINGS } from '../../shared/congress/reps/schemas';
import type { CongressGroup, Composition, Member, RepsImportPreview, Term } from '../../shared/congress/reps/types';
import type { ChannelName, ChannelParsed } from '../../shared/contract';
import type { Worker } from '../../shared/roster/types';
import { FakeError } from './fakeBackend';

interface Stint {
  id: string;
  termId: string;
  workerId: string;
  groupId: string | null;
  kind: Member['kind'];
  presidium: boolean;
  joinedOn: string;
  joinedBy: Member['joinedBy'];
  leftOn: string | null;
  leftBy: Member['leftBy'];
  leftNote: string | null;
}
interface Group {
  id: string;
  termId: string;
  name: string;
  orgUnitId: string | null;
  leaderWorkerId: string | null;
  sortOrder: number;
}

export interface CongressRepsState {
  terms: Omit<Term, 'representatives' | 'observers' | 'groups'>[];
  groups: Group[];
  stints: Stint[];
  /** what congress.repsImportPreview answers (token, fileName, termId, joinedOn filled in) */
  sheetPreview: Omit<RepsImportPreview, 'token' | 'fileName' | 'termId' | 'joinedOn'> | null;
  /** what repsImportCommit adds: the preview's 'add' rows as stints */
  imports: Map<string, RepsImportPreview>;
}

export function newCongressRepsState(): CongressRepsState {
  return { terms: [], groups: [], stints: [], sheetPreview: null, imports: new Map() };
}

let seq = 0;
const nid = (p: string) => `${p}-${++seq}`;
const NOW = '2026-05-01T08:00:00.000Z';
/** The fakes take "today" from the clock like the backend (tests pass explicit dates where it matters). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const clamp = (t: { startDate: string; endDate: string }, d?: string | null) => {
  const x = d ?? today();
  return x < t.startDate ? t.startDate : x > t.endDate ? t.endDate : x;
};
const serving = (s: Stint, day: string) => s.joinedOn <= day && (s.leftOn === null || s.leftOn > day);

interface Be {
  workers: Worker[];
  congressReps: CongressRepsState;
}

type H = { [K in Extract<ChannelName, `congress.${string}`>]?: (i: ChannelParsed<K>) => unknown };

export function congressRepsHandlers(be: Be) {
  const st = () => be.congressReps;
  const term = (id: string) => {
    const t = st().terms.find((x) => x.id === id);
    if (!t) throw new FakeError('NOT_FOUND', 'err.congress.termNotFound', { id });
    return t;
  };
  const worker = (id: string) => {
    const w = be.workers.find((x) => x.id === id && !x.deletedAt);
    if (!w) throw new FakeError('NOT_FOUND', 'err.worker.notFound', { id, issues: [{ path: 'workerId', message: 'v.invalid' }] });
    return w;
  };
  const toTerm = (t: CongressRepsState['terms'][number]): Term => {
    const day = clamp(t);
    const cur = st().stints.filter((s) => s.termId === t.id && serving(s, day));
    return {
      ...t,
      representatives: cur.filter((s) => s.kind === 'representative').length,
      observers: cur.filter((s) => s.kind === 'observer').length,
      groups: st().groups.filter((g) => g.termId === t.id).length,
    };
  };
  const toGroup = (g: Group, day: string): CongressGroup => ({
    id: g.id,
    termId: g.termId,
    name: g.name,
    orgUnitId: g.orgUnitId,
    orgUnitName: null,
    leaderWorkerId: g.leaderWorkerId,
    leaderName: g.leaderWorkerId ? (be.workers.find((w) => w.id === g.leaderWorkerId)?.name ?? null) : null,
    sortOrder: g.sortOrder,
    members: st().stints.filter((s) => s.groupId === g.id && serving(s, day)).length,
  });
  const toMember = (s: Stint, day: string): Member => {
    const w = be.workers.find((x) => x.id === s.workerId)!;
    return {
      ...s,
      empNo: w.empNo,
      name: w.name,
      gender: w.gender,
      workshopName: w.workshopName,
      teamName: w.teamName,
      post: w.post,
      isFrontline: w.isFrontline,
      isManager: w.isManager,
      groupName: st().groups.find((g) => g.id === s.groupId)?.name ?? null,
      current: serving(s, day),
    };
  };
  const within = (t: { startDate: string; endDate: string }, d: string, path: string) => {
    if (d < t.startDate || d > t.endDate) throw new FakeError('VALIDATION', 'err.congress.dateOutsideTerm', { start: t.startDate, end: t.endDate, issues: [{ path, message: 'v.invalid' }] });
  };
  const add = (i: ChannelParsed<'congress.memberAdd'>): Member => {
    const t = term(i.termId);
    within(t, i.joinedOn, 'joinedOn');
    const w = worker(i.workerId);
    if (st().stints.some((s) => s.termId === i.termId && s.workerId === i.workerId && s.leftOn === null)) {
      throw new FakeError('CONFLICT', 'err.congress.alreadyServing', { name: w.name, issues: [{ path: 'workerId', message: 'v.duplicate' }] });
    }
    const s: Stint = { id: nid('m'), termId: i.termId, workerId: i.workerId, groupId: i.groupId, kind: i.kind, presidium: i.presidium, joinedOn: i.joinedOn, joinedBy: i.joinedBy, leftOn: null, leftBy: null, leftNote: null };
    st().stints.push(s);
    return toMember(s, clamp(t));
  };
  const stint = (id: string) => {
    const s = st().stints.find((x) => x.id === id);
    if (!s) throw new FakeError('NOT_FOUND', 'err.congress.memberNotFound', { id });
    return s;
  };

  const handlers: H = {
    'congress.terms': () => [...st().terms].sort((a, b) => b.number - a.number).map(toTerm),
    'congress.termCreate': (i) => {
      if (st().terms.some((x) => x.number === i.number)) throw new FakeError('CONFLICT', 'err.congress.termNumberTaken', { number: i.number, issues: [{ path: 'number', message: 'v.duplicate' }] });
      const t = { id: nid('term'), number: i.number, form: i.form, startDate: i.startDate, endDate: i.endDate, settings: i.settings ?? DEFAULT_TERM_SETTINGS, updatedAt: NOW };
      st().terms.push(t);
      return toTerm(t);
    },
    'congress.termUpdate': (i) => {
      const t = term(i.id);
      Object.assign(t, { number: i.number, form: i.form, startDate: i.startDate, endDate: i.endDate, settings: i.settings ?? t.settings });
      return toTerm(t);
    },
    'congress.termDelete': (i) => {
      term(i.id);
      const n = st().stints.filter((s) => s.termId === i.id).length;
      if (n > 0) throw new FakeError('CONFLICT', 'err.congress.termHasMembers', { count: n });
      st().terms = st().terms.filter((x) => x.id !== i.id);
      return { deleted: true };
    },
    'congress.groups': (i) => {
      const day = clamp(term(i.termId), i.asOf);
      return st().groups.filter((g) => g.termId === i.termId).map((g) => toGroup(g, day));
    },
    'congress.groupSave': (i) => {
      const t = term(i.termId);
      if (st().groups.some((g) => g.termId === i.termId && g.name === i.name && g.id !== i.id)) {
        throw new FakeError('CONFLICT', 'err.congress.groupNameTaken', { name: i.name, issues: [{ path: 'name', message: 'v.duplicate' }] });
      }
      if (i.id) {
        const g = st().groups.find((x) => x.id === i.id);
        if (!g) throw new FakeError('NOT_FOUND', 'err.congress.groupNotFound');
        if (i.leaderWorkerId && !st().stints.some((s) => s.groupId === g.id && s.workerId === i.leaderWorkerId && serving(s, clamp(t)))) {
          throw new FakeError('VALIDATION', 'err.congress.leaderNotInGroup', { issues: [{ path: 'leaderWorkerId', message: 'v.invalid' }] });
        }
        Object.assign(g, { name: i.name, orgUnitId: i.orgUnitId, leaderWorkerId: i.leaderWorkerId });
        return toGroup(g, clamp(t));
      }
      const g: Group = { id: nid('g'), termId: i.termId, name: i.name, orgUnitId: i.orgUnitId, leaderWorkerId: null, sortOrder: st().groups.length + 1 };
      st().groups.push(g);
      return toGroup(g, clamp(t));
    },
    'congress.groupDelete': (i) => {
      const g = st().groups.find((x) => x.id === i.id);
      if (!g) throw new FakeError('NOT_FOUND', 'err.congress.groupNotFound');
      const n = st().stints.filter((s) => s.groupId === g.id && s.leftOn === null).length;
      if (n > 0) throw new FakeError('CONFLICT', 'err.congress.groupHasMembers', { count: n });
      st().groups = st().groups.filter((x) => x !== g);
      return { deleted: true };
    },
    'congress.groupsFromWorkshops': (i) => {
      const t = term(i.termId);
      for (const w of be.workers) {
        if (w.workshopId && w.workshopName && !st().groups.some((g) => g.termId === t.id && g.orgUnitId === w.workshopId)) {
          st().groups.push({ id: nid('g'), termId: t.id, name: w.workshopName, orgUnitId: w.workshopId, leaderWorkerId: null, sortOrder: st().groups.length + 1 });
        }
      }
      return st().groups.filter((g) => g.termId === t.id).map((g) => toGroup(g, clamp(t)));
    },
    'congress.members': (i) => {
      const day = clamp(term(i.termId), i.asOf);
      return st()
        .stints.filter((s) => s.termId === i.termId && (i.history || serving(s, day)))
        .map((s) => toMember(s, day));
    },
    'congress.memberAdd': (i) => add(i),
    'congress.memberUpdate': (i) => {
      const s = stint(i.id);
      if (s.leftOn) throw new FakeError('CONFLICT', 'err.congress.alreadyLeft', { date: s.leftOn });
      if (i.presidium && s.kind === 'observer') throw new FakeError('VALIDATION', 'err.congress.observerPresidium');
      if (i.groupId !== undefined) s.groupId = i.groupId;
      if (i.presidium !== undefined) s.presidium = i.presidium;
      return toMember(s, clamp(term(s.termId)));
    },
    'congress.memberEnd': (i) => {
      const s = stint(i.id);
      if (s.leftOn) throw new FakeError('CONFLICT', 'err.congress.alreadyLeft', { date: s.leftOn });
      const t = term(s.termId);
      within(t, i.leftOn, 'leftOn');
      if (i.leftOn < s.joinedOn) throw new FakeError('VALIDATION', 'err.congress.leftBeforeJoined', { joined: s.joinedOn, issues: [{ path: 'leftOn', message: 'v.invalid' }] });
      Object.assign(s, { leftOn: i.leftOn, leftBy: i.leftBy, leftNote: i.note ?? null, presidium: false });
      return toMember(s, clamp(t));
    },
    'congress.importFromRoster': (i) => {
      const t = term(i.termId);
      within(t, i.joinedOn, 'joinedOn');
      const flagged = be.workers.filter((w) => !w.deletedAt && w.status === 'active' && w.isRepresentative);
      let added = 0;
      for (const w of flagged) {
        if (st().stints.some((s) => s.termId === t.id && s.workerId === w.id && s.leftOn === null)) continue;
        const g = st().groups.find((x) => x.termId === t.id && x.orgUnitId === w.workshopId);
        add({ termId: t.id, workerId: w.id, groupId: g?.id ?? null, kind: 'representative', presidium: false, joinedOn: i.joinedOn, joinedBy: 'election' });
        added++;
      }
      return { added, already: flagged.length - added, groupsCreated: 0 };
    },
    'congress.composition': (i): Composition => {
      const t = term(i.termId);
      const day = clamp(t, i.asOf);
      const staffList = be.workers.filter((w) => !w.deletedAt && w.status === 'active');
      const reps = st()
        .stints.filter((s) => s.termId === t.id && serving(s, day))
        .map((s) => ({ s, w: be.workers.find((w) => w.id === s.workerId)! }));
      const voting = reps.filter((r) => r.s.kind === 'representative');
      const input = {
        staff: { total: staffList.length, women: staffList.filter((w) => w.gender === 'F').length },
        representatives: {
          total: voting.length,
          frontLine: voting.filter((r) => r.w.isFrontline).length,
          managers: voting.filter((r) => r.w.isManager).length,
          women: voting.filter((r) => r.w.gender === 'F').length,
        },
        presidium: { total: voting.filter((r) => r.s.presidium).length, frontLine: voting.filter((r) => r.s.presidium && r.w.isFrontline).length },
      };
      return { termId: t.id, asOf: day, settings: t.settings, ...input, observers: reps.length - voting.length, checks: compositionChecks(input, t.settings) };
    },
    'congress.repsImportPreview': (i) => {
      term(i.termId);
      if (!st().sheetPreview) throw new FakeError('BAD_FILE', 'err.congress.importNoHeader');
      const p: RepsImportPreview = { ...structuredClone(st().sheetPreview!), token: nid('tok'), fileName: i.fileName, termId: i.termId, joinedOn: i.joinedOn };
      st().imports.set(p.token, p);
      return p;
    },
    'congress.repsImportCommit': (i) => {
      const p = st().imports.get(i.token);
      if (!p) throw new FakeError('NOT_FOUND', 'err.congress.importExpired');
      if (p.counts.invalid > 0 && !i.skipInvalid) throw new FakeError('VALIDATION', 'err.congress.importHasProblems', { count: p.counts.invalid });
      const todo = p.rows.filter((r) => r.status === 'add');
      for (const r of todo) add({ termId: p.termId, workerId: r.workerId!, groupId: st().groups.find((g) => g.termId === p.termId && g.name === r.groupName)?.id ?? null, kind: r.kind, presidium: r.presidium, joinedOn: p.joinedOn, joinedBy: 'election' });
      st().imports.delete(i.token);
      return { added: todo.length, already: p.counts.already, skipped: p.counts.invalid, groupsCreated: 0 };
    },
    'congress.repsImportCancel': (i) => ({ cancelled: st().imports.delete(i.token) }),
  };
  return handlers;
}
