// The warning the shell shows when the integrity check the core ran at start (app.integrity: the audit chain and its
// protective triggers) found problems: records may have been changed outside Ankang. Every operator sees it; an
// administrator gets the next steps, the others are asked to tell one. Nothing is shown while the check runs or when
// it cannot be asked (an older backend, a network error): the check is a warning, never a gate.
import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { IntegrityReport } from '../../../shared/app/types';
import { useT } from '../i18n';
import { call } from '../lib/api';

/** at most this many problems are listed; the rest are counted */
const SHOWN = 5;

export function IntegrityBanner({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  useEffect(() => {
    let live = true;
    call('app.integrity')
      .then((r) => live && setReport(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!report || report.problems.length === 0) return null;
  const shown = report.problems.slice(0, SHOWN);
  return (
    <Alert
      type="warning"
      showIcon
      banner
      closable={{ 'aria-label': t('common.close') }}
      data-testid="integrity-banner"
      role="alert"
      title={t('integrity.title')}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {shown.map((p, i) => (
              <li key={i}>{t(p.key, p.params)}</li>
            ))}
            {report.problems.length > SHOWN && <li>{t('integrity.more', { n: report.problems.length - SHOWN })}</li>}
          </ul>
          <Typography.Text type="secondary">{t(isAdmin ? 'integrity.adminHint' : 'integrity.operatorHint')}</Typography.Text>
        </>
      }
    />
  );
}
