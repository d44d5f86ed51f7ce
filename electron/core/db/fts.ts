// Full-text search shared by every module's lists: FTS5 trigram for terms of three or more characters (substring
// search without a word segmenter), a character/pair index for one or two letters or digits (a two-character name),
// and a scan for short terms with punctuation, which neither index holds.

/** A user's term as one FTS5 phrase (quotes doubled), so operators and punctuation in it are literal. */
export function ftsPhrase(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export interface TextSearchSpec {
  /** the row id expression of the listed table, e.g. 'h.rid' */
  rowid: string;
  /** the trigram FTS5 table (rowid = the listed row's rowid) */
  fts: string;
  /** the character/pair FTS5 table (tokens from ankang_grams()) */
  grams: string;
  /** walk another index and probe the hit set (prefix the rowid with '+') — when a filter narrows the list more */
  probe?: boolean;
  /** the scan used for a short term with punctuation: SQL with '?' for the term (lower-cased when lower is set) */
  scan(term: string): { sql: string; params: unknown[] };
  /** an extra alternative ORed with the index match (e.g. digits inside a phone number, kept out of the index) */
  alsoMatch?(term: string): { sql: string; params: unknown[] } | null;
}

/** The index that answers a term — the trigram table (3+ characters) or the character/pair table (1–2 letters or
 *  digits) with the MATCH phrase — or null when the term is blank or only a scan can answer it. */
export function textSearchIndex(raw: string, spec: Pick<TextSearchSpec, 'fts' | 'grams'>): { table: string; phrase: string } | null {
  const s = raw.trim();
  if (!s) return null;
  if ([...s].length >= 3) return { table: spec.fts, phrase: ftsPhrase(s) };
  if (/^[\p{L}\p{N}]+$/u.test(s)) return { table: spec.grams, phrase: ftsPhrase(s.toLowerCase()) };
  return null;
}

/** How many rows of the index hold the term, counting no further than `cap` (cheap: reads at most cap row ids). */
export function textHitsUpTo(index: { table: string; phrase: string }, cap: number): { sql: string; params: unknown[] } {
  return { sql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${index.table} WHERE ${index.table} MATCH ? LIMIT ?)`, params: [index.phrase, cap] };
}

/** The WHERE condition and its parameters for a search term, or null when the term is blank. */
export function textSearchCondition(raw: string, spec: TextSearchSpec): { sql: string; params: unknown[] } | null {
  const s = raw.trim();
  if (!s) return null;
  const rid = `${spec.probe ? '+' : ''}${spec.rowid}`;
  const index = textSearchIndex(s, spec);
  if (!index) return spec.scan(s);
  const cond = { sql: `${rid} IN (SELECT rowid FROM ${index.table} WHERE ${index.table} MATCH ?)`, params: [index.phrase] as unknown[] };
  const extra = spec.alsoMatch?.(s);
  return extra ? { sql: `(${cond.sql} OR ${extra.sql})`, params: [...cond.params, ...extra.params] } : cond;
}
