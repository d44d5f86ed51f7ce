// UI strings of the health page's plan tab.
import { defineMessages } from '../../../../../shared/kernel/i18n';

export const messages = defineMessages({});
