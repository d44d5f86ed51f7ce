// The health module's plan channels: the interval table, the women workers' settings, exposures, the due list with
// its alerts, the quarter's xlsx and the exit check. HEALTH_WRITERS write; anyone signed in reads — but the due list
// and its xlsx leave the recheck and contraindication alerts out for those who do not read exam results
// (DuePage.restricted; shared/health/privacy.ts).
import { byId, ch, defineContract, none } from '../../kernel/channel';
import type { FileRef } from '../../files';
import type { WomenExamSettings } from '../kinds';
import { dueQuery, dueXlsxInput, exitCheckInput, exposureAdd, exposureEnd, exposuresQuery, factorSave, factorsQuery, fromRoster, womenSettingsSave } from './schemas';
import type { DuePage, ExitCheck, Exposure, ExposurePage, Factor, FromRosterResult } from './types';

export const planContract = defineContract(['health'], {
  /** the interval table (deleted: the deleted factors, to restore) */
  'health.factors': ch<Factor[]>()(factorsQuery),
  /** adds (no id) or edits a factor; a synonym another factor uses is refused */
  'health.factorSave': ch<Factor>()(factorSave),
  /** soft delete; refused while workers are exposed to it */
  'health.factorDelete': ch<Factor>()(byId),
  'health.factorRestore': ch<Factor>()(byId),
  'health.womenSettings': ch<WomenExamSettings>()(none),
  'health.womenSettingsSave': ch<WomenExamSettings>()(womenSettingsSave),
  'health.exposures': ch<ExposurePage>()(exposuresQuery),
  'health.exposureAdd': ch<Exposure>()(exposureAdd),
  'health.exposureEnd': ch<Exposure>()(exposureEnd),
  'health.exposureDelete': ch<Exposure>()(byId),
  'health.exposureRestore': ch<Exposure>()(byId),
  /** exposures from the roster's free-text 接触职业病危害因素 via the factors' synonyms (dryRun: what it would do) */
  'health.exposuresFromRoster': ch<FromRosterResult>()(fromRoster),
  /** the due list: alerts judged against today, paged, with counts per alert kind */
  'health.due': ch<DuePage>()(dueQuery),
  /** the xlsx of what is due this quarter (and overdue) */
  'health.dueQuarterXlsx': ch<FileRef>()(dueXlsxInput),
  /** whether setting the worker to 离职 needs an exit exam first */
  'health.exitCheck': ch<ExitCheck>()(exitCheckInput),
});
