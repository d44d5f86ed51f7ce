import { defineModule } from '../kernel/module';
import { congressContract } from './contract';
import { messages } from './messages';

export const congressModule = defineModule({ name: 'congress', contract: congressContract, messages });
