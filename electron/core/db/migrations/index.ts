import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/result';
import { log } from '../../log';
import { stamp } from '../../util';
import type { DB } from '../store';
import * as m001 from './001_init';
import * as m002 from './002_hazards';
import * as m003 from './003_module_kinds';
import * as m004 from './004_audit_chain';
import * as m005 from './005_signin_guard';
import * as m006 from './006_major_hazards';
import * as m007 from './007_congress_terms';
import * as m008 from './008_congress_sessions';
import * as m009 from './009_congress_proposals';
import * as m010 from './010_attachment_documents';
import * as m011 from './011_wage_records';
import * as m012 from './012_wage_schemes';
import * as m013 from './013_wage_runs';
import * as m014 from './014_wage_manual';
import * as m015 from './015_health_exams';
import * as m016 from './016_health_certificates';
import * as m017 from './017_education_activities';
import * as m018 from './018_culture_walls';
import * as m019 from './019_subsidy_dossiers';
import * as m020 from './020_health_year_dues';
import * as m021 from './021_attachment_readers';
import * as m022 from './022_edu_year_hours';

export interface Migration {
  version: number;
  name: string;
  up(db: DB): void;
}

/** Ordered; a migration's version is its position. Never edit a released step — add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', up: m001.up },
  { version: 2, name: 'hazards', up: m002.up },
  { version: 3, name: 'module kinds', up: m003.up },
  { version: 4, name: 'audit chain', up: m004.up },
  { version: 5, name: 'sign-in guard', up: m005.up },
  { version: 6, name: 'major hazards', up: m006.up },
  { version: 7, name: 'congress terms', up: m007.up },
  { version: 8, name: 'congress sessions', up: m008.up },
  { version: 9, name: 'congress proposals', up: m009.up },
  { version: 10, name: 'attachment documents', up: m010.up },
  { version: 11, name: 'wage records', up: m011.up },
  { version: 12, name: 'wage schemes', up: m012.up },
  { version: 13, name: 'wage runs', up: m013.up },
  { version: 14, name: 'wage manual figures', up: m014.up },
  { version: 15, name: 'health exams', up: m015.up },
  { version: 16, name: 'health certificates', up: m016.up },
  { version: 17, name: 'education activities', up: m017.up },
  { version: 18, name: 'culture walls', up: m018.up },
  { version: 19, name: 'subsidy dossiers', up: m019.up },
  { version: 20, name: 'health year dues', up: m020.up },
  { version: 21, name: 'attachment readers', up: m021.up },
  { version: 22, name: 'education year hours', up: m022.up },
];
export const LATEST_VERSION = MIGRATIONS.length;

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateResult {
  from: number;
  to: number;
  backupFile: string | null;
}

/**
 * Brings the database to `target` (default: latest). Refuses a database newer than the app.
 * Backs the file up (online backup) before changing a non-empty database. Each step and its
 * user_version bump run in one transaction.
 */
export async function migrate(
  db: DB,
  opts: { backupDir?: string; target?: number; migrations?: readonly Migration[] } = {},
): Promise<MigrateResult> {
  const list = opts.migrations ?? MIGRATIONS;
  const latest = list.length;
  const target = opts.target ?? latest;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      'err.db.tooNew',
      { fileVersion: from, appVersion: latest },
    );
  }
  if (from >= target) return { from, to: from, backupFile: null };
  let backupFile: string | null = null;
  if (from > 0 && opts.backupDir) {
    fs.mkdirSync(opts.backupDir, { recursive: true });
    backupFile = path.join(opts.backupDir, `pre-migrate-v${from}-${stamp()}.sqlite`);
    await db.backup(backupFile);
    log('info', `backed up schema v${from} to ${backupFile} before migrating`);
  }
  for (const m of list) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    log('info', `migrated to schema v${m.version} (${m.name})`);
  }
  return { from, to: target, backupFile };
}
