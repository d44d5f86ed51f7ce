// The one contract: every channel, its input schema and its output type — merged from the modules' parts
// (shared/<module>/contract.ts, registered in shared/modules.ts). A channel defined twice is a type error here and
// an error at load. The backend handler map, the preload, both hosts, the typed client and the tests derive from it.
import type { z } from 'zod';
import { mergeParts } from './kernel/channel';
import type { ContractsOf } from './kernel/module';
import { MODULES } from './modules';

type Parts = ContractsOf<typeof MODULES>;
export const contract = mergeParts<Parts>(MODULES.map((m) => m.contract) as unknown as Parts);

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelParsed<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = NonNullable<Contract[K]['output']>;
export const CHANNELS = Object.keys(contract) as ChannelName[];
export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Saved-view kinds and their query schemas; draft kinds — from the modules. */
export const VIEW_KINDS: Record<string, z.ZodType> = Object.assign({}, ...MODULES.map((m) => ('viewKinds' in m ? m.viewKinds : {})));
export const DRAFT_KINDS: ReadonlySet<string> = new Set(MODULES.flatMap((m) => ('draftKinds' in m ? [...(m.draftKinds ?? [])] : [])));
