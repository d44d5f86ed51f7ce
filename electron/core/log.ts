// Minimal logger: stderr, so stdout stays clean for CLI output (--json).
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
let quiet = Boolean(process.env.VITEST);
export function setQuiet(q: boolean) {
  quiet = q;
}
export function log(level: LogLevel, msg: string, extra?: unknown) {
  if (quiet && level !== 'error') return;
  if (level === 'debug' && !process.env.ANKANG_DEBUG) return;
  const line = `[${new Date().toISOString()}] ${level.toUpperCase()} ${msg}`;
  if (extra !== undefined) console.error(line, extra);
  else console.error(line);
}
