import { defineModule } from '../kernel/module';
import { enterpriseContract } from './contract';
import { messages } from './messages';

export const enterpriseModule = defineModule({ name: 'enterprise', contract: enterpriseContract, messages });
