import { defineModule } from '../kernel/module';
import { viewsContract } from './contract';

export const viewsModule = defineModule({ name: 'views', contract: viewsContract, messages: {} });
