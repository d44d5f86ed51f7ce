// The education module's walls words (backend error codes and validation keys of the area).
import { defineMessages } from '../../kernel/i18n';

export const messages = defineMessages({});
