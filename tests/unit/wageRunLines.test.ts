// How a run's line is stored (electron/core/wage/runs/lines.ts, migration 013): compact components and sources read
// back as they were written — every applied combination in its order, raw values of each kind, the skill grade's
// record rebuilt from the line, a line with no records stored as NULL.
import { describe, expect, it } from 'vitest';
import { decodeComponents, decodeSources, encodeComponents, encodeSources } from '../../electron/core/wage/runs/lines';
import type { RunSourceRecord } from '../../shared/wage/runs/types';

describe('run lines, stored compactly', () => {
  it('components round-trip: raw as read (a list of events as its count), points, weighted, fen, what was applied', () => {
    const all = ['veto', 'cap', 'proRata', 'totalCap'] as const;
    const parts = [
      { code: 'SKILL', points: 6000, weighted: 1800, fen: 18000, applied: [] },
      { code: 'SAFE_TIME', points: 10000, weighted: 3000, fen: 0, applied: ['veto'] as const },
      { code: 'BEHAVIOUR', points: -300, weighted: -60, fen: -600, applied: ['proRata', 'totalCap'] as const },
      { code: 'HAZARDS', points: 6000, weighted: 1200, fen: 3333, applied: all },
      { code: 'CONTEST', points: 8550, weighted: 855, fen: 8550, applied: ['cap', 'proRata'] as const },
    ];
    const raw = { SKILL: '3', SAFE_TIME: 176.5, BEHAVIOUR: -3, HAZARDS: ['general', 'major', 'general'], CONTEST: null };
    const back = decodeComponents(encodeComponents(parts, raw), parts.map((p) => p.code));
    expect(back).toEqual([
      { code: 'SKILL', raw: '3', points: 6000, weighted: 1800, fen: 18000, applied: [] },
      { code: 'SAFE_TIME', raw: 176.5, points: 10000, weighted: 3000, fen: 0, applied: ['veto'] },
      { code: 'BEHAVIOUR', raw: -3, points: -300, weighted: -60, fen: -600, applied: ['proRata', 'totalCap'] },
      { code: 'HAZARDS', raw: 3, points: 6000, weighted: 1200, fen: 3333, applied: ['veto', 'cap', 'proRata', 'totalCap'] },
      { code: 'CONTEST', raw: null, points: 8550, weighted: 855, fen: 8550, applied: ['cap', 'proRata'] },
    ]);
    // a code missing from the raw values reads as no figure
    expect(decodeComponents(encodeComponents([parts[0]!], {}), ['SKILL'])[0]!.raw).toBeNull();
  });

  it('sources round-trip; the skill grade is rebuilt from the line; nothing to keep is NULL', () => {
    const tk: RunSourceRecord = { kind: 'timekeeping', id: 'tk1', date: '2026-11', label: '176h', value: 176 };
    const hz: RunSourceRecord = { kind: 'hazard', id: 'h1', date: '2026-11-06', label: 'YH-1 泵房地面油污', value: 'general' };
    const acc: RunSourceRecord = { kind: 'accident', id: 'a1', date: '2026-11-12', label: '二层平台（乙班）', value: 'minor_injury' };
    const roster: RunSourceRecord = { kind: 'roster', id: 'w1', date: null, label: '张三', value: 3 };
    const line = {
      workerId: 'w1',
      name: '张三',
      components: decodeComponents(
        encodeComponents(
          ['SKILL', 'SAFE_TIME', 'HAZARDS', 'BEHAVIOUR'].map((code) => ({ code, points: 0, weighted: 0, fen: 0, applied: [] })),
          { SKILL: '3', SAFE_TIME: 176, HAZARDS: ['general'], BEHAVIOUR: null },
        ),
        ['SKILL', 'SAFE_TIME', 'HAZARDS', 'BEHAVIOUR'],
      ),
    };
    const stored = encodeSources({ SKILL: [roster], SAFE_TIME: [tk], HAZARDS: [hz], BEHAVIOUR: [] }, [acc]);
    expect(stored).not.toContain('roster');
    expect(decodeSources(stored, line, new Set(['SKILL']))).toEqual({
      records: { SKILL: [roster], SAFE_TIME: [tk], HAZARDS: [hz], BEHAVIOUR: [] },
      vetoBy: [acc],
    });
    // only the grade (rebuilt) and no veto: nothing stored
    expect(encodeSources({ SKILL: [roster], BEHAVIOUR: [] }, [])).toBeNull();
    expect(decodeSources(null, line, new Set(['SKILL']))).toEqual({ records: { SKILL: [roster], SAFE_TIME: [], HAZARDS: [], BEHAVIOUR: [] }, vetoBy: [] });
    // no grade on the roster: no record
    const noGrade = { ...line, components: line.components.map((c) => (c.code === 'SKILL' ? { ...c, raw: null } : c)) };
    expect(decodeSources(null, noGrade, new Set(['SKILL'])).records.SKILL).toEqual([]);
  });
});
