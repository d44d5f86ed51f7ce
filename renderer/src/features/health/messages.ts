// UI strings of the health page: the page's own, then one part per area (a key defined twice throws at load).
import { defineMessages, mergeMessages } from '../../../../shared/kernel/i18n';
import { messages as plan } from './plan/messages';
import { messages as exams } from './exams/messages';
import { messages as certs } from './certs/messages';

const page = defineMessages({
  'nav.health': { 'zh-CN': '体检与特种作业', en: 'Health' },
  'health.page.tabs': { 'zh-CN': '体检与特种作业', en: 'Health & certificates' },
});

export const messages = mergeMessages([page, plan, exams, certs]);
