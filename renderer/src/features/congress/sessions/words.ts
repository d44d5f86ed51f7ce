// The session's words the screens share: its title, and a vote's verdict in words with its base.
import type { SessionSummary, Vote } from '../../../../../shared/congress/sessions/types';
import type { TFunc } from '../../../i18n';

export function sessionTitle(t: TFunc, s: Pick<SessionSummary, 'termNumber' | 'seq'>): string {
  return t('congress.session.title', { term: s.termNumber, seq: s.seq });
}

/** "应到代表 90 人，赞成 45 票，未超过全体代表的半数（须至少 46 票），未通过。" — or the election's form. */
export function verdictText(t: TFunc, v: Pick<Vote, 'verdict' | 'counts' | 'entitled' | 'needed' | 'candidate'>): string | null {
  if (!v.verdict || !v.counts) return null;
  const vars = { base: v.entitled, yes: v.counts.yes, needed: v.needed, candidate: v.candidate ?? '' };
  if (v.verdict === 'noQuorum') return t('congress.verdict.noQuorum');
  return v.candidate ? t(`congress.elected.${v.verdict}`, vars) : t(`congress.verdict.${v.verdict}`, vars);
}

export const STATUS_COLOR: Record<SessionSummary['status'], string> = { preparing: 'default', issued: 'blue', in_session: 'green', closed: 'purple' };
