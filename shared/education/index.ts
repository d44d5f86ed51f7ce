import { defineModule } from '../kernel/module';
import { educationContract } from './contract';
import { messages } from './messages';

export const educationModule = defineModule({ name: 'education', contract: educationContract, messages });
