// The yearly check of the home page: the city's measures ask for a safety-themed workers' congress (安全生产专题职代会)
// at least once a year. Read only: whether any term exists, the safety-themed sessions of this year (held = opened or
// closed; planned = preparing or papers issued) and whether last year went without one.
import type { SessionYearCheck, SessionYearEntry } from '../../../../shared/congress/sessions/contract';
import type { Store } from '../../db/store';
import { todayLocal } from '../../util';

interface Row {
  id: string;
  term_number: number;
  seq: number;
  date: string;
  status: SessionYearEntry['status'];
}

const toEntry = (r: Row): SessionYearEntry => ({ id: r.id, termNumber: r.term_number, seq: r.seq, date: r.date, status: r.status });

const SAFETY_IN = `SELECT s.id, t.number AS term_number, s.seq, s.date, s.status
  FROM congress_sessions s JOIN congress_terms t ON t.id = s.term_id
  WHERE s.deleted_at IS NULL AND t.deleted_at IS NULL AND s.kind = 'safety' AND s.date BETWEEN ? AND ?`;

/** `today` for tests; the local date otherwise. */
export function sessionYearCheck(store: Store, today: string = todayLocal()): SessionYearCheck {
  const year = Number(today.slice(0, 4));
  const hasTerm = !!store.get(`SELECT 1 FROM congress_terms WHERE deleted_at IS NULL LIMIT 1`);
  const span = (y: number) => [`${y}-01-01`, `${y}-12-31`] as const;
  const held = store.get<Row>(`${SAFETY_IN} AND s.status IN ('in_session', 'closed') ORDER BY s.date DESC LIMIT 1`, [...span(year)]);
  // the next one still to be held (or the latest one whose day has passed without it being opened)
  const planned = held
    ? undefined
    : (store.get<Row>(`${SAFETY_IN} AND s.status IN ('preparing', 'issued') AND s.date >= ? ORDER BY s.date LIMIT 1`, [...span(year), today]) ??
      store.get<Row>(`${SAFETY_IN} AND s.status IN ('preparing', 'issued') ORDER BY s.date DESC LIMIT 1`, [...span(year)]));
  // last year counts only when a term covered some of it
  const last = span(year - 1);
  const lastCovered = !!store.get(`SELECT 1 FROM congress_terms WHERE deleted_at IS NULL AND start_date <= ? AND end_date >= ? LIMIT 1`, [last[1], last[0]]);
  const lastHeld = !!store.get(`${SAFETY_IN} AND s.status IN ('in_session', 'closed') LIMIT 1`, [...last]);
  return {
    year,
    today,
    hasTerm,
    held: held ? toEntry(held) : null,
    planned: planned ? toEntry(planned) : null,
    lastYearMissed: lastCovered && !lastHeld,
  };
}
