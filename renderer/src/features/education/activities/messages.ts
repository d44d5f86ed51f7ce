// UI strings of the education page's activities tab.
import { defineMessages } from '../../../../../shared/kernel/i18n';

export const messages = defineMessages({});
