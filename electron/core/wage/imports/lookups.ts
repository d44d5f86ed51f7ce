// The store's workers and teams as an import looks them up — a worker by employee number (exactly, or loosely when only
// one fits: 00123 written as 123, w001 for W001) or by name, a team by name within its workshop — and a row's schema
// issues put on the file's own columns.
import type { z } from 'zod';
import { toFieldIssues } from '../../../../shared/kernel/schemas';
import type { WageImportField, WageImportRowReport } from '../../../../shared/wage/imports/types';
import type { Store } from '../../db/store';

export type Problem = WageImportRowReport['problems'][number];

export interface WorkerLite {
  id: string;
  empNo: string;
  name: string;
}
/** An employee number compared loosely: upper case, the leading zeros of an all-digit one dropped. */
const looseEmpNo = (v: string) => {
  const u = v.trim().toUpperCase();
  return /^\d+$/.test(u) ? u.replace(/^0+(?=\d)/, '') : u;
};

export interface Lookups {
  byEmp: Map<string, WorkerLite>;
  /** by employee number, exactly or loosely (00123 = 123) when only one worker matches */
  empOf(empNo: string): WorkerLite | undefined;
  byName: Map<string, WorkerLite[]>;
  teams: Map<string, { id: string; workshop: string | null }[]>;
  workerOf(empNo: string, name: string, field: WageImportField, problems: Problem[]): WorkerLite | null;
  teamOf(team: string, workshop: string, problems: Problem[]): string | null;
}

export function lookups(store: Store): Lookups {
  const workers = store.all<{ id: string; emp_no: string; name: string }>(`SELECT id, emp_no, name FROM workers WHERE deleted_at IS NULL`);
  const byEmp = new Map<string, WorkerLite>();
  const byName = new Map<string, WorkerLite[]>();
  // 00123 written as 123 (Excel drops the zeros of a number), w001 for W001: found when only one worker matches
  const byLoose = new Map<string, WorkerLite | null>();
  for (const w of workers) {
    const x = { id: w.id, empNo: w.emp_no, name: w.name };
    byEmp.set(w.emp_no, x);
    const k = looseEmpNo(w.emp_no);
    byLoose.set(k, byLoose.has(k) ? null : x);
    const list = byName.get(w.name);
    if (list) list.push(x);
    else byName.set(w.name, [x]);
  }
  const teams = new Map<string, { id: string; workshop: string | null }[]>();
  for (const t of store.all<{ id: string; name: string; workshop: string | null }>(
    `SELECT t.id, t.name, ws.name AS workshop FROM org_units t LEFT JOIN org_units ws ON ws.id = t.parent_id
     WHERE t.kind = 'team' AND t.deleted_at IS NULL AND t.retired_at IS NULL`,
  )) {
    const list = teams.get(t.name);
    if (list) list.push({ id: t.id, workshop: t.workshop });
    else teams.set(t.name, [{ id: t.id, workshop: t.workshop }]);
  }
  const empOf = (empNo: string) => byEmp.get(empNo) ?? byLoose.get(looseEmpNo(empNo)) ?? undefined;
  return {
    byEmp,
    empOf,
    byName,
    teams,
    workerOf(empNo, name, field, problems) {
      if (empNo) {
        const w = empOf(empNo);
        if (!w) {
          problems.push({ field, message: 'v.wage.import.unknownWorker', params: { empNo } });
          return null;
        }
        if (name && name !== w.name) {
          problems.push({ field: 'name', message: 'v.wage.import.nameMismatch', params: { empNo, name: w.name } });
          return null;
        }
        return w;
      }
      if (!name) return null;
      const list = byName.get(name) ?? [];
      if (list.length === 1) return list[0]!;
      problems.push(list.length === 0 ? { field: 'name', message: 'v.wage.import.unknownName', params: { name } } : { field: 'name', message: 'v.wage.import.ambiguousName', params: { name, count: list.length } });
      return null;
    },
    teamOf(team, workshop, problems) {
      const all = teams.get(team) ?? [];
      const list = workshop ? all.filter((t) => t.workshop === workshop) : all;
      if (list.length === 1) return list[0]!.id;
      problems.push(list.length === 0 ? { field: 'team', message: 'v.wage.import.unknownTeam', params: { name: workshop ? `${workshop} / ${team}` : team } } : { field: 'team', message: 'v.wage.import.ambiguousTeam', params: { name: team } });
      return null;
    },
  };
}

/** The schema's issues as the row's problems, on the file's columns (workerId is the 工号 column …). */
export function schemaProblems(error: z.ZodError, problems: Problem[]): void {
  const FIELD: Record<string, WageImportField> = { workerId: 'empNo', teamId: 'team', workerIds: 'workers', evidenceId: 'note' };
  for (const i of toFieldIssues(error)) {
    const top = i.path.split('.')[0] ?? '';
    const field = FIELD[top] ?? top;
    if (!problems.some((p) => p.field === field)) problems.push({ field, message: i.message });
  }
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
