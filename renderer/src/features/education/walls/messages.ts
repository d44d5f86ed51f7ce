// UI strings of the education page's walls tab.
import { defineMessages } from '../../../../../shared/kernel/i18n';

export const messages = defineMessages({});
