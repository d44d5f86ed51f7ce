// Small pieces the walls tab shares: who may keep the walls, the section and state tags, the undo note after a delete,
// the date helpers of its forms.
import { Tag } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import dayjs from 'dayjs';
import { WALL_SECTIONS, WALL_WRITERS, type WallSection } from '../../../../../shared/education/kinds';
import type { WallState } from '../../../../../shared/education/walls/types';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { useSession } from '../../../app/session';
import type { TFunc } from '../../../i18n';
import { showUndoNote } from '../../../components/undoNote';

/** Union officers, team leaders, safety officers and administrators keep the walls (the backend refuses the rest). */
export function useCanKeepWalls(): boolean {
  const operator = useSession((s) => s.operator);
  return operator ? holdsAnyRole(operator, WALL_WRITERS) : false;
}

export function useIsAdmin(): boolean {
  return useSession((s) => s.operator?.isAdmin ?? false);
}

export const SECTION_COLOR: Record<WallSection, string> = { knowledge: 'blue', accident_cases: 'red', slogans: 'gold', stories: 'green', tips: 'purple' };

export function SectionTags({ sections, t }: { sections: readonly WallSection[]; t: TFunc }) {
  return (
    <>
      {WALL_SECTIONS.filter((s) => sections.includes(s)).map((s) => (
        <Tag key={s} color={SECTION_COLOR[s]}>
          {t(`edu.wall.section.${s}`)}
        </Tag>
      ))}
    </>
  );
}

export function StateTag({ state, t }: { state: WallState; t: TFunc }) {
  return <Tag color={state === 'current' ? 'green' : 'orange'}>{t(`edu.wall.state.${state}`)}</Tag>;
}

/** Today as the user's calendar has it. */
export const today = () => dayjs().format('YYYY-MM-DD');
/** A form field holding an ISO date (YYYY-MM-DD) shown in a DatePicker. */
export const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined),
};
/** An update is of something done: dates after today cannot be chosen. */
export const afterToday = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') > today();

/** After a delete: "已删除 …" with an Undo button for a few seconds. */
export function undoNote(message: MessageInstance, t: TFunc, key: string, what: string, undo: () => Promise<unknown>, after: () => unknown) {
  showUndoNote(message, t, { key, deleted: t('edu.wall.deletedNote', { what }), restored: t('edu.wall.restored') }, undo, after);
}

/** A wall as one line: "合成车间 / 甲班 · 东墙". */
export function wallLabel(w: { unitName: string; workshopName: string | null; name: string | null; location: string }): string {
  return `${[w.workshopName, w.unitName].filter(Boolean).join(' / ')} · ${w.name ?? w.location}`;
}
