// Full-text search helpers shared by every module's queries (FTS5 trigram for ≥ 3 characters, a character/pair
// index for 1–2 characters).

/** A user's term as one FTS5 phrase (quotes doubled), so operators and punctuation in it are literal. */
export function ftsPhrase(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
