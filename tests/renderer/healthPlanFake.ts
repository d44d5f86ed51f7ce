// The health plan's channels for the renderer tests, in memory, installed on a FakeBackend with be.on (inputs arrive
// parsed by the real schemas). Kept from the real services: the factors' unique synonyms, exposures' soft delete and
// restore, the roster preview (dryRun writes nothing), the due list's filter by alert kind with counts per kind, the
// exit check, refusals for non-writers.
import { FACTOR_SEEDS, HEALTH_WRITERS, WOMEN_EXAM_DEFAULTS, type WomenExamSettings } from '../../shared/health/kinds';
import { ALERT_KINDS, type AlertKind, type DueRow, type ExitCheck, type Exposure, type Factor, type FromRosterResult } from '../../shared/health/plan/types';
import { holdsAnyRole } from '../../shared/roster/roles';
import { FakeError, fakeFile, type FakeBackend } from './fakeBackend';

export interface HealthPlanState {
  factors: Factor[];
  women: WomenExamSettings;
  exposures: Exposure[];
  due: DueRow[];
  exit: Record<string, ExitCheck>;
  fromRoster: Omit<FromRosterResult, 'dryRun'>;
}

const NOW = '2026-05-01T08:00:00.000Z';
export const seededFactors = (): Factor[] =>
  FACTOR_SEEDS.map((f, i) => ({
    id: `f-${f.code}`,
    code: f.code,
    name: f.name,
    category: f.category,
    intervalMonths: f.intervalMonths,
    levelNote: f.levelNote,
    synonyms: [...f.synonyms],
    seeded: true,
    sortOrder: i,
    exposedWorkers: 0,
    updatedAt: NOW,
    deletedAt: null,
  }));

export function dueRow(r: Partial<DueRow> & Pick<DueRow, 'empNo' | 'name' | 'alert' | 'dueDate'>): DueRow {
  return {
    workerId: `w-${r.empNo}`,
    gender: 'M',
    workshopName: '合成车间',
    teamName: '甲班',
    post: '操作工',
    factorId: null,
    factorName: null,
    lastDate: null,
    detail: null,
    screening: false,
    days: 0,
    ...r,
  };
}

export function exposure(r: Partial<Exposure> & Pick<Exposure, 'id' | 'empNo' | 'name' | 'factorName'>): Exposure {
  return {
    workerId: `w-${r.empNo}`,
    workshopName: '合成车间',
    teamName: '甲班',
    factorId: 'f-NOISE_85',
    factorLevel: null,
    post: '操作工',
    startDate: '2020-03-01',
    endDate: null,
    source: 'manual',
    note: null,
    updatedAt: NOW,
    deletedAt: null,
    ...r,
  };
}

