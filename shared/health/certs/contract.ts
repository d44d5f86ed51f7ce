// The health module's certs channels (owned by the certs area; empty until it lands).
import { defineContract } from '../../kernel/channel';

export const certsContract = defineContract(['health'], {});
