// The value lists in the schema's CHECK constraints match the shared constants the code validates with.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrations';
import { openDatabase, type DB } from '../../electron/core/db/store';
import { setQuiet } from '../../electron/core/log';
import { ATTACHMENT_MIMES } from '../../shared/attachments/rules';
import { JOINED_BY, LEFT_BY, MEMBER_KINDS, TERM_FORMS } from '../../shared/congress/reps/types';
import { QUORUM_RULES } from '../../shared/congress/rules';
import { ATTENDANCE, CHOICES, ITEM_KINDS, SESSION_KINDS, SESSION_STATUSES, TEMPLATE_KEYS, VOTE_METHODS, VOTE_STATUSES } from '../../shared/congress/sessions/types';
import { ANSWER_CLASSES, FEEDBACKS, PROPOSAL_CATEGORIES, PROPOSAL_STATES } from '../../shared/congress/proposals/types';
import { ACCIDENT_SEVERITIES, BEHAVIOUR_KINDS, TIMEKEEPING_SOURCES } from '../../shared/wage/records/types';
import { INDICATOR_SOURCES } from '../../shared/wage/catalogue';
import { SCHEME_STATES } from '../../shared/wage/scheme';
import { RUN_CHANGE_KINDS, RUN_STATES } from '../../shared/wage/runs/types';
import { EXPOSURE_SOURCES, PLAN_KINDS } from '../../shared/health/plan/types';
import { CERT_SOURCES } from '../../shared/health/certs/types';
import { ATTENDANCE_SOURCES } from '../../shared/education/activities/types';
import { ACTIVITY_KINDS } from '../../shared/education/kinds';
import { NOMINEE_ROLES } from '../../shared/subsidy/dossier/types';
import { ACCIDENT_TYPES, HAZARD_CATEGORY1, HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATUSES, PRODUCTION_STOPS, RISK_COLORS } from '../../shared/hazards/rules';

setQuiet(true);
let db: DB;
beforeAll(async () => {
  db = openDatabase(':memory:');
  await migrate(db);
});
afterAll(() => db.close());

/** The list in `column IN ('a', 'b', …)` of a table's CREATE statement (the first CHECK naming the column). */
function checkList(table: string, column: string): string[] {
  const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string;
  const m = new RegExp(`CHECK \\(\\s*${column} IN \\(([^)]*)\\)`).exec(sql);
  if (!m) throw new Error(`no CHECK (${column} IN …) in ${table}`);
  return m[1]!.split(',').map((s) => s.trim().replace(/^'|'$/g, ''));
}

it.each([
  ['hazards', 'source', HAZARD_SOURCES],
  ['health_exposures', 'source', EXPOSURE_SOURCES],
  ['health_due', 'kind', PLAN_KINDS],
  ['health_certificates', 'source', CERT_SOURCES],
  ['edu_activities', 'kind', ACTIVITY_KINDS],
  ['edu_attendance', 'source', ATTENDANCE_SOURCES],
  ['hazards', 'category1', HAZARD_CATEGORY1],
  ['hazards', 'grade', HAZARD_GRADES],
  ['hazards', 'risk', RISK_COLORS],
  ['hazards', 'production_stop', PRODUCTION_STOPS],
  ['hazards', 'status', HAZARD_STATUSES],
  ['hazard_photos', 'phase', ['before', 'after']],
  ['attachments', 'mime', ATTACHMENT_MIMES],
  ['hazards', 'cancel_kind', ['duplicate', 'invalid']],
  ['congress_terms', 'form', TERM_FORMS],
  ['congress_members', 'kind', MEMBER_KINDS],
  ['congress_members', 'joined_by', JOINED_BY],
  ['congress_members', 'left_by', LEFT_BY],
  ['congress_sessions', 'kind', SESSION_KINDS],
  ['congress_sessions', 'status', SESSION_STATUSES],
  ['congress_agenda_items', 'template_key', TEMPLATE_KEYS],
  ['congress_agenda_items', 'kind', ITEM_KINDS],
  ['congress_attendance', 'status', ATTENDANCE],
  ['congress_votes', 'method', VOTE_METHODS],
  ['congress_votes', 'status', VOTE_STATUSES],
  ['congress_votes', 'quorum_rule', QUORUM_RULES],
  ['congress_votes', 'verdict', ['passed', 'failed', 'noQuorum']],
  ['congress_vote_ballots', 'choice', CHOICES],
  ['congress_proposals', 'category', PROPOSAL_CATEGORIES],
  ['congress_proposals', 'state', PROPOSAL_STATES],
  ['congress_proposal_answers', 'answer_class', ANSWER_CLASSES],
  ['congress_proposal_answers', 'feedback', FEEDBACKS],
  ['wage_timekeeping', 'source', TIMEKEEPING_SOURCES],
  ['wage_behaviour', 'kind', BEHAVIOUR_KINDS],
  ['wage_accidents', 'severity', ACCIDENT_SEVERITIES],
  ['wage_catalogue', 'source', INDICATOR_SOURCES],
  ['wage_schemes', 'state', SCHEME_STATES],
  ['wage_schemes', 'verdict', ['passed', 'failed']],
  ['wage_runs', 'state', RUN_STATES],
  ['wage_period_changes', 'kind', RUN_CHANGE_KINDS],
  ['subsidy_nominees', 'role', NOMINEE_ROLES],
])('%s.%s CHECK list equals the shared constant', (table, column, values) => {
  expect(new Set(checkList(table, column))).toEqual(new Set(values));
});

it('accident types are validated by the schema only (no CHECK), and the shared list has GB 6441’s 20 types', () => {
  expect(ACCIDENT_TYPES).toHaveLength(20);
});
