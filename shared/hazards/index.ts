import { defineModule } from '../kernel/module';
import { hazardsContract } from './contract';
import { messages } from './messages';
import { hazardQuery } from './schemas';

export const hazardsModule = defineModule({
  name: 'hazards',
  contract: hazardsContract,
  messages,
  viewKinds: { hazards: hazardQuery },
  draftKinds: ['hazards'],
});
