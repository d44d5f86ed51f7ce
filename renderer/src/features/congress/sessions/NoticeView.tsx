// 厂务公开: the session's attendance and announced results with their base and verdict, as a page to print.
import { App, Button, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PublicNotice } from '../../../../../shared/congress/sessions/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { localToday } from '../reps/common';
import { verdictText } from './words';

export function NoticeView({ sessionId }: { sessionId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [n, setN] = useState<PublicNotice | null>(null);
  useEffect(() => {
    call('congress.sessionNotice', { id: sessionId }).then(setN, (e: unknown) => message.error(errorText(e, t)));
  }, [sessionId, message, t]);
  if (!n) return <Skeleton active />;
  return (
    <div>
      <Button onClick={() => window.print()} style={{ marginBottom: 12 }}>
        {t('congress.publicNotice.print')}
      </Button>
      <article data-testid="public-notice" style={{ maxWidth: 800, padding: 24, border: '1px solid #d9d9d9', background: '#fff', fontSize: 16, lineHeight: 1.8 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('congress.publicNotice.title')}
        </Typography.Title>
        <p>
          {t('congress.publicNotice.lead', {
            enterprise: n.enterprise,
            term: n.termNumber,
            seq: n.seq,
            date: n.date,
            place: n.place ?? '',
            entitled: n.counts.entitled,
            present: n.counts.present,
            leave: n.counts.leave,
            absent: n.counts.absent,
          })}
        </p>
        {n.results.length === 0 ? (
          <p>{t('congress.publicNotice.none')}</p>
        ) : (
          <ol>
            {n.results.map((r, k) => (
              <li key={k}>
                <strong>{r.itemTitle}</strong>
                <div>{t('congress.vote.tally', r.counts as unknown as Record<string, number>)}</div>
                <div>{verdictText(t, { verdict: r.verdict, counts: r.counts, entitled: r.base, needed: r.needed, candidate: r.candidate })}</div>
                {r.resolution && <div>{`${t('congress.agenda.resolution')}：${r.resolution}`}</div>}
              </li>
            ))}
          </ol>
        )}
        <p style={{ textAlign: 'right' }}>{t('congress.publicNotice.sign', { enterprise: n.enterprise, date: localToday() })}</p>
      </article>
    </div>
  );
}
