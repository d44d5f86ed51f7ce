// The skill-level wage's manual monthly figures: recorders (WAGE_RECORDERS) write; anyone signed in reads.
import { byId, ch, defineContract } from '../../kernel/channel';
import { manualQuery, manualSave } from './schemas';
import type { ManualValue } from './types';

export const manualContract = defineContract(['wage'], {
  'wage.manual': ch<ManualValue[]>()(manualQuery),
  'wage.manualSave': ch<ManualValue>()(manualSave),
  'wage.manualDelete': ch<{ deleted: true }>()(byId),
});
