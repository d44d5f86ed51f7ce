// The skill-level wage's records channels for the renderer tests' FakeBackend: timekeeping, behaviour records,
// accidents and the manual monthly figures, in memory. Inputs arrive parsed by the real schemas (FakeBackend does
// that); workers and teams come from the backend's roster (be.workers, be.units). The real services' rules that the UI
// relies on are kept: re-saving a worker's month (or figure) updates it, deleted records restore, a deleted one is not
// restorable twice.
import type { ChannelName, ChannelParsed } from '../../shared/contract';
import { periodDays } from '../../shared/wage/records/schemas';
import type { ManualValue } from '../../shared/wage/manual/types';
import type { Accident, Behaviour, Timekeeping } from '../../shared/wage/records/types';
import type { Worker } from '../../shared/roster/types';
import type { OrgUnit } from '../../shared/org/types';
import { FakeError } from './fakeBackend';

export interface WageRecordsState {
  timekeeping: Timekeeping[];
  behaviour: Behaviour[];
  accidents: Accident[];
  manual: ManualValue[];
}

export function newWageRecordsState(): WageRecordsState {
  return { timekeeping: [], behaviour: [], accidents: [], manual: [] };
}

let seq = 0;
const nid = (p: string) => `${p}-${++seq}`;
const now = () => new Date().toISOString();

interface Backend {
  workers: Worker[];
  units: OrgUnit[];
  wageRecords: WageRecordsState;
  currentOperator: { name: string } | null;
}
type Handlers = { [K in ChannelName]?: (i: ChannelParsed<K>) => unknown };

const matches = (s: string | null, ...fields: (string | null)[]) => !s || fields.some((f) => f?.toLowerCase().includes(s.toLowerCase()));
function inRange(date: string, q: { period: string | null; from: string | null; to: string | null }) {
  const { from, to } = q.period ? periodDays(q.period) : { from: q.from, to: q.to };
  return (!from || date >= from) && (!to || date <= to);
}

