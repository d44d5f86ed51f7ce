// Bounds for free-form JSON (drafts, saved-view queries), measured without recursion.
import { expect, it } from 'vitest';
import { jsonProblem } from '../../shared/kernel/json';

const B = { maxDepth: 8, maxNodes: 5_000, maxStringLength: 20_000, maxTotalChars: 200_000 };

it('accepts a form-sized object', () => {
  expect(jsonProblem({ description: '配电箱门未关'.repeat(50), photos: ['a', 'b'], lec: { l: 1, e: 2, c: 3 }, ok: true, n: null }, B)).toBeNull();
});

it('refuses depth, size, total characters, long strings and non-plain values', () => {
  let deep: Record<string, unknown> = {};
  for (let i = 0; i < 5000; i++) deep = { d: deep };
  expect(jsonProblem(deep, B)).toBe('depth');
  expect(jsonProblem({ a: Array.from({ length: 6000 }, () => 1) }, B)).toBe('size');
  // many strings each under the per-string limit but over the total
  expect(jsonProblem({ a: Array.from({ length: 20 }, () => 'x'.repeat(19_999)) }, B)).toBe('size');
  expect(jsonProblem({ a: 'x'.repeat(20_001) }, B)).toBe('size');
  expect(jsonProblem({ a: new Date() }, B)).toBe('type');
  expect(jsonProblem({ a: Number.NaN }, B)).toBe('type');
});

it('refuses a huge sparse array at once, without walking it', () => {
  const sparse: unknown[] = [];
  sparse.length = 2 ** 31;
  const t0 = Date.now();
  expect(jsonProblem({ a: sparse }, B)).toBe('size');
  expect(Date.now() - t0).toBeLessThan(100);
});
