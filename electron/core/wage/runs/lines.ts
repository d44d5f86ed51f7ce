// How a run's line is stored (migration 013, wage_run_lines): compactly, since a year of runs at 5,000 workers writes
// 60,000 lines. `components`: a flat JSON array, five values per indicator in the order of the run's scheme content —
// raw, points, weighted, fen, and what was applied as bits (always applied in the order veto, cap, pro rata, total cap:
// shared/wage/rules.ts workerPeriod). `sources`: JSON { r: { code: records }, v: accidents of a veto }, each record a
// tuple [kind, id, date, label, value], or NULL when a line has none; the skill grade's record is the worker themself
// (kind 'roster', id and label of the line, the grade as its value), so it is not stored but rebuilt when read.
import type { ComponentResult, RawValue } from '../../../../shared/wage/rules';
import type { RunComponent, RunSourceRecord } from '../../../../shared/wage/runs/types';

type Applied = ComponentResult['applied'][number];
const APPLIED: readonly Applied[] = ['veto', 'cap', 'proRata', 'totalCap'];
const NOTHING_APPLIED: Applied[] = [];

export function appliedBits(applied: readonly Applied[]): number {
  let bits = 0;
  for (const a of applied) bits |= 1 << APPLIED.indexOf(a);
  return bits;
}

function appliedOf(bits: number): Applied[] {
  if (bits === 0) return NOTHING_APPLIED.slice();
  const out: Applied[] = [];
  for (let i = 0; i < APPLIED.length; i++) if (bits & (1 << i)) out.push(APPLIED[i]!);
  return out;
}

/**
 * The stored `components` of a line: per indicator (in the scheme content's order) the raw value as read — a list of
 * events as its count — points, weighted points, fen and the applied bits.
 */
export function encodeComponents(
  parts: readonly { code: string; points: number; weighted: number; fen: number; applied: readonly Applied[] }[],
  raw: Readonly<Record<string, RawValue>>,
): string {
  const flat: (number | string | null)[] = [];
  for (const c of parts) {
    const r = raw[c.code] ?? null;
    flat.push(Array.isArray(r) ? r.length : (r as number | string | null), c.points, c.weighted, c.fen, c.applied.length === 0 ? 0 : appliedBits(c.applied));
  }
  return JSON.stringify(flat);
}

export function decodeComponents(stored: string, codes: readonly string[]): RunComponent[] {
  const flat = JSON.parse(stored) as (number | string | null)[];
  return codes.map((code, i) => ({
    code,
    raw: flat[i * 5] ?? null,
    points: flat[i * 5 + 1] as number,
    weighted: flat[i * 5 + 2] as number,
    fen: flat[i * 5 + 3] as number,
    applied: appliedOf(flat[i * 5 + 4] as number),
  }));
}

type RecordTuple = [RunSourceRecord['kind'], string, string | null, string, number | string | null];
const tuple = (r: RunSourceRecord): RecordTuple => [r.kind, r.id, r.date, r.label, r.value];
const record = (t: RecordTuple): RunSourceRecord => ({ kind: t[0], id: t[1], date: t[2], label: t[3], value: t[4] });

/** The stored `sources` of a line (null: nothing to store); the roster's record of the worker is left out. */
export function encodeSources(records: Readonly<Record<string, readonly RunSourceRecord[]>>, vetoBy: readonly RunSourceRecord[]): string | null {
  let r: Record<string, RecordTuple[]> | null = null;
  for (const code in records) {
    const list = records[code]!;
    for (const rec of list) {
      if (rec.kind === 'roster') continue;
      r ??= {};
      (r[code] ??= []).push(tuple(rec));
    }
  }
  if (r === null && vetoBy.length === 0) return null;
  return JSON.stringify(vetoBy.length === 0 ? { r } : { r, v: vetoBy.map(tuple) });
}

/**
 * The records behind each component and the accidents of a veto, as when calculated. `roster` rebuilds the skill
 * grade's record for the indicators read from the roster (their raw value is the grade).
 */
export function decodeSources(
  stored: string | null,
  line: { workerId: string; name: string; components: readonly RunComponent[] },
  rosterCodes: ReadonlySet<string>,
): { records: Record<string, RunSourceRecord[]>; vetoBy: RunSourceRecord[] } {
  const parsed = stored === null ? null : (JSON.parse(stored) as { r: Record<string, RecordTuple[]> | null; v?: RecordTuple[] });
  const records: Record<string, RunSourceRecord[]> = {};
  for (const c of line.components) {
    if (rosterCodes.has(c.code)) records[c.code] = c.raw === null ? [] : [{ kind: 'roster', id: line.workerId, date: null, label: line.name, value: Number(c.raw) }];
    else records[c.code] = (parsed?.r?.[c.code] ?? []).map(record);
  }
  return { records, vetoBy: (parsed?.v ?? []).map(record) };
}
