// The rows of the ledger export, read fast. Measured at 100,000 hazards: materialising rows as objects in
// better-sqlite3 and joining five name tables per row cost more than writing the spreadsheet, so:
//   - the matching rids in the ledger's order come from one query on the ledger's indexes;
//   - the rows are read chunk by chunk (one prepared statement, rids passed as JSON) as raw arrays, without joins;
//   - worker, org-unit and operator names come from maps loaded once;
//   - each row becomes a plain LedgerRecord literal (no spreads).
// No cursor stays open between chunks, so the writer may await (drain the zip, report progress) between them.
import { OPEN_STATUSES, type HazardStatus, type RiskColor } from '../../../../shared/hazards/rules';
import type { HazardQuery } from '../../../../shared/hazards/schemas';
import type { HazardRow } from '../../../../shared/hazards/types';
import type { Store } from '../../db/store';
import { todayLocal } from '../../util';
import { buildHazardQuery } from '../queries';
import type { LedgerRecord } from './xlsx';

const ROWS_SQL = `SELECT h.serial, h.found_at, h.finder_id, h.source, h.workshop_id, h.team_id, h.place, h.equipment, h.description,
    h.category1, h.category2, h.accident_type, h.grade, h.risk_d, h.risk, h.responsible_id, h.measures, h.planned_funds,
    h.deadline, h.status, h.due_date, h.actual_funds, h.accepted_by, h.closed_date
  FROM json_each(?) j JOIN hazards h ON h.rid = j.value
  ORDER BY j.key`;
type RawRow = [
  serial: string,
  foundAt: string,
  finderId: string | null,
  source: HazardRow['source'],
  workshopId: string | null,
  teamId: string | null,
  place: string | null,
  equipment: string | null,
  description: string,
  category1: string,
  category2: string | null,
  accidentType: string | null,
  grade: HazardRow['grade'],
  riskD: number | null,
  risk: RiskColor | null,
  responsibleId: string | null,
  measures: string | null,
  plannedFunds: number | null,
  deadline: string | null,
  status: HazardStatus,
  dueDate: string | null,
  actualFunds: number | null,
  acceptedBy: string | null,
  closedDate: string | null,
];

export const LEDGER_CHUNK = 1000;
const OPEN = new Set<string>(OPEN_STATUSES);

function nameMap(store: Store, sql: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const [id, name] of store.db.prepare(sql).raw(true).all() as [string, string][]) m.set(id, name);
  return m;
}
const nameOf = (m: Map<string, string>, id: string | null) => (id === null ? null : (m.get(id) ?? null));

/** The hazards matching the ledger filter, in the ledger's order: how many, and the rows (read chunk by chunk). */
export function ledgerSource(store: Store, q: Omit<HazardQuery, 'page' | 'pageSize'>): { total: number; rows: Generator<LedgerRecord> } {
  const today = todayLocal();
  const b = buildHazardQuery(store, q, today);
  const rids = store.db.prepare(`SELECT h.rid FROM hazards h WHERE ${b.where} ORDER BY ${b.order}`).pluck().all(b.params) as number[];
  // names as the ledger shows them (retired or deleted people and units included: these are historic records)
  const workers = nameMap(store, 'SELECT id, name FROM workers');
  const units = nameMap(store, 'SELECT id, name FROM org_units');
  const operators = nameMap(store, 'SELECT o.id, w.name FROM operators o JOIN workers w ON w.id = o.worker_id');
  const stmt = store.db.prepare(ROWS_SQL).raw(true);
  function* rows(): Generator<LedgerRecord> {
    for (let i = 0; i < rids.length; i += LEDGER_CHUNK) {
      const chunk = stmt.all(JSON.stringify(rids.slice(i, i + LEDGER_CHUNK))) as RawRow[];
      for (const r of chunk) {
        yield {
          serial: r[0],
          foundAt: r[1],
          finderName: nameOf(workers, r[2]),
          source: r[3],
          workshopName: nameOf(units, r[4]),
          teamName: nameOf(units, r[5]),
          place: r[6],
          equipment: r[7],
          description: r[8],
          category1: r[9],
          category2: r[10],
          accidentType: r[11],
          grade: r[12],
          riskD: r[13],
          risk: r[14],
          responsibleName: nameOf(workers, r[15]),
          measures: r[16],
          plannedFunds: r[17],
          deadline: r[18],
          status: r[19],
          overdue: r[20] !== null && r[20] < today && OPEN.has(r[19]),
          actualFunds: r[21],
          acceptedByName: nameOf(operators, r[22]),
          closedDate: r[23],
        };
      }
    }
  }
  return { total: rids.length, rows: rows() };
}
