// The attendees of an activity: ticked from the roster or imported from the sign-in sheet, each with their hours (empty:
// the activity's), score and result (empty: from the score, 60 passes); changes are kept here until saved (the whole
// list at once), and the section says so.
import { Alert, App, Button, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { attendeeProblems, type FieldProblem } from '../../../../../shared/education/activities/rules';
import { PASS_SCORE, type ActivityDetail, type Attendee } from '../../../../../shared/education/activities/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { AttendeePicker, type PickedWorker } from './AttendeePicker';
import { hoursText, isMeetingKind } from './common';
import { SigninImportDialog } from './SigninImportDialog';

type Row = Omit<Attendee, 'source'> & { source: Attendee['source'] | null };
const effPassed = (r: Row) => (r.passed !== null ? r.passed : r.score === null ? null : r.score >= PASS_SCORE);

/** the cell's message under its input (typed values are kept as typed — never clamped — and refused here) */
function CellProblem({ p, id }: { p: FieldProblem | undefined; id: string }) {
  const t = useT();
  if (!p) return null;
  return (
    <Typography.Text type="danger" id={id} role="alert" style={{ display: 'block', fontSize: 12, lineHeight: 1.3, maxWidth: 160 }}>
      {t(p.message, p.params)}
    </Typography.Text>
  );
}

export function AttendeesSection({ activity, canRecord, onSaved, onImported }: { activity: ActivityDetail; canRecord: boolean; onSaved(a: ActivityDetail): void; onImported(): void }) {
  const t = useT();
  const { message } = App.useApp();
  // a meeting (班前会) records who came: no hours, score or result columns (the backend refuses them)
  const meeting = isMeetingKind(activity.kind);
  const [rows, setRows] = useState<Row[]>(activity.attendees);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const [importing, setImporting] = useState(false);
  useEffect(() => {
    setRows(activity.attendees);
    setDirty(false);
  }, [activity]);

  const change = (workerId: string, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.workerId === workerId ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const pick = (ws: PickedWorker[]) => {
    const keep = new Map(rows.map((r) => [r.workerId, r]));
    const next = ws.map((w) => keep.get(w.workerId) ?? { ...w, hours: null, score: null, passed: null, source: null });
    next.sort((a, b) => a.empNo.localeCompare(b.empNo));
    setRows(next);
    setDirty(true);
    setPicking(false);
  };
  const problems = meeting ? new Map<string, ReturnType<typeof attendeeProblems>>() : new Map(rows.map((r) => [r.workerId, attendeeProblems(r, activity.hours)]));
  const problemCount = [...problems.values()].filter((p) => p.hours || p.score).length;
  const save = async () => {
    if (problemCount > 0) {
      message.error(t('edu.att.fixFirst', { n: problemCount }));
      return;
    }
    setBusy(true);
    try {
      const a = await call('education.attendanceSave', { activityId: activity.id, attendees: rows.map((r) => (meeting ? { workerId: r.workerId } : { workerId: r.workerId, hours: r.hours, score: r.score, passed: r.passed })) });
      message.success(t('edu.att.saved', { n: a.attendees.length }));
      onSaved(a);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const passed = rows.filter((r) => effPassed(r) === true).length;
  const failed = rows.filter((r) => effPassed(r) === false).length;

  return (
    <section aria-label={t('edu.act.attendees')}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('edu.act.attendees')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="edu-att-summary">
          {meeting ? t('edu.att.meetingSummary', { n: rows.length }) : t('edu.att.summary', { n: rows.length, pass: passed, fail: failed })}
        </Typography.Text>
        {canRecord && (
          <>
            <Button onClick={() => setPicking(true)}>{t('edu.att.pick')}</Button>
            <Button onClick={() => setImporting(true)} disabled={dirty}>
              {t('edu.att.import')}
            </Button>
            <Button type="primary" onClick={() => void save()} loading={busy} disabled={!dirty}>
              {t('edu.att.save')}
            </Button>
          </>
        )}
      </Space>
      {dirty && <Alert type="warning" showIcon title={t('edu.att.unsaved')} style={{ marginBottom: 8 }} />}
      <Table<Row>
        size="small"
        rowKey="workerId"
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        locale={{ emptyText: t('edu.att.empty') }}
        columns={[
          { title: t('edu.att.empNo'), dataIndex: 'empNo', width: 100 },
          { title: t('edu.att.name'), dataIndex: 'name', width: 90 },
          { title: t('edu.att.unit'), render: (_, r) => [r.workshopName, r.teamName].filter(Boolean).join(' / ') },
          {
            title: t('edu.att.hours'),
            hidden: meeting,
            width: 130,
            render: (_, r) =>
              canRecord ? (
                <>
                  <InputNumber
                    size="small"
                    step={0.5}
                    aria-label={t('edu.att.hoursOf', { name: r.name })}
                    aria-invalid={problems.get(r.workerId)?.hours ? true : undefined}
                    aria-describedby={problems.get(r.workerId)?.hours ? `edu-att-hours-${r.workerId}` : undefined}
                    status={problems.get(r.workerId)?.hours ? 'error' : undefined}
                    placeholder={t('edu.att.hoursPlaceholder', { n: hoursText(activity.hours) })}
                    value={r.hours}
                    onChange={(v) => change(r.workerId, { hours: typeof v === 'number' ? v : null })}
                    style={{ width: 120 }}
                  />
                  <CellProblem p={problems.get(r.workerId)?.hours} id={`edu-att-hours-${r.workerId}`} />
                </>
              ) : (
                hoursText(r.hours ?? activity.hours)
              ),
          },
          {
            title: t('edu.att.score'),
            hidden: meeting,
            width: 110,
            render: (_, r) =>
              canRecord ? (
                <>
                  <InputNumber
                    size="small"
                    aria-label={t('edu.att.scoreOf', { name: r.name })}
                    aria-invalid={problems.get(r.workerId)?.score ? true : undefined}
                    aria-describedby={problems.get(r.workerId)?.score ? `edu-att-score-${r.workerId}` : undefined}
                    status={problems.get(r.workerId)?.score ? 'error' : undefined}
                    value={r.score}
                    onChange={(v) => change(r.workerId, { score: typeof v === 'number' ? v : null })}
                    style={{ width: 80 }}
                  />
                  <CellProblem p={problems.get(r.workerId)?.score} id={`edu-att-score-${r.workerId}`} />
                </>
              ) : (
                (r.score ?? '')
              ),
          },
          {
            title: t('edu.att.passed'),
            hidden: meeting,
            width: 120,
            render: (_, r) =>
              canRecord ? (
                <Select
                  size="small"
                  aria-label={t('edu.att.passedOf', { name: r.name })}
                  value={r.passed === null ? 'auto' : r.passed ? 'pass' : 'fail'}
                  onChange={(v: string) => change(r.workerId, { passed: v === 'auto' ? null : v === 'pass' })}
                  style={{ width: 110 }}
                  options={[
                    { value: 'auto', label: effPassed(r) === null ? t('edu.att.auto') : `${t('edu.att.auto')}（${t(effPassed(r) ? 'edu.att.pass' : 'edu.att.fail')}）` },
                    { value: 'pass', label: t('edu.att.pass') },
                    { value: 'fail', label: t('edu.att.fail') },
                  ]}
                />
              ) : effPassed(r) === null ? (
                ''
              ) : (
                <Tag color={effPassed(r) ? 'green' : 'red'}>{t(effPassed(r) ? 'edu.att.pass' : 'edu.att.fail')}</Tag>
              ),
          },
          { title: t('edu.att.source'), width: 100, render: (_, r) => (r.source ? t(`edu.attendance.${r.source}`) : '') },
          ...(canRecord
            ? [
                {
                  title: t('common.actions'),
                  width: 70,
                  render: (_: unknown, r: Row) => (
                    <Button
                      size="small"
                      type="link"
                      danger
                      aria-label={t('edu.att.remove', { name: r.name })}
                      onClick={() => {
                        setRows((rs) => rs.filter((x) => x.workerId !== r.workerId));
                        setDirty(true);
                      }}
                    >
                      ×
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {picking && <AttendeePicker date={activity.date} chosen={rows} onClose={() => setPicking(false)} onPick={pick} />}
      {importing && <SigninImportDialog activityId={activity.id} title={activity.title} hours={activity.hours} meeting={meeting} onClose={() => setImporting(false)} onDone={onImported} />}
    </section>
  );
}
