// The education module's hours channels (owned by the hours area; empty until it lands).
import { defineContract } from '../../kernel/channel';

export const hoursContract = defineContract(['education'], {});