export function installHealthPlanFake(be: FakeBackend, seed: Partial<HealthPlanState> = {}): HealthPlanState {
  const st: HealthPlanState = {
    factors: seed.factors ?? seededFactors(),
    women: seed.women ?? { ...WOMEN_EXAM_DEFAULTS },
    exposures: seed.exposures ?? [],
    due: seed.due ?? [],
    exit: seed.exit ?? {},
    fromRoster: seed.fromRoster ?? { created: 0, workers: 0, existing: 0, withoutHireDate: 0, unmatched: [] },
  };
  const writer = () => {
    const op = be.currentOperator;
    if (!op || !holdsAnyRole(op, HEALTH_WRITERS)) throw new FakeError('FORBIDDEN', 'err.health.writersOnly');
  };
  const exp = (id: string) => {
    const x = st.exposures.find((e) => e.id === id);
    if (!x) throw new FakeError('NOT_FOUND', 'err.health.exposureNotFound');
    return x;
  };
  be.on('health.factors', (q) => st.factors.filter((f) => (f.deletedAt !== null) === q.deleted));
  be.on('health.factorSave', (d) => {
    writer();
    for (const w of d.synonyms) {
      const o = st.factors.find((f) => f.id !== d.id && !f.deletedAt && f.synonyms.includes(w));
      if (o) throw new FakeError('CONFLICT', 'err.health.synonymTaken', { word: w, name: o.name, issues: [{ path: 'synonyms', message: 'v.health.synonymTaken' }] });
    }
    const old = d.id ? st.factors.find((f) => f.id === d.id) : undefined;
    const f: Factor = {
      ...(old ?? { id: `f-new-${st.factors.length}`, seeded: false, sortOrder: st.factors.length, exposedWorkers: 0, deletedAt: null, updatedAt: NOW }),
      code: d.code,
      name: d.name,
      category: d.category,
      intervalMonths: d.intervalMonths,
      levelNote: d.levelNote,
      synonyms: d.synonyms,
    };
    st.factors = old ? st.factors.map((x) => (x.id === f.id ? f : x)) : [...st.factors, f];
    return f;
  });
  const setDeleted = (id: string, deletedAt: string | null) => {
    writer();
    const f = st.factors.find((x) => x.id === id)!;
    if (deletedAt && f.exposedWorkers > 0) throw new FakeError('CONFLICT', 'err.health.factorInUse', { name: f.name, count: f.exposedWorkers });
    const n = { ...f, deletedAt };
    st.factors = st.factors.map((x) => (x.id === id ? n : x));
    return n;
  };
  be.on('health.factorDelete', (i) => setDeleted(i.id, NOW));
  be.on('health.factorRestore', (i) => setDeleted(i.id, null));
  be.on('health.womenSettings', () => st.women);
  be.on('health.womenSettingsSave', (d) => {
    writer();
    return (st.women = d);
  });
  be.on('health.exposures', (q) => {
    const rows = st.exposures.filter(
      (x) =>
        (q.state === 'deleted' ? x.deletedAt !== null : x.deletedAt === null) &&
        (q.state !== 'current' || x.endDate === null) &&
        (!q.factorId || x.factorId === q.factorId) &&
        (!q.workerId || x.workerId === q.workerId) &&
        (!q.search || x.name.includes(q.search) || x.empNo.toLowerCase().includes(q.search.toLowerCase())),
    );
    return { rows: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: rows.length };
  });
  be.on('health.exposureAdd', (d) => {
    writer();
    const w = be.workers.find((x) => x.id === d.workerId);
    const f = st.factors.find((x) => x.id === d.factorId)!;
    const x = exposure({ id: `x-${st.exposures.length + 1}`, empNo: w?.empNo ?? '?', name: w?.name ?? '?', workerId: d.workerId, factorId: f.id, factorName: f.name, factorLevel: f.levelNote, post: d.post, startDate: d.startDate, endDate: d.endDate, note: d.note });
    st.exposures.push(x);
    return x;
  });
  be.on('health.exposureEnd', (d) => {
    writer();
    const x = exp(d.id);
    if (d.endDate < x.startDate) throw new FakeError('VALIDATION', 'v.health.endBeforeStart', { issues: [{ path: 'endDate', message: 'v.health.endBeforeStart' }] });
    x.endDate = d.endDate;
    return x;
  });
  be.on('health.exposureDelete', (i) => {
    writer();
    const x = exp(i.id);
    x.deletedAt = NOW;
    return x;
  });
  be.on('health.exposureRestore', (i) => {
    writer();
    const x = exp(i.id);
    x.deletedAt = null;
    return x;
  });
  be.on('health.exposuresFromRoster', (i) => {
    writer();
    return { ...st.fromRoster, dryRun: i.dryRun };
  });
  be.on('health.due', (q) => {
    const counts = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as Record<AlertKind, number>;
    const under = st.due.filter((r) => !q.search || r.name.includes(q.search) || r.empNo.includes(q.search));
    for (const r of under) counts[r.alert]++;
    const rows = under.filter((r) => !q.kind || r.alert === q.kind);
    return { today: '2026-05-01', rows: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: rows.length, counts, restricted: false };
  });
  be.on('health.dueQuarterXlsx', () => fakeFile('2026年第2季度体检计划.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  be.on('health.exitCheck', (i) => st.exit[i.workerId] ?? { workerId: i.workerId, needed: false, factorNames: [], lastExitExam: null });
  return st;
}
