// The health module's exams channels (owned by the exams area; empty until it lands).
import { defineContract } from '../../kernel/channel';

export const examsContract = defineContract(['health'], {});
