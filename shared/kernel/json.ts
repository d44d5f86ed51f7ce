// Bounds for free-form JSON that crosses the boundary (drafts, saved-view queries): measured without recursion,
// so a hostile 5,000-deep value is refused as a VALIDATION error instead of overflowing the stack.
export interface JsonBounds {
  maxDepth: number;
  maxNodes: number;
  maxStringLength: number;
}

/** null when within bounds, else the problem: 'depth' | 'size' | 'type'. */
export function jsonProblem(value: unknown, b: JsonBounds): 'depth' | 'size' | 'type' | null {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
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
      if (v.length > b.maxStringLength) return 'size';
      continue;
    }
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, depth + 1]);
      continue;
    }
    if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return 'type';
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k.length > b.maxStringLength) return 'size';
        stack.push([x, depth + 1]);
      }
      continue;
    }
    return 'type';
  }
  return null;
}
