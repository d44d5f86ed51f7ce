// The education module's walls channels (owned by the walls area; empty until it lands).
import { defineContract } from '../../kernel/channel';

export const wallsContract = defineContract(['education'], {});
