// UI strings of the subsidy page: the page's own, then one part per area (a key defined twice throws at load).
import { defineMessages, mergeMessages } from '../../../../shared/kernel/i18n';
import { messages as scorecard } from './scorecard/messages';
import { messages as dossier } from './dossier/messages';

const page = defineMessages({
  'nav.subsidy': { 'zh-CN': '奖补申报', en: 'Subsidy' },
  'subsidy.page.tabs': { 'zh-CN': '奖补申报', en: 'Subsidy dossier' },
});

export const messages = mergeMessages([page, scorecard, dossier]);
