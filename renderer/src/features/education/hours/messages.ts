// UI strings of the education page's hours tab.
import { defineMessages } from '../../../../../shared/kernel/i18n';

export const messages = defineMessages({});
