import { DEFAULT_CATALOGUE } from '../../../../shared/wage/catalogue';
import { nowIso, uuidv7 } from '../../util';
import type { DB } from '../store';

/**
 * v12: the skill-level wage's schemes. The indicator catalogue (code, names, unit, source, scoring rule as JSON, default
 * weight, safety flag), seeded with the four indicators the app ships (DEFAULT_CATALOGUE as it stood at this step);
 * deleted entries stay (deleted_at) and can be restored. The scheme versions: name, version number (one sequence),
 * lifecycle state, content JSON (indicators, money rule, caps, veto, pro rata — validated by the schemes schema before
 * it is written), the version it was copied from, the congress agenda item it was put to and the vote that decided it,
 * an adoption recorded elsewhere (document number and date), adopted / effective / superseded dates. The checks hold
 * the lifecycle's invariants: nothing adopted without an adoption date, nothing in effect without an effective date
 * on or after it, at most one version in effect, one version proposed per agenda item.
 */
export function up(db: DB): void {
  db.exec(`
    CREATE TABLE wage_catalogue (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      code TEXT NOT NULL UNIQUE,
      name_zh TEXT NOT NULL,
      name_en TEXT NOT NULL,
      unit_zh TEXT NOT NULL,
      unit_en TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('roster.skillGrade', 'timekeeping.hours', 'behaviour.points', 'hazards.found', 'manual')),
      rule TEXT NOT NULL CHECK (json_valid(rule)),
      weight_pct INTEGER NOT NULL CHECK (weight_pct BETWEEN 0 AND 100),
      safety INTEGER NOT NULL CHECK (safety IN (0, 1)),
      built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    );

    CREATE TABLE wage_schemes (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      version INTEGER NOT NULL UNIQUE CHECK (version >= 1),
      state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'proposed', 'adopted', 'effective', 'superseded', 'rejected')),
      content TEXT NOT NULL CHECK (json_valid(content)),
      based_on_id TEXT REFERENCES wage_schemes(id),
      note TEXT,
      agenda_item_id TEXT REFERENCES congress_agenda_items(id),
      material_id TEXT REFERENCES attachments(id),
      vote_id TEXT REFERENCES congress_votes(id),
      verdict TEXT CHECK (verdict IN ('passed', 'failed')),
      adoption_doc_no TEXT,
      adoption_date TEXT,
      adopted_on TEXT,
      effective_from TEXT,
      superseded_on TEXT,
      created_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (state <> 'proposed' OR agenda_item_id IS NOT NULL),
      CHECK (state NOT IN ('adopted', 'effective', 'superseded') OR adopted_on IS NOT NULL),
      CHECK (state NOT IN ('effective', 'superseded') OR effective_from IS NOT NULL),
      CHECK (effective_from IS NULL OR adopted_on IS NULL OR effective_from >= adopted_on),
      CHECK (superseded_on IS NULL OR (effective_from IS NOT NULL AND superseded_on > effective_from)),
      CHECK ((adoption_doc_no IS NULL) = (adoption_date IS NULL)),
      CHECK (deleted_at IS NULL OR state = 'draft')
    );
    CREATE UNIQUE INDEX wage_schemes_one_effective ON wage_schemes (state) WHERE state = 'effective' AND deleted_at IS NULL;
    CREATE UNIQUE INDEX wage_schemes_one_per_item ON wage_schemes (agenda_item_id) WHERE state = 'proposed' AND deleted_at IS NULL;
    CREATE INDEX wage_schemes_effective ON wage_schemes (effective_from) WHERE effective_from IS NOT NULL;
  `);
  const now = nowIso();
  const insert = db.prepare(
    `INSERT INTO wage_catalogue (id, code, name_zh, name_en, unit_zh, unit_en, source, rule, weight_pct, safety, built_in, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  for (const d of DEFAULT_CATALOGUE) {
    insert.run(uuidv7(), d.code, d.name['zh-CN'], d.name.en, d.unit['zh-CN'], d.unit.en, d.source, JSON.stringify(d.rule), d.weightPct, d.safety ? 1 : 0, now, now);
  }
}
