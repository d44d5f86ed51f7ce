// UI strings of the subsidy page's dossier tab.
import { defineMessages } from '../../../../../shared/kernel/i18n';

export const messages = defineMessages({});