export function wageRecordsHandlers(be: Backend): Handlers {
  const st = () => be.wageRecords;
  const worker = (id: string, path = 'workerId') => {
    const w = be.workers.find((x) => x.id === id && !x.deletedAt);
    if (!w) throw new FakeError('NOT_FOUND', 'err.worker.notFound', { issues: [{ path, message: 'v.invalid' }] });
    return w;
  };
  const team = (id: string | null) => {
    if (!id) return null;
    const u = be.units.find((x) => x.id === id);
    if (!u) throw new FakeError('NOT_FOUND', 'err.org.notFound', { issues: [{ path: 'teamId', message: 'v.invalid' }] });
    if (u.kind !== 'team') throw new FakeError('VALIDATION', 'err.wage.notTeam', { issues: [{ path: 'teamId', message: 'v.invalid' }] });
    return u;
  };
  const who = () => be.currentOperator?.name ?? '';
  const byEmpNo = <T extends { empNo: string }>(a: T, b: T) => (a.empNo < b.empNo ? -1 : a.empNo > b.empNo ? 1 : 0);
  const newestFirst = <T extends { date: string; id: string }>(a: T, b: T) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1);
  const findLive = <T extends { id: string; deletedAt: string | null }>(list: T[], id: string, deleted: boolean, missing: string): T => {
    const r = list.find((x) => x.id === id);
    if (!r || (r.deletedAt !== null) !== deleted) {
      if (r && deleted) throw new FakeError('CONFLICT', 'err.wage.notDeleted');
      throw new FakeError('NOT_FOUND', missing);
    }
    return r;
  };
  const behaviourOf = (i: ChannelParsed<'wage.behaviourCreate'>, id: string): Behaviour => {
    const w = i.workerId ? worker(i.workerId) : null;
    const tm = team(i.teamId);
    return {
      id,
      date: i.date,
      workerId: w?.id ?? null,
      empNo: w?.empNo ?? null,
      workerName: w?.name ?? null,
      teamId: tm?.id ?? null,
      teamName: tm?.name ?? null,
      kind: i.kind,
      category: i.category,
      points: i.points,
      note: i.note,
      evidenceId: i.evidenceId,
      enteredBy: who(),
      updatedAt: now(),
      deletedAt: null,
    };
  };
  const accidentOf = (i: ChannelParsed<'wage.accidentCreate'>, id: string): Accident => {
    const tm = team(i.teamId);
    return {
      id,
      date: i.date,
      place: i.place,
      severity: i.severity,
      description: i.description,
      teamId: tm?.id ?? null,
      teamName: tm?.name ?? null,
      workers: i.workerIds.map((wid, n) => {
        const w = worker(wid, `workerIds.${n}`);
        return { workerId: w.id, empNo: w.empNo, name: w.name };
      }),
      enteredBy: who(),
      updatedAt: now(),
      deletedAt: null,
    };
  };

  return {
    'wage.timekeeping': (q) => st().timekeeping.filter((r) => r.period === q.period && matches(q.search, r.name, r.empNo)).sort(byEmpNo),
    'wage.timekeepingSave': (i) => {
      const w = worker(i.workerId);
      const existing = st().timekeeping.find((r) => r.workerId === w.id && r.period === i.period);
      const row: Timekeeping = {
        id: existing?.id ?? nid('tk'),
        workerId: w.id,
        empNo: w.empNo,
        name: w.name,
        workshopName: w.workshopName,
        teamName: w.teamName,
        period: i.period,
        hours: i.hours,
        shifts: i.shifts,
        source: 'manual',
        note: i.note,
        updatedAt: now(),
      };
      if (existing) Object.assign(existing, row);
      else st().timekeeping.push(row);
      return row;
    },
    'wage.timekeepingDelete': (i) => {
      const n = st().timekeeping.length;
      st().timekeeping = st().timekeeping.filter((r) => r.id !== i.id);
      if (st().timekeeping.length === n) throw new FakeError('NOT_FOUND', 'err.wage.timekeepingNotFound');
      return { deleted: true };
    },
    'wage.behaviour': (q) =>
      st()
        .behaviour.filter(
          (b) =>
            (b.deletedAt !== null) === q.deleted &&
            inRange(b.date, q) &&
            (!q.kind || b.kind === q.kind) &&
            (!q.workerId || b.workerId === q.workerId) &&
            (!q.teamId || b.teamId === q.teamId),
        )
        .sort(newestFirst),
    'wage.behaviourCreate': (i) => {
      const b = behaviourOf(i, nid('bh'));
      st().behaviour.push(b);
      return b;
    },
    'wage.behaviourUpdate': (i) => {
      const before = findLive(st().behaviour, i.id, false, 'err.wage.behaviourNotFound');
      return Object.assign(before, behaviourOf(i, i.id), { enteredBy: before.enteredBy });
    },
    'wage.behaviourDelete': (i) => {
      findLive(st().behaviour, i.id, false, 'err.wage.behaviourNotFound').deletedAt = now();
      return { deleted: true };
    },
    'wage.behaviourRestore': (i) => {
      const b = findLive(st().behaviour, i.id, true, 'err.wage.behaviourNotFound');
      b.deletedAt = null;
      return b;
    },
    'wage.accidents': (q) =>
      st()
        .accidents.filter(
          (a) =>
            (a.deletedAt !== null) === q.deleted &&
            inRange(a.date, q) &&
            (!q.severity || a.severity === q.severity) &&
            (!q.teamId || a.teamId === q.teamId) &&
            (!q.workerId || a.workers.some((w) => w.workerId === q.workerId)),
        )
        .sort(newestFirst),
    'wage.accidentCreate': (i) => {
      const a = accidentOf(i, nid('ac'));
      st().accidents.push(a);
      return a;
    },
    'wage.accidentUpdate': (i) => {
      const before = findLive(st().accidents, i.id, false, 'err.wage.accidentNotFound');
      return Object.assign(before, accidentOf(i, i.id), { enteredBy: before.enteredBy });
    },
    'wage.accidentDelete': (i) => {
      findLive(st().accidents, i.id, false, 'err.wage.accidentNotFound').deletedAt = now();
      return { deleted: true };
    },
    'wage.accidentRestore': (i) => {
      const a = findLive(st().accidents, i.id, true, 'err.wage.accidentNotFound');
      a.deletedAt = null;
      return a;
    },
    'wage.manual': (q) =>
      st()
        .manual.filter((m) => m.period === q.period && (!q.code || m.code === q.code) && matches(q.search, m.name, m.empNo))
        .sort((a, b) => byEmpNo(a, b) || (a.code < b.code ? -1 : 1)),
    'wage.manualSave': (i) => {
      const w = worker(i.workerId);
      const existing = st().manual.find((m) => m.workerId === w.id && m.period === i.period && m.code === i.code);
      const row: ManualValue = {
        id: existing?.id ?? nid('mn'),
        workerId: w.id,
        empNo: w.empNo,
        name: w.name,
        workshopName: w.workshopName,
        teamName: w.teamName,
        period: i.period,
        code: i.code,
        value: i.value,
        note: i.note,
        enteredBy: who(),
        updatedAt: now(),
      };
      if (existing) Object.assign(existing, row);
      else st().manual.push(row);
      return row;
    },
    'wage.manualDelete': (i) => {
      const n = st().manual.length;
      st().manual = st().manual.filter((m) => m.id !== i.id);
      if (st().manual.length === n) throw new FakeError('NOT_FOUND', 'err.wage.manualNotFound');
      return { deleted: true };
    },
  };
}
