// How a module declares its channels, and how the modules' parts merge into the one contract.
import { z } from 'zod';
import { idSchema } from './schemas';

export interface Channel<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** false: callable before an operator signs in. */
  auth: boolean;
  /** only admins (the first operator and those they promote). */
  admin: boolean;
  /**
   * true: answered while the store's start-up integrity check still runs — pure reads the first screen needs. Every
   * other call waits for the check, so nothing is written to a store before it is known to be sound.
   */
  early: boolean;
  /**
   * The largest input accepted, in bytes of its JSON text (UTF-8). Checked by dispatch before the schema parses
   * anything; the browser host reads no larger a request body for this channel.
   */
  maxInput: number;
  /** phantom: the output type */
  output?: O;
}

/** The input bound of a channel that declares none: far above any form, far below a file. */
export const DEFAULT_MAX_INPUT = 256 * 1024;
/** The input bound of a channel that carries a file of up to `fileBytes` as base64 (fileData), with room for the rest. */
export const fileInputBound = (fileBytes: number) => Math.ceil(fileBytes / 3) * 4 + 64 * 1024;

/** An object schema with fileData's base64 field: its channel's default bound is the file bound. */
function carriesFile(input: z.ZodType): boolean {
  const shape = (input as { shape?: Record<string, unknown> }).shape;
  return typeof shape === 'object' && shape !== null && 'dataBase64' in shape;
}

/**
 * ch<Output>()(inputSchema, { auth, admin, early, maxInput }). Without maxInput a channel takes DEFAULT_MAX_INPUT, or the
 * file bound when its input carries fileData.
 */
export function ch<O>() {
  return <I extends z.ZodType>(input: I, opts: { auth?: boolean; admin?: boolean; early?: boolean; maxInput?: number } = {}): Channel<I, O> => ({
    input,
    auth: opts.auth ?? true,
    admin: opts.admin ?? false,
    early: opts.early ?? false,
    maxInput: opts.maxInput ?? (carriesFile(input) ? fileInputBound(MAX_FILE_BYTES) : DEFAULT_MAX_INPUT),
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

/** The largest file a fileData channel takes (a roster workbook); photos have their own, smaller bound. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
// ~20 MB of file content as base64
export const fileData = z.object({
  fileName: z.string().min(1, { error: 'v.required' }).max(255),
  dataBase64: z.string().min(1, { error: 'v.required' }).max(Math.ceil(MAX_FILE_BYTES / 3) * 4, { error: 'v.tooLong' }),
});
