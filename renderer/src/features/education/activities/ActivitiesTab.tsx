// The education page's activities tab (#/education[/activities[/<id>]]): the activities newest first, by month, kind,
// workshop/team and words; a new one; one opened in a drawer with its attendees and photos; the deleted ones to restore.
import { Alert, Button, DatePicker, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ActivityRow } from '../../../../../shared/education/activities/types';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../../shared/education/kinds';
import type { Page } from '../../../../../shared/kernel/types';
import { useRoute, useRouter } from '../../../app/router';
import { UnitSelect, useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { parseEducationId } from '../tabs';
import { ActivityDrawer } from './ActivityDrawer';
import { ActivityForm } from './ActivityForm';
import { activityRouteId, hoursText, isMeetingKind, kindText, unitText, useCanRecordEdu } from './common';

const PAGE_SIZE = 50;

export function ActivitiesTab() {
  const t = useT();
  const route = useRoute();
  const navigate = useRouter((s) => s.navigate);
  const canRecord = useCanRecordEdu();
  const units = useUnits();
  const openId = route.page === 'education' ? (parseEducationId(route.id).rest[0] ?? null) : null;
  const [month, setMonth] = useState<string | null>(null);
  const [kind, setKind] = useState<ActivityKind | null>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<ActivityRow> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [reload, setReload] = useState(0);

  const load = useCallback(() => {
    call('education.activities', { month, kind, orgUnitId: unit, search, deleted, page, pageSize: PAGE_SIZE }).then(
      (p) => {
        setData(p);
        setError(null);
      },
      (e: unknown) => setError(errorText(e, t)),
    );
  }, [month, kind, unit, search, deleted, page, t]);
  useEffect(() => {
    const h = setTimeout(load, 120);
    return () => clearTimeout(h);
  }, [load, reload]);
  useEffect(() => setPage(1), [month, kind, unit, search, deleted]);

  const open = (id: string | null) => navigate({ page: 'education', id: activityRouteId(id) ?? null });
  const filtered = month !== null || kind !== null || unit !== null || search.trim() !== '';
  const emptyText = deleted ? t('edu.act.emptyDeleted') : filtered ? t('edu.act.emptyFiltered') : t('edu.act.empty');

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        {canRecord && !deleted && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('edu.act.new')}
          </Button>
        )}
        <DatePicker
          picker="month"
          format="YYYY-MM"
          aria-label={t('edu.act.month')}
          placeholder={t('edu.act.allMonths')}
          value={month ? dayjs(`${month}-01`) : null}
          onChange={(d) => setMonth(d ? d.format('YYYY-MM') : null)}
        />
        <Select
          aria-label={t('edu.act.kind')}
          allowClear
          placeholder={t('edu.act.allKinds')}
          style={{ width: 160 }}
          value={kind ?? undefined}
          onChange={(v?: ActivityKind) => setKind(v ?? null)}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`edu.activityKind.${k}`) }))}
        />
        <UnitSelect units={units} value={unit} onChange={setUnit} placeholder={t('edu.act.allUnits')} />
        <Input.Search aria-label={t('edu.act.search')} placeholder={t('edu.act.search')} allowClear maxLength={40} style={{ width: 240 }} value={search} onChange={(e) => setSearch(e.target.value)} />
        <label>
          <Switch size="small" checked={deleted} onChange={setDeleted} aria-label={t('edu.act.showDeleted')} /> {t('edu.act.showDeleted')}
        </label>
        {data && <Typography.Text type="secondary">{t('edu.act.total', { n: data.total })}</Typography.Text>}
      </Space>
      {!canRecord && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('edu.act.readOnly')} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} role="alert" />}
      <Table<ActivityRow>
        size="small"
        rowKey="id"
        loading={data === null && !error}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: <span data-testid="edu-act-empty">{emptyText}</span> }}
        pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, showSizeChanger: false, onChange: setPage } : false}
        onRow={(r) => ({
          onClick: () => open(r.id),
          onKeyDown: (e) => {
            if (e.key === 'Enter') open(r.id);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('edu.act.date'), dataIndex: 'date', width: 110 },
          {
            title: t('edu.act.kind'),
            width: 200,
            render: (_, r) => <Tag color={r.kind === 'three_level' || r.kind === 'post_change' ? 'blue' : r.kind === 'pre_shift' ? 'default' : 'geekblue'}>{kindText(r, t)}</Tag>,
          },
          { title: t('edu.act.title'), dataIndex: 'title' },
          { title: t('edu.act.unit'), width: 170, render: (_, r) => unitText(r, t) },
          {
            title: t('edu.act.hours'),
            width: 70,
            // a meeting's hours are its duration, not training hours (班前会不计学时)
            render: (_, r) => (isMeetingKind(r.kind) ? <span title={t('edu.act.meetingNoHours')} aria-label={t('edu.act.meetingNoHours')}>—</span> : hoursText(r.hours)),
          },
          { title: t('edu.act.host'), dataIndex: 'host', width: 110 },
          { title: t('edu.act.attendees'), width: 90, render: (_, r) => t('edu.act.count', { n: r.attendeeCount }) },
          { title: t('edu.act.photos'), dataIndex: 'photoCount', width: 60 },
        ]}
      />
      {creating && (
        <ActivityForm
          activity={null}
          onClose={() => setCreating(false)}
          onDone={(a) => {
            setCreating(false);
            setReload((n) => n + 1);
            open(a.id);
          }}
        />
      )}
      {openId && <ActivityDrawer key={openId} id={openId} canRecord={canRecord} onClose={() => open(null)} onChanged={() => setReload((n) => n + 1)} />}
    </div>
  );
}
