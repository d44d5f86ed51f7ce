// The health module's plan channels (owned by the plan area; empty until it lands).
import { defineContract } from '../../kernel/channel';

export const planContract = defineContract(['health'], {});
