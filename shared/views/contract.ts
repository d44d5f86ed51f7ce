// Saved views (named list queries) and form drafts, for any module: `kind` names the list or form
// ('hazards', later 'congress', 'wage'…); the backend checks the kind is registered and, for views, parses the
// query with that kind's query schema.
import { z } from 'zod';
import { byId, ch, defineContract } from '../kernel/channel';
import { jsonProblem } from '../kernel/json';
import { reqText } from '../kernel/schemas';
import type { SavedView } from './types';

export const kindSchema = z.string({ error: 'v.invalid' }).regex(/^[a-z][a-zA-Z0-9]{0,31}$/, { error: 'v.invalid' });

/** A plain JSON object no deeper than 8 levels and no bigger than ~2,000 values. */
function boundedObject(maxNodes: number) {
  return z.record(z.string().max(100), z.unknown()).superRefine((v, ctx) => {
    const p = jsonProblem(v, { maxDepth: 8, maxNodes, maxStringLength: 20_000, maxTotalChars: 200_000 });
    if (p) ctx.addIssue({ code: 'custom', message: p === 'size' ? 'v.tooLong' : 'v.invalid' });
  });
}

export const viewsContract = defineContract(['views', 'drafts'], {
  'views.list': ch<SavedView[]>()(z.object({ kind: kindSchema }).strict()),
  // a saved query is a handful of filters; the audit keeps it forever
  'views.save': ch<SavedView>()(z.object({ kind: kindSchema, name: reqText(40), query: boundedObject(200) }).strict(), { maxInput: 16 * 1024 }),
  'views.remove': ch<{ id: string }>()(byId),
  'drafts.get': ch<{ data: unknown | null; savedAt: string | null }>()(z.object({ kind: kindSchema }).strict()),
  'drafts.save': ch<{ savedAt: string }>()(z.object({ kind: kindSchema, data: boundedObject(5_000) }).strict()),
  'drafts.clear': ch<{ cleared: boolean }>()(z.object({ kind: kindSchema }).strict()),
});
