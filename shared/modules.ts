// THE registration point of the shared side: one line per module. The contract (shared/contract.ts), the message
// catalog (shared/glossary.ts) and the view/draft kinds derive from this list.
import { appModule } from './app';
import { attachmentsModule } from './attachments';
import { congressModule } from './congress';
import { educationModule } from './education';
import { enterpriseModule } from './enterprise';
import { hazardsModule } from './hazards';
import { healthModule } from './health';
import { operatorsModule } from './operators';
import { orgModule } from './org';
import { rosterModule } from './roster';
import { subsidyModule } from './subsidy';
import { viewsModule } from './views';
import { wageModule } from './wage';

export const MODULES = [
  appModule,
  enterpriseModule,
  orgModule,
  rosterModule,
  operatorsModule,
  attachmentsModule,
  viewsModule,
  hazardsModule,
  congressModule,
  wageModule,
  healthModule,
  educationModule,
  subsidyModule,
] as const;
