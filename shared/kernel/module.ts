// A module's shared part: its channels, its messages, and the list/form kinds it offers to saved views and drafts.
import type { z } from 'zod';
import type { ContractPart } from './channel';
import type { MessagePart } from './i18n';

export interface SharedModule<C extends ContractPart = ContractPart> {
  name: string;
  contract: C;
  messages: MessagePart;
  /** saved-view kinds → the query schema a saved query must pass */
  viewKinds?: Record<string, z.ZodType>;
  /** form kinds whose drafts are kept */
  draftKinds?: readonly string[];
}

export function defineModule<const C extends ContractPart>(m: SharedModule<C>): SharedModule<C> {
  return m;
}

/** The contract parts of a tuple of modules, as a tuple type (for the duplicate-channel check). */
export type ContractsOf<M extends readonly SharedModule[]> = { [I in keyof M]: M[I]['contract'] };
