// THE registration point of the backend: one line per module. Together with shared/modules.ts this is all a new
// module touches outside its own folders. `handlers` must cover exactly the contract: a missing channel is a type
// error below, an extra one too, and tests/unit/contract.test.ts checks both at run time.
import type { ChannelName, ChannelOutput, ChannelParsed } from '../../shared/contract';
import { mergeParts } from '../../shared/kernel/channel';
import { appHandlers } from './app/handlers';
import { attachmentsHandlers } from './attachments/handlers';
import { congressHandlers } from './congress/handlers';
import { educationHandlers } from './education/handlers';
import { enterpriseHandlers } from './enterprise/handlers';
import { hazardsHandlers } from './hazards/handlers';
import { healthHandlers } from './health/handlers';
import type { Ctx } from './kernel/handlers';
import { operatorsHandlers } from './operators/handlers';
import { orgHandlers } from './org/handlers';
import { rosterHandlers } from './roster/handlers';
import { subsidyHandlers } from './subsidy/handlers';
import { viewsHandlers } from './views/handlers';
import { wageHandlers } from './wage/handlers';

const merged = mergeParts([
  appHandlers,
  enterpriseHandlers,
  orgHandlers,
  rosterHandlers,
  operatorsHandlers,
  attachmentsHandlers,
  viewsHandlers,
  hazardsHandlers,
  congressHandlers,
  wageHandlers,
  healthHandlers,
  educationHandlers,
  subsidyHandlers,
] as const);

type Handler<K extends ChannelName> = (input: ChannelParsed<K>, ctx: Ctx) => ChannelOutput<K> | Promise<ChannelOutput<K>>;
export type Handlers = { [K in ChannelName]: Handler<K> };

/** Every channel has a handler (else: type error here). */
export const handlers: Handlers = merged;
/** …and no handler lacks a channel. */
type Extra = Exclude<keyof typeof merged, ChannelName>;
const noExtraHandlers: [Extra] extends [never] ? true : { handlersWithoutChannel: Extra } = true;
void noExtraHandlers;
