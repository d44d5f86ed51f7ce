import { defineModule } from '../kernel/module';
import { orgContract } from './contract';
import { messages } from './messages';

export const orgModule = defineModule({ name: 'org', contract: orgContract, messages });
