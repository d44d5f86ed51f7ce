// The skill-level wage's schemes: the indicator catalogue and the scheme versions with their lifecycle (draft → put to
// the congress → adopted by the vote or a recorded adoption elsewhere → effective from a date → superseded). Union
// officers and administrators (WAGE_RUNNERS) write; anyone signed in may read.
import { byId, ch, defineContract, none } from '../../kernel/channel';
import type { FileRef } from '../../files';
import { catalogueQuery, catalogueSave, schemeAction, schemeAgendaQuery, schemeCorrectDates, schemeCreate, schemeUpdate } from './schemas';
import type { CatalogueIndicator, SchemeAgendaChoice, SchemeVersion } from './types';

export const schemesContract = defineContract(['wage'], {
  /** the catalogue, by code; `deleted: true` lists the deleted entries instead */
  'wage.catalogue': ch<CatalogueIndicator[]>()(catalogueQuery),
  /** create (id null) or update an entry */
  'wage.catalogueSave': ch<CatalogueIndicator>()(catalogueSave),
  'wage.catalogueDelete': ch<{ deleted: true }>()(byId),
  'wage.catalogueRestore': ch<CatalogueIndicator>()(byId),
  /** every version, newest first */
  'wage.schemes': ch<SchemeVersion[]>()(none),
  'wage.scheme': ch<SchemeVersion>()(byId),
  /** a new draft from catalogue codes, or a copy of any version */
  'wage.schemeCreate': ch<SchemeVersion>()(schemeCreate),
  /** a draft's name, note and content (refused after it leaves draft) */
  'wage.schemeUpdate': ch<SchemeVersion>()(schemeUpdate),
  /** a draft only (an adopted version is a record); kept as deleted so it can be restored (undo) */
  'wage.schemeDelete': ch<{ deleted: true }>()(byId),
  /** brings a deleted draft back */
  'wage.schemeRestore': ch<SchemeVersion>()(byId),
  /** propose, withdraw, recordVote, adoptElsewhere, makeEffective, supersede, copy (→ the new draft) */
  'wage.schemeAction': ch<SchemeVersion>()(schemeAction),
  /** a wrong adoption / effective-from date put right, with a reason (audited), while no approved run uses the version */
  'wage.schemeCorrectDates': ch<SchemeVersion>()(schemeCorrectDates),
  /** the agenda items of sessions not closed a version may be put to, the 能级工资 item first */
  'wage.schemeAgendaItems': ch<SchemeAgendaChoice[]>()(schemeAgendaQuery),
  /** the version's text as a PDF (indicators, rules in words, weights, money, caps, vetoes, state and adoption) */
  'wage.schemePdf': ch<FileRef>()(byId),
});
