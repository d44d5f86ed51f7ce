// The records tab of the skill-level wage (#/wage/records/<YYYY-MM>): the month shown (in the address, so Back and
// reload keep it), then one section per kind of record — safe production time (timekeeping), behaviour records,
// accidents and the manual monthly figures. A record named in the address (#/wage/records/<YYYY-MM>/behaviour/<id>,
// …/accident/<id>) opens. Union officers, safety officers and administrators write; everyone else reads. A month with
// an approved run says that its records changing means calculating it again.
import { Alert, Button, DatePicker, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useRoute, useRouter } from '../../../app/router';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { parseWageId, wageId, type WageRecordKind } from '../tabs';
import { AccidentsSection } from './AccidentsSection';
import { ApprovedBanner, SavedProvider, useApprovedRun } from './approved';
import { BehaviourSection } from './BehaviourSection';
import { addMonths, thisMonth, useCanRecord } from './common';
import { ImportButton } from './ImportDialog';
import { ManualSection } from './ManualSection';
import { TimekeepingSection } from './TimekeepingSection';

const SECTIONS = ['timekeeping', 'behaviour', 'accidents', 'manual'] as const;
type Section = (typeof SECTIONS)[number];
const REMEMBER = 'ankang.wage.records';
const SECTION_OF: Record<WageRecordKind, Section> = { behaviour: 'behaviour', accident: 'accidents' };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The section and month last shown in this tab (kept for the browser tab's life). */
function remembered(): { section: Section; period: string } {
  try {
    const v = JSON.parse(sessionStorage.getItem(REMEMBER) ?? 'null') as { section?: string; period?: string } | null;
    const section = SECTIONS.find((s) => s === v?.section) ?? 'timekeeping';
    const period = v?.period && MONTH.test(v.period) && v.period <= thisMonth() ? v.period : thisMonth();
    return { section, period };
  } catch {
    return { section: 'timekeeping', period: thisMonth() };
  }
}

function remember(v: { section: Section; period: string }) {
  try {
    sessionStorage.setItem(REMEMBER, JSON.stringify(v));
  } catch {
    /* storage unavailable */
  }
}

/** Whether the roster has anyone at all (null while asking): with nobody there is nobody to record. */
function useRosterEmpty(): boolean | null {
  const [empty, setEmpty] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    call('workers.list', { pageSize: 1 }).then(
      (p) => live && setEmpty(p.total === 0),
      () => live && setEmpty(false),
    );
    return () => {
      live = false;
    };
  }, []);
  return empty;
}

export function RecordsTab() {
  const t = useT();
  const canRecord = useCanRecord();
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const address = parseWageId(route.page === 'wage' ? route.id : null);
  const [state, setState] = useState(remembered);
  // the address's month wins (a link, Back, reload); a month to come is shown as this month
  const period = address.period ? (address.period <= thisMonth() ? address.period : thisMonth()) : state.period;
  const opened = address.record;
  const section = opened ? SECTION_OF[opened.kind] : state.section;
  // an import's commit shows the sections again with what it wrote
  const [imported, setImported] = useState(0);
  const approved = useApprovedRun(period);
  const rosterEmpty = useRosterEmpty();
  const saved = useMemo(
    () => ({ note: approved.run ? t('wage.rec.approvedNote', { n: approved.run.version }) : null, saved: approved.reload }),
    [approved.run, approved.reload, t],
  );

  const setSection = (s: Section) => {
    const next = { section: s, period };
    setState(next);
    remember(next);
    // a record opened from the address closes when another section is chosen
    if (opened) navigate({ page: 'wage', id: wageId({ tab: 'records', period }) }, { replace: true });
  };
  /** a new month: a new history entry (Back returns to the month before) */
  const setPeriod = (p: string) => {
    const next = { section, period: p };
    setState(next);
    remember(next);
    navigate({ page: 'wage', id: wageId({ tab: 'records', period: p }) });
  };
  // an address without the month (#/wage, #/wage/records) gets the month shown, in place: Back to this entry shows it again
  // (only while the address is this tab's: not on the way to another tab)
  const needsMonth = route.page === 'wage' && (address.tab === null || address.tab === 'records') && !address.period;
  useEffect(() => {
    if (needsMonth) navigate({ page: 'wage', id: wageId({ tab: 'records', period }) }, { replace: true });
  }, [needsMonth, navigate, period]);
  /** the record named in the address was closed: the month's address again (no new entry) */
  const closeOpened = () => navigate({ page: 'wage', id: wageId({ tab: 'records', period }) }, { replace: true });

  return (
    <SavedProvider value={saved}>
      <div style={{ paddingBottom: 24 }}>
        <Space wrap size={12} style={{ marginBottom: 12 }}>
          <Segmented
            aria-label={t('wage.rec.sections')}
            value={section}
            onChange={(v) => setSection(v as Section)}
            options={SECTIONS.map((s) => ({ value: s, label: <span data-testid={`wage-section-${s}`}>{t(`wage.rec.section.${s}`)}</span> }))}
          />
          <Space size={4}>
            <Typography.Text type="secondary">{t('wage.rec.month')}</Typography.Text>
            <Button size="small" aria-label={t('wage.rec.prevMonth')} onClick={() => setPeriod(addMonths(period, -1))}>
              ‹
            </Button>
            <DatePicker
              picker="month"
              aria-label={t('wage.rec.month')}
              data-testid="wage-month"
              allowClear={false}
              value={dayjs(`${period}-01`)}
              format="YYYY-MM"
              onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
              // records are of months that have begun: time cannot be recorded for a month to come
              disabledDate={(d) => d.format('YYYY-MM') > thisMonth()}
              style={{ width: 120 }}
            />
            <Button size="small" aria-label={t('wage.rec.nextMonth')} disabled={period >= thisMonth()} onClick={() => setPeriod(addMonths(period, 1))}>
              ›
            </Button>
          </Space>
          {canRecord && section !== 'manual' && <ImportButton kind={section} onDone={() => setImported((n) => n + 1)} />}
        </Space>
        {rosterEmpty && (
          <Alert
            type="warning"
            showIcon
            data-testid="wage-roster-empty"
            style={{ marginBottom: 12 }}
            title={t('wage.rec.rosterEmpty')}
            description={<a href="#/roster">{t('wage.rec.rosterOpen')}</a>}
          />
        )}
        {approved.run && <ApprovedBanner run={approved.run} />}
        {!canRecord && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('wage.rec.readOnly')} />}
        <div key={imported}>
          {section === 'timekeeping' && <TimekeepingSection period={period} canRecord={canRecord} rosterEmpty={rosterEmpty === true} />}
          {section === 'behaviour' && (
            <BehaviourSection period={period} canRecord={canRecord} openId={opened?.kind === 'behaviour' ? opened.id : null} onOpenedClose={closeOpened} />
          )}
          {section === 'accidents' && (
            <AccidentsSection period={period} canRecord={canRecord} openId={opened?.kind === 'accident' ? opened.id : null} onOpenedClose={closeOpened} />
          )}
        </div>
        {section === 'manual' && <ManualSection period={period} canRecord={canRecord} />}
      </div>
    </SavedProvider>
  );
}
