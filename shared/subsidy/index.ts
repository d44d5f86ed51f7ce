import { defineModule } from '../kernel/module';
import { subsidyContract } from './contract';
import { messages } from './messages';

export const subsidyModule = defineModule({ name: 'subsidy', contract: subsidyContract, messages });
