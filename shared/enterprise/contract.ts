// The enterprise profile (企业档案).
import { ch, defineContract, none } from '../kernel/channel';
import { enterpriseInput } from './schemas';
import type { Enterprise } from './types';

export const enterpriseContract = defineContract(['enterprise'], {
  'enterprise.get': ch<Enterprise>()(none),
  'enterprise.update': ch<Enterprise>()(enterpriseInput, { admin: true }),
});
