// How a module declares its channels, and how the modules' parts merge into the one contract.
import { z } from 'zod';
import { idSchema } from './schemas';

export interface Channel<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** false: callable before an operator signs in. */
  auth: boolean;
  /** only admins (the first operator and those they promote). */
  admin: boolean;
  /** phantom: the output type */
  output?: O;
}

/** ch<Output>()(inputSchema, { auth, admin }) */
export function ch<O>() {
  return <I extends z.ZodType>(input: I, opts: { auth?: boolean; admin?: boolean } = {}): Channel<I, O> => ({
    input,
    auth: opts.auth ?? true,
    admin: opts.admin ?? false,
  });
}

export type ContractPart = Record<string, Channel>;

/** Declares a module's channels; every name must start with one of the module's prefixes. */
export function defineContract<const P extends string, T extends { [K in keyof T]: K extends `${P}.${string}` ? Channel : never }>(
  prefixes: readonly P[],
  part: T,
): T {
  for (const name of Object.keys(part)) {
    if (!prefixes.some((p) => name.startsWith(`${p}.`))) throw new Error(`channel ${name} is outside its module's prefixes (${prefixes.join(', ')})`);
  }
  return part;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** Keys that appear in more than one part of the tuple. */
type Dupes<T extends readonly object[], Seen = never> = T extends readonly [infer H, ...infer R extends readonly object[]]
  ? (keyof H & Seen) | Dupes<R, Seen | keyof H>
  : never;
export type MergedParts<T extends readonly object[]> = UnionToIntersection<T[number]>;

/**
 * Merges the modules' parts. A channel defined twice is a type error (the argument becomes
 * `{ duplicateChannels: … }`) and, should types be bypassed, a thrown error at load.
 */
export function mergeParts<const T extends readonly object[]>(
  parts: [Dupes<T>] extends [never] ? T : { duplicateChannels: Dupes<T> },
): MergedParts<T> {
  const out: Record<string, unknown> = {};
  for (const part of parts as readonly object[]) {
    for (const [k, v] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(out, k)) throw new Error(`defined twice: ${k}`);
      out[k] = v;
    }
  }
  return out as MergedParts<T>;
}

export const none = z.object({}).strict().optional().default({});
export const byId = z.object({ id: idSchema }).strict();

// ~20 MB of file content as base64
export const fileData = z.object({
  fileName: z.string().min(1, { error: 'v.required' }).max(255),
  dataBase64: z.string().min(1, { error: 'v.required' }).max(28_000_000, { error: 'v.tooLong' }),
});
