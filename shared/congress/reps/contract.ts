// The workers' congress (职工代表大会): terms, constituencies and representatives. Union officers and administrators
// run them (CONGRESS_RUNNERS); anyone signed in may read.
import { z } from 'zod';
import { byId, ch, defineContract } from '../../kernel/channel';
import { idSchema } from '../../kernel/schemas';
import { asOfQuery, groupInput, memberAdd, memberEnd, membersQuery, memberUpdate, repsImportCancel, repsImportCommit, repsImportPreview, rosterImport, termInput, termUpdate } from './schemas';
import type { CongressGroup, Composition, Member, RepsImportPreview, RepsImportResult, RosterImportResult, Term } from './types';

export const repsContract = defineContract(['congress'], {
  'congress.terms': ch<Term[]>()(z.object({}).strict()),
  'congress.termCreate': ch<Term>()(termInput),
  'congress.termUpdate': ch<Term>()(termUpdate),
  'congress.termDelete': ch<{ deleted: true }>()(byId),
  'congress.groups': ch<CongressGroup[]>()(asOfQuery),
  'congress.groupSave': ch<CongressGroup>()(groupInput),
  'congress.groupDelete': ch<{ deleted: true }>()(byId),
  'congress.groupsFromWorkshops': ch<CongressGroup[]>()(z.object({ termId: idSchema }).strict()),
  'congress.members': ch<Member[]>()(membersQuery),
  'congress.memberAdd': ch<Member>()(memberAdd),
  'congress.memberUpdate': ch<Member>()(memberUpdate),
  'congress.memberEnd': ch<Member>()(memberEnd),
  'congress.importFromRoster': ch<RosterImportResult>()(rosterImport),
  'congress.composition': ch<Composition>()(asOfQuery),
  'congress.repsImportPreview': ch<RepsImportPreview>()(repsImportPreview),
  'congress.repsImportCommit': ch<RepsImportResult>()(repsImportCommit),
  'congress.repsImportCancel': ch<{ cancelled: boolean }>()(repsImportCancel),
});
