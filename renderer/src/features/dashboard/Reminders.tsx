import { Alert, Badge, Button, Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { daysBetween } from '../../../../shared/hazards/rules';
import type { HazardRow } from '../../../../shared/hazards/types';
import { errorText } from '../../lib/errors';
import { openHazardRow, useDashT, type DashT } from './dashT';
import { useDashboard } from './store';

/** whole days from today (local calendar) to the due date: negative when overdue */
export function daysUntil(dueDate: string, today = dayjs().format('YYYY-MM-DD')): number {
  return daysBetween(today, dueDate);
}

function daysText(t: DashT, dueDate: string | null): { text: string; late: boolean } {
  if (!dueDate) return { text: '', late: false };
  const d = daysUntil(dueDate);
  if (d < 0) return { text: d === -1 ? t('rem.oneDayOverdue') : t('rem.daysOverdue', { n: -d }), late: true };
  if (d === 0) return { text: t('rem.dueToday'), late: false };
  return { text: d === 1 ? t('rem.oneDayLeft') : t('rem.daysLeft', { n: d }), late: false };
}

function ReminderList(props: {
  kind: 'overdue' | 'dueSoon';
  rows: HazardRow[];
  count: number;
  loading: boolean;
  onOpenHazard(id: string): void;
}) {
  const { t, locale } = useDashT();
  const { kind, rows, count, loading, onOpenHazard } = props;
  const title = t(kind === 'overdue' ? 'hazard.overdue' : 'hazard.dueSoon');
  return (
    <Card
      size="small"
      data-testid={`reminders-${kind}`}
      title={
        <span>
          {title}{' '}
          <Badge
            count={count}
            showZero
            overflowCount={999}
            color={kind === 'overdue' ? (count > 0 ? '#cf1322' : '#bfbfbf') : count > 0 ? '#fa8c16' : '#bfbfbf'}
          />
        </span>
      }
      extra={
        count > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {count > rows.length ? t('rem.shown', { n: count, m: rows.length }) : t('rem.total', { n: count })}
          </Typography.Text>
        )
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<HazardRow>
        rowKey="id"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={rows}
        tableLayout="fixed"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(kind === 'overdue' ? 'rem.emptyOverdue' : 'rem.emptyDueSoon')} />,
        }}
        onRow={openHazardRow(t, onOpenHazard)}
        columns={[
          {
            key: 'serial',
            title: t('hazard.serial'),
            dataIndex: 'serial',
            width: 124,
            render: (v: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v}</span>,
          },
          {
            key: 'description',
            title: t('hazard.description'),
            dataIndex: 'description',
            ellipsis: true,
            render: (v: string, r) => (
              <span title={v}>
                {r.grade === 'major' && (
                  <Tag color="red" style={{ marginInlineEnd: 4 }}>
                    {t('hazardGrade.major')}
                  </Tag>
                )}
                {v}
              </span>
            ),
          },
          {
            key: 'workshop',
            title: t('org.workshop'),
            dataIndex: 'workshopName',
            width: 104,
            ellipsis: true,
            render: (v: string | null) => v ?? t('rem.noWorkshop'),
          },
          { key: 'dueDate', title: t('hazard.dueDate'), dataIndex: 'dueDate', width: 100 },
          {
            key: 'days',
            title: t('rem.days'),
            width: locale === 'en' ? 124 : 92,
            render: (_, r) => {
              const d = daysText(t, r.dueDate);
              return (
                <span data-testid="reminder-days" style={{ color: d.late ? '#cf1322' : '#d46b08', whiteSpace: 'nowrap' }}>
                  {d.text}
                </span>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

export function Reminders({ onOpenHazard }: { onOpenHazard(id: string): void }) {
  const { t } = useDashT();
  const { reminders, remindersLoading, remindersError, loadReminders } = useDashboard();
  return (
    <section aria-label={t('rem.title')} className="ak-dash-noprint">
      {remindersError != null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('dash.remindersError')}
          description={errorText(remindersError, t)}
          action={
            <Button size="small" onClick={() => void loadReminders()}>
              {t('dash.retry')}
            </Button>
          }
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <ReminderList
            kind="overdue"
            rows={reminders?.overdue ?? []}
            count={reminders?.overdueCount ?? 0}
            loading={remindersLoading}
            onOpenHazard={onOpenHazard}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ReminderList
            kind="dueSoon"
            rows={reminders?.dueSoon ?? []}
            count={reminders?.dueSoonCount ?? 0}
            loading={remindersLoading}
            onOpenHazard={onOpenHazard}
          />
        </Col>
      </Row>
    </section>
  );
}
