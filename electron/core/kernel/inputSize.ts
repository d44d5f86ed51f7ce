// The size of a call's input, measured before its schema parses anything: every channel has a bound
// (shared/kernel/channel.ts: maxInput), so a 100 MB string or a million-element array is refused at the door.

/**
 * About the size in bytes of `value` as JSON text (UTF-8; escapes not counted), measured without recursion and without
 * building the text. Counting stops as soon as it passes `limit`: the result is then some number above it, so a huge
 * or cyclic value costs no more than `limit` allows.
 */
export function jsonBytes(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    if (total > limit) return total;
    const v = stack.pop();
    if (v === undefined || v === null || typeof v === 'boolean') {
      total += 5;
    } else if (typeof v === 'number' || typeof v === 'bigint') {
      total += String(v).length;
    } else if (typeof v === 'string') {
      // a UTF-8 string is never shorter than its UTF-16 length: a long one is refused without being scanned
      total += 2 + (v.length > limit - total ? v.length : Buffer.byteLength(v, 'utf8'));
    } else if (ArrayBuffer.isView(v)) {
      // a typed array over a structured-clone transport (Electron IPC): its bytes, not its million indices
      total += v.byteLength;
    } else if (v instanceof ArrayBuffer) {
      total += v.byteLength;
    } else if (Array.isArray(v)) {
      // a (sparse) array longer than what is left is refused before it is walked
      total += 2 + v.length;
      if (total > limit) return total;
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else if (typeof v === 'object') {
      const keys = Object.keys(v);
      total += 2 + keys.length * 4;
      if (total > limit) return total;
      for (const k of keys) {
        total += k.length;
        stack.push((v as Record<string, unknown>)[k]);
      }
    } else {
      total += 8;
    }
  }
  return total;
}

/** "256 KB", "14 MB": a bound for a message. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round(n / 1024)} KB`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path ('a.b.0') of the first string (or key) in `value` holding a lone UTF-16 surrogate, or null. Such text has
 * no UTF-8 form: SQLite would store it mangled (it reads back as U+FFFD), so the data would silently differ from what
 * was sent — and from what the audit entry of the change was hashed over. Walked without recursion; call it on an
 * input whose size was already bounded (jsonBytes).
 */
export function loneSurrogatePath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  const join = (p: string, k: string | number) => (p ? `${p}.${k}` : String(k));
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return p;
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push([v[i], join(p, i)]);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer)) {
      for (const k of Object.keys(v)) {
        if (LONE_SURROGATE.test(k)) return join(p, k);
        stack.push([(v as Record<string, unknown>)[k], join(p, k)]);
      }
    }
  }
  return null;
}
