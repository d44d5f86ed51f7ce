// UI strings of the health page's exams tab.
import { defineMessages } from '../../../../../shared/kernel/i18n';

export const messages = defineMessages({});
