import { defineModule } from '../kernel/module';
import { wageContract } from './contract';
import { messages } from './messages';

export const wageModule = defineModule({ name: 'wage', contract: wageContract, messages });
