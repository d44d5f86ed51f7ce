// The education module's activities channels (owned by the activities area; empty until it lands).
import { defineContract } from '../../kernel/channel';

export const activitiesContract = defineContract(['education'], {});
