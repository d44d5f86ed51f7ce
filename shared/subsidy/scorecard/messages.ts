// The subsidy module's scorecard words (backend error codes and validation keys of the area).
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({});
