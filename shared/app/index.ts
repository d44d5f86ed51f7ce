import { defineModule } from '../kernel/module';
import { appContract } from './contract';
import { messages } from './messages';

export const appModule = defineModule({ name: 'app', contract: appContract, messages });
