// The month shown has an approved run (审批): changing its records does not change what was approved — the run must be
// calculated again (重新核算). The records tab reads the period's runs once per month shown (and after each save, for
// the stale mark), shows a banner with a link to the run, and every save in such a month says so in its success message.
import { Alert, Typography } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { RunSummary } from '../../../../../shared/wage/runs/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';

/** The approved run of a period (the newest approved version), null when none; reload() after a save. */
export function useApprovedRun(period: string): { run: RunSummary | null; reload(): void } {
  const [run, setRun] = useState<RunSummary | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    call('wage.runs', { period, current: true }).then(
      (runs) => live && setRun(runs.filter((r) => r.state === 'approved').sort((a, b) => b.version - a.version)[0] ?? null),
      // no runs to read (an older backend, no right): nothing to warn about
      () => live && setRun(null),
    );
    return () => {
      live = false;
    };
  }, [period, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { run, reload };
}

interface Saved {
  /** said after a save's success message, or null when the month has no approved run */
  note: string | null;
  /** called after every save (the banner re-reads the run's stale mark) */
  saved(): void;
}
const SavedContext = createContext<Saved>({ note: null, saved: () => undefined });
export const SavedProvider = SavedContext.Provider;

/** A save's success text: with the approved run's note when the month has one (and the banner re-read). */
export function useSavedText(): (said: string) => string {
  const t = useT();
  const { note, saved } = useContext(SavedContext);
  return useCallback(
    (said: string) => {
      saved();
      return note ? t('wage.rec.savedAnd', { said, note }) : said;
    },
    [note, saved, t],
  );
}

export function ApprovedBanner({ run }: { run: RunSummary }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="wage-approved-banner"
      style={{ marginBottom: 12 }}
      title={t('wage.rec.approved', { n: run.version })}
      description={
        <>
          {run.stale && <Typography.Text>{t('wage.rec.approvedStale')} </Typography.Text>}
          <a href={`#/wage/runs/${run.period}`}>{t('wage.rec.approvedOpen')}</a>
        </>
      }
    />
  );
}
