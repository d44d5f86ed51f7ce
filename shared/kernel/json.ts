// Bounds for free-form JSON that crosses the boundary (drafts, saved-view queries): measured without recursion,
// so a hostile 5,000-deep value is refused as a VALIDATION error instead of overflowing the stack.
export interface JsonBounds {
  maxDepth: number;
  maxNodes: number;
  maxStringLength: number;
  /** all strings and keys together, in characters */
  maxTotalChars?: number;
}

/** null when within bounds, else the problem: 'depth' | 'size' | 'type'. */
export function jsonProblem(value: unknown, b: JsonBounds): 'depth' | 'size' | 'type' | null {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  let chars = 0;
  const maxChars = b.maxTotalChars ?? Infinity;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > b.maxNodes) return 'size';
    if (depth > b.maxDepth) return 'depth';
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'type';
      continue;
    }
    if (typeof v === 'string') {
      chars += v.length;
      if (v.length > b.maxStringLength || chars > maxChars) return 'size';
      continue;
    }
    if (Array.isArray(v)) {
      // a (sparse) array longer than what is left of the budget is refused before it is walked
      if (nodes + stack.length + v.length > b.maxNodes) return 'size';
      for (const x of v) stack.push([x, depth + 1]);
      continue;
    }
    if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return 'type';
      const entries = Object.entries(v as Record<string, unknown>);
      if (nodes + stack.length + entries.length > b.maxNodes) return 'size';
      for (const [k, x] of entries) {
        chars += k.length;
        if (k.length > b.maxStringLength || chars > maxChars) return 'size';
        stack.push([x, depth + 1]);
      }
      continue;
    }
    return 'type';
  }
  return null;
}
