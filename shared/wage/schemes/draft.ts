// A new scheme draft from catalogue entries: their rules copied, their weights scaled to add up to exactly 100 (largest
// remainder), a point value of 1 元 a point, no caps, a veto on serious injuries and deaths, pro rata on. The backend
// and the renderer tests' fake build drafts with the same function.
import type { IndicatorDef } from '../catalogue';
import type { SchemeContent } from './types';

/** Whole per cents adding up to exactly 100, in proportion to `weights` (all zero: equal shares). */
export function scaleWeights(weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const base = weights.every((w) => w <= 0) ? weights.map(() => 1) : weights.map((w) => Math.max(0, w));
  const sum = base.reduce((s, w) => s + w, 0);
  const exact = base.map((w) => (w * 100) / sum);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((s, w) => s + w, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

export const DEFAULT_FEN_PER_POINT = 100;

export function draftContent(entries: readonly IndicatorDef[]): SchemeContent {
  const weights = scaleWeights(entries.map((e) => e.weightPct));
  return {
    indicators: entries.map((e, i) => ({
      code: e.code,
      name: { ...e.name },
      unit: { ...e.unit },
      source: e.source,
      rule: structuredClone(e.rule),
      weightPct: weights[i]!,
      safety: e.safety,
      capFen: null,
    })),
    money: { kind: 'pointValue', fenPerPoint: DEFAULT_FEN_PER_POINT },
    totalCapFen: null,
    veto: { severities: ['serious_injury', 'death'], team: false },
    proRata: true,
  };
}
