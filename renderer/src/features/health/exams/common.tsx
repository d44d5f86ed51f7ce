// What the exams tab's parts share: who may record, the tab's addresses, a conclusion in words, the undo note.
import type { MessageInstance } from 'antd/es/message/interface';
import { HEALTH_WRITERS } from '../../../../../shared/health/kinds';
import type { Exam } from '../../../../../shared/health/exams/types';
import { readsHealthResults } from '../../../../../shared/health/privacy';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { useSession } from '../../../app/session';
import type { TFunc } from '../../../i18n';
import { showUndoNote } from '../../../components/undoNote';

/** OH managers, safety officers, union officers and administrators record (the backend refuses the rest). */
export function useCanRecordHealth(): boolean {
  const operator = useSession((s) => s.operator);
  return operator ? holdsAnyRole(operator, HEALTH_WRITERS) : false;
}

/** Exam conclusions and health files: HEALTH_RESULT_READERS only (shared/health/privacy.ts; the backend refuses the rest). */
export function useReadsHealthResults(): boolean {
  const operator = useSession((s) => s.operator);
  return readsHealthResults(operator);
}

/** The health route's id of the exams tab, with a batch opened (for one worker): exams[/batch/<id>[/<workerId>]]. */
export const examsRouteId = (batchId: string | null, workerId: string | null = null) => (batchId ? `exams/batch/${batchId}${workerId ? `/${workerId}` : ''}` : 'exams');

/** 复查（纯音听阈，2026-05-30 前） / 职业禁忌证（高血压） / 目前未见异常 */
export function conclusionText(e: Pick<Exam, 'conclusion' | 'recheckItems' | 'recheckDue' | 'contraindication' | 'detail'>, t: TFunc): string {
  const label = t(`health.exam.conclusion.${e.conclusion}`);
  if (e.conclusion === 'recheck') return `${label}（${e.recheckItems ?? ''}${t('common.listSep')}${e.recheckDue ?? ''}）`;
  if (e.conclusion === 'contraindication') return `${label}（${e.contraindication ?? ''}）`;
  if (e.conclusion !== 'normal' && e.detail) return `${label}（${e.detail}）`;
  return label;
}

export const CONCLUSION_COLOR: Record<Exam['conclusion'], string> = { normal: 'green', recheck: 'gold', suspected: 'red', contraindication: 'volcano', other: 'blue' };

/** "Deleted …" with an Undo button for a few seconds. */
export function undoNote(message: MessageInstance, t: TFunc, key: string, what: string, undo: () => Promise<unknown>, after: () => unknown) {
  showUndoNote(message, t, { key, deleted: t('health.exams.deleted', { what }), restored: t('health.exams.restored') }, undo, after);
}
