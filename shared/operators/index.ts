import { defineModule } from '../kernel/module';
import { operatorsContract } from './contract';
import { messages } from './messages';

export const operatorsModule = defineModule({ name: 'operators', contract: operatorsContract, messages });
