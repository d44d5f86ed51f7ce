// The skill-level wage's records: safe production time, behaviour records, accidents. Union officers, safety officers
// and administrators enter them (WAGE_RECORDERS); anyone signed in may read.
import { byId, ch, defineContract } from '../../kernel/channel';
import { accidentInput, accidentsQuery, accidentUpdate, behaviourInput, behaviourQuery, behaviourUpdate, timekeepingQuery, timekeepingSave } from './schemas';
import type { Accident, Behaviour, Timekeeping } from './types';

export const recordsContract = defineContract(['wage'], {
  'wage.timekeeping': ch<Timekeeping[]>()(timekeepingQuery),
  'wage.timekeepingSave': ch<Timekeeping>()(timekeepingSave),
  'wage.timekeepingDelete': ch<{ deleted: true }>()(byId),
  'wage.behaviour': ch<Behaviour[]>()(behaviourQuery),
  'wage.behaviourCreate': ch<Behaviour>()(behaviourInput),
  'wage.behaviourUpdate': ch<Behaviour>()(behaviourUpdate),
  'wage.behaviourDelete': ch<{ deleted: true }>()(byId),
  'wage.behaviourRestore': ch<Behaviour>()(byId),
  'wage.accidents': ch<Accident[]>()(accidentsQuery),
  'wage.accidentCreate': ch<Accident>()(accidentInput),
  'wage.accidentUpdate': ch<Accident>()(accidentUpdate),
  'wage.accidentDelete': ch<{ deleted: true }>()(byId),
  'wage.accidentRestore': ch<Accident>()(byId),
});
