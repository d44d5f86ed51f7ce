// The records tab of the skill-level wage (#/wage): the month shown, then one section per kind of record — safe
// production time (timekeeping), behaviour records, accidents and the manual monthly figures. Union officers, safety
// officers and administrators write; everyone else reads.
import { Alert, Button, DatePicker, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../i18n';
import { AccidentsSection } from './AccidentsSection';
import { BehaviourSection } from './BehaviourSection';
import { addMonths, thisMonth, useCanRecord } from './common';
import { ImportButton } from './ImportDialog';
import { ManualSection } from './ManualSection';
import { TimekeepingSection } from './TimekeepingSection';

const SECTIONS = ['timekeeping', 'behaviour', 'accidents', 'manual'] as const;
type Section = (typeof SECTIONS)[number];
const REMEMBER = 'ankang.wage.records';

/** The section and month last shown in this tab (kept for the browser tab's life). */
function remembered(): { section: Section; period: string } {
  try {
    const v = JSON.parse(sessionStorage.getItem(REMEMBER) ?? 'null') as { section?: string; period?: string } | null;
    const section = SECTIONS.find((s) => s === v?.section) ?? 'timekeeping';
    const period = v?.period && /^\d{4}-(0[1-9]|1[0-2])$/.test(v.period) && v.period <= thisMonth() ? v.period : thisMonth();
    return { section, period };
  } catch {
    return { section: 'timekeeping', period: thisMonth() };
  }
}

export function RecordsTab() {
  const t = useT();
  const canRecord = useCanRecord();
  const [state, setState] = useState(remembered);
  const { section, period } = state;
  // an import's commit shows the sections again with what it wrote
  const [imported, setImported] = useState(0);
  const set = (patch: Partial<typeof state>) =>
    setState((cur) => {
      const next = { ...cur, ...patch };
      try {
        sessionStorage.setItem(REMEMBER, JSON.stringify(next));
      } catch {
        /* storage unavailable */
      }
      return next;
    });

  return (
    <div style={{ paddingBottom: 24 }}>
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t('wage.rec.sections')}
          value={section}
          onChange={(v) => set({ section: v as Section })}
          options={SECTIONS.map((s) => ({ value: s, label: <span data-testid={`wage-section-${s}`}>{t(`wage.rec.section.${s}`)}</span> }))}
        />
        <Space size={4}>
          <Typography.Text type="secondary">{t('wage.rec.month')}</Typography.Text>
          <Button size="small" aria-label={t('wage.rec.prevMonth')} onClick={() => set({ period: addMonths(period, -1) })}>
            ‹
          </Button>
          <DatePicker
            picker="month"
            aria-label={t('wage.rec.month')}
            data-testid="wage-month"
            allowClear={false}
            value={dayjs(`${period}-01`)}
            format="YYYY-MM"
            onChange={(d) => d && set({ period: d.format('YYYY-MM') })}
            // records are of months that have begun: time cannot be recorded for a month to come
            disabledDate={(d) => d.format('YYYY-MM') > thisMonth()}
            style={{ width: 120 }}
          />
          <Button size="small" aria-label={t('wage.rec.nextMonth')} disabled={period >= thisMonth()} onClick={() => set({ period: addMonths(period, 1) })}>
            ›
          </Button>
        </Space>
        {canRecord && section !== 'manual' && <ImportButton kind={section} onDone={() => setImported((n) => n + 1)} />}
      </Space>
      {!canRecord && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('wage.rec.readOnly')} />}
      <div key={imported}>
        {section === 'timekeeping' && <TimekeepingSection period={period} canRecord={canRecord} />}
        {section === 'behaviour' && <BehaviourSection period={period} canRecord={canRecord} />}
        {section === 'accidents' && <AccidentsSection period={period} canRecord={canRecord} />}
      </div>
      {section === 'manual' && <ManualSection period={period} canRecord={canRecord} />}
    </div>
  );
}
