import { defineModule } from '../kernel/module';
import { rosterContract } from './contract';
import { messages } from './messages';
import { workerQuery } from './schemas';

export const rosterModule = defineModule({ name: 'roster', contract: rosterContract, messages, viewKinds: { workers: workerQuery } });
