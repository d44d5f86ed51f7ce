import { defineModule } from '../kernel/module';
import { viewsContract } from './contract';
import { messages } from './messages';

export const viewsModule = defineModule({ name: 'views', contract: viewsContract, messages });
