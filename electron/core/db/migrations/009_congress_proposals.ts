import type { DB } from '../store';

/**
 * v9: proposals (提案) to the workers' congress. Per term: the collection settings (window before the session, the
 * co-signers needed, days for a second answer, the session date collected for) and the proposal committee besides the
 * union officers. A proposal: serial per term and year (TA3-2026-001), category, title, reason and suggested measure,
 * proposer and co-signers (serving representatives), who entered it (on the proposer's behalf or not), the workflow
 * state (shared/congress/proposals/workflow.ts), the review note, the lead department and co-departments with the due
 * date; its answers (one per round, at most two) with the proposer's feedback; a timeline; photos; linked hazards.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE congress_proposal_settings (
      term_id TEXT PRIMARY KEY REFERENCES congress_terms(id),
      window_days INTEGER NOT NULL CHECK (window_days BETWEEN 1 AND 365),
      min_cosigners INTEGER NOT NULL CHECK (min_cosigners BETWEEN 0 AND 20),
      second_answer_days INTEGER NOT NULL CHECK (second_answer_days BETWEEN 1 AND 365),
      session_date TEXT,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE congress_proposal_committee (
      term_id TEXT NOT NULL REFERENCES congress_terms(id),
      worker_id TEXT NOT NULL REFERENCES workers(id),
      PRIMARY KEY (term_id, worker_id)
    );

    CREATE TABLE congress_proposals (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      term_id TEXT NOT NULL REFERENCES congress_terms(id),
      serial TEXT NOT NULL UNIQUE,
      category TEXT NOT NULL CHECK (category IN ('safety', 'occupational_health', 'protective_equipment', 'wage', 'other')),
      title TEXT NOT NULL,
      reason TEXT NOT NULL,
      measure TEXT NOT NULL,
      proposer_id TEXT NOT NULL REFERENCES workers(id),
      submitted_on TEXT NOT NULL,
      session_date TEXT,
      entered_by_id TEXT,
      entered_by_name TEXT NOT NULL,
      on_behalf INTEGER NOT NULL DEFAULT 0 CHECK (on_behalf IN (0, 1)),
      state TEXT NOT NULL CHECK (state IN ('submitted', 'filed', 'referred', 'rejected', 'assigned', 'answered', 'closed', 'archived')),
      round INTEGER NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
      review_note TEXT,
      lead_unit_id TEXT REFERENCES org_units(id),
      due_date TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (state NOT IN ('assigned', 'answered', 'closed') OR lead_unit_id IS NOT NULL)
    );
    CREATE INDEX congress_proposals_term ON congress_proposals (term_id, state, category);

    CREATE TABLE congress_proposal_cosigners (
      proposal_id TEXT NOT NULL REFERENCES congress_proposals(id),
      worker_id TEXT NOT NULL REFERENCES workers(id),
      sort_order INTEGER NOT NULL,
      PRIMARY KEY (proposal_id, worker_id)
    );

    CREATE TABLE congress_proposal_units (
      proposal_id TEXT NOT NULL REFERENCES congress_proposals(id),
      unit_id TEXT NOT NULL REFERENCES org_units(id),
      PRIMARY KEY (proposal_id, unit_id)
    );

    CREATE TABLE congress_proposal_photos (
      proposal_id TEXT NOT NULL REFERENCES congress_proposals(id),
      attachment_id TEXT NOT NULL REFERENCES attachments(id),
      sort_order INTEGER NOT NULL,
      PRIMARY KEY (proposal_id, attachment_id)
    );

    CREATE TABLE congress_proposal_answers (
      proposal_id TEXT NOT NULL REFERENCES congress_proposals(id),
      round INTEGER NOT NULL CHECK (round IN (1, 2)),
      answer_class TEXT NOT NULL CHECK (answer_class IN ('A', 'B', 'C')),
      text TEXT NOT NULL,
      plan TEXT,
      planned_by TEXT,
      reason TEXT,
      cost INTEGER CHECK (cost >= 0),
      answered_at TEXT NOT NULL,
      answered_by TEXT NOT NULL,
      feedback TEXT CHECK (feedback IN ('satisfied', 'basically', 'dissatisfied')),
      feedback_note TEXT,
      feedback_at TEXT,
      feedback_by TEXT,
      feedback_on_behalf INTEGER NOT NULL DEFAULT 0 CHECK (feedback_on_behalf IN (0, 1)),
      PRIMARY KEY (proposal_id, round)
    );

    CREATE TABLE congress_proposal_events (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      proposal_id TEXT NOT NULL REFERENCES congress_proposals(id),
      at TEXT NOT NULL,
      actor_id TEXT,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      from_state TEXT,
      to_state TEXT,
      comment TEXT
    );
    CREATE INDEX congress_proposal_events_of ON congress_proposal_events (proposal_id, at);

    CREATE TABLE congress_proposal_hazards (
      proposal_id TEXT NOT NULL REFERENCES congress_proposals(id),
      hazard_id TEXT NOT NULL REFERENCES hazards(id),
      created INTEGER NOT NULL CHECK (created IN (0, 1)),
      linked_at TEXT NOT NULL,
      PRIMARY KEY (proposal_id, hazard_id)
    );
    CREATE INDEX congress_proposal_hazards_hazard ON congress_proposal_hazards (hazard_id);
  `);
}
