import { defineModule } from '../kernel/module';
import { healthContract } from './contract';
import { messages } from './messages';

export const healthModule = defineModule({ name: 'health', contract: healthContract, messages });
