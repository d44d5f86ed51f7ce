// The subsidy module's scorecard channel: the five criteria of a year with their lights, figures and evidence. Anyone
// signed in reads it (the home card shows it to everyone).
import { ch, defineContract } from '../../kernel/channel';
import { yearInput } from './schemas';
import type { Scorecard } from './types';

export const scorecardContract = defineContract(['subsidy'], {
  'subsidy.scorecard': ch<Scorecard>()(yearInput),
});
