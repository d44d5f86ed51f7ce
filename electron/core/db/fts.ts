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

/** The WHERE condition and its parameters for a search term, or null when the term is blank. */
export function textSearchCondition(raw: string, spec: TextSearchSpec): { sql: string; params: unknown[] } | null {
  const s = raw.trim();
  if (!s) return null;
  const rid = `${spec.probe ? '+' : ''}${spec.rowid}`;
  let cond: { sql: string; params: unknown[] };
  if ([...s].length >= 3) cond = { sql: `${rid} IN (SELECT rowid FROM ${spec.fts} WHERE ${spec.fts} MATCH ?)`, params: [ftsPhrase(s)] };
  else if (/^[\p{L}\p{N}]+$/u.test(s)) cond = { sql: `${rid} IN (SELECT rowid FROM ${spec.grams} WHERE ${spec.grams} MATCH ?)`, params: [ftsPhrase(s.toLowerCase())] };
  else return spec.scan(s);
  const extra = spec.alsoMatch?.(s);
  return extra ? { sql: `(${cond.sql} OR ${extra.sql})`, params: [...cond.params, ...extra.params] } : cond;
}
