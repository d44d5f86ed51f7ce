import { defineModule } from '../kernel/module';
import { attachmentsContract } from './contract';
import { messages } from './messages';

export const attachmentsModule = defineModule({ name: 'attachments', contract: attachmentsContract, messages });
