// The skill-level wage (#/wage, #/wage/<tab>[/<YYYY-MM>…]): one page, one tab per area (./tabs.ts), each loaded lazily.
// The open tab is the route's id's first segment, so Back/Forward and reload keep it. Above the tabs, once for the
// page, the way through in one line (花名册 → 记录 → 方案 → 职代会通过 → 生效 → 月度核算 → 审批 → 发放), each step a
// link marked done from the data (a handful of cheap reads).
import { CheckCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { Fragment, useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useRoute } from '../../app/router';
import { lazyTabs, TabbedPage } from '../../app/TabbedPage';
import { call } from '../../lib/api';
import { parseWageId, WAGE_TABS } from './tabs';

const LAZY = lazyTabs(WAGE_TABS);

export const WAY_STEPS = ['roster', 'records', 'scheme', 'congress', 'effective', 'run', 'approved', 'paid'] as const;
type WayStep = (typeof WAY_STEPS)[number];
const WAY_HREF: Record<WayStep, string> = {
  roster: '#/roster',
  records: '#/wage/records',
  scheme: '#/wage/schemes',
  congress: '#/wage/schemes',
  effective: '#/wage/schemes',
  run: '#/wage/runs',
  approved: '#/wage/runs',
  paid: '#/wage/runs',
};

/** Which steps are done, read from the data; a read that fails counts as not done. */
function useWayDone(): Partial<Record<WayStep, boolean>> | null {
  const [done, setDone] = useState<Partial<Record<WayStep, boolean>> | null>(null);
  useEffect(() => {
    let live = true;
    const period = dayjs().format('YYYY-MM');
    const safe = <T,>(p: Promise<T>): Promise<T | null> => p.catch(() => null);
    void Promise.all([
      safe(call('workers.list', { pageSize: 1 })),
      safe(call('wage.timekeeping', { period, search: '' })),
      safe(call('wage.schemes', {})),
      safe(call('wage.dashboard', {})),
    ]).then(([workers, tk, schemes, dash]) => {
      if (!live) return;
      const states = new Set((schemes ?? []).map((s) => s.state));
      const run = dash?.run ?? null;
      setDone({
        // the first-run wizard makes one worker (the first operator): the roster counts as filled beyond that one
        roster: (workers?.total ?? 0) > 1,
        records: (tk?.length ?? 0) > 0 || run !== null,
        scheme: (schemes?.length ?? 0) > 0,
        congress: states.has('adopted') || states.has('effective') || states.has('superseded'),
        effective: states.has('effective'),
        run: run !== null,
        approved: run?.state === 'approved',
        // the hand-over of the pay is not recorded: never marked done
        paid: false,
      });
    });
    return () => {
      live = false;
    };
  }, []);
  return done;
}

function WayThrough() {
  const t = useT();
  const done = useWayDone();
  // the step to do next: the first not done
  const next = done ? WAY_STEPS.find((s) => !done[s]) : undefined;
  return (
    <nav aria-label={t('wage.way.label')} data-testid="wage-way" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6, padding: '10px 0 2px', fontSize: 13 }}>
      <Typography.Text type="secondary">{t('wage.way.label')}：</Typography.Text>
      {WAY_STEPS.map((s, i) => (
        <Fragment key={s}>
          {i > 0 && (
            <Typography.Text type="secondary" aria-hidden>
              →
            </Typography.Text>
          )}
          <a
            href={WAY_HREF[s]}
            data-testid={`wage-way-${s}`}
            data-done={done?.[s] ? 'true' : 'false'}
            aria-label={`${t(`wage.way.${s}`)}${done?.[s] ? `（${t('wage.way.done')}）` : s === next ? `（${t('wage.way.next')}）` : ''}`}
            style={{ fontWeight: s === next ? 600 : undefined, color: done?.[s] ? '#0f766e' : undefined }}
          >
            {done?.[s] && <CheckCircleFilled style={{ marginRight: 3 }} />}
            {t(`wage.way.${s}`)}
          </a>
        </Fragment>
      ))}
    </nav>
  );
}

export function WagePage() {
  const route = useRoute();
  // #/wage/<tab>[/<YYYY-MM>[/<kind>/<id>]]: the tab is the id's first segment (the rest is the tab's own)
  const tab = route.page === 'wage' ? parseWageId(route.id).tab : null;
  return <TabbedPage page="wage" tabs={WAGE_TABS} lazies={LAZY} tab={tab} ariaLabel="wage.page.tabs" header={<WayThrough />} />;
}
