// Safe production time for a month: entering a worker by employee number or name (Enter saves, the next worker follows),
// the month's list with hours, shifts and where they came from, a row edited in place (Enter saves, Esc cancels) and
// deleted with an undo.
import { App, Button, Empty, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { toFieldIssues } from '../../../../../shared/kernel/schemas';
import { timekeepingSave } from '../../../../../shared/wage/records/schemas';
import type { Timekeeping } from '../../../../../shared/wage/records/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, errorText } from '../../../lib/errors';
import { useDebouncedSearch, useListShortcuts } from '../../../lib/listHooks';
import { parseForm } from '../../../lib/zodForm';
import { useSavedText } from './approved';
import { localTime, num, undoNote } from './common';
import { EditDeleteButtons, EntryForm, EntryNote, pagedTableProps, RecordSearch } from './recordList';
import { WorkerPick } from './WorkersSelect';

interface Editing {
  id: string;
  hours: number | null;
  shifts: number | null;
  note: string;
  /** the field a refused save pointed at (shown red; its message in the note under the table's row) */
  bad?: 'hours' | 'shifts' | null;
}

const blank = { workerId: null, hours: null, shifts: null, note: '' };

export function TimekeepingSection({ period, canRecord, rosterEmpty = false }: { period: string; canRecord: boolean; rosterEmpty?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const savedText = useSavedText();
  const [form] = Form.useForm();
  const [rows, setRows] = useState<Timekeeping[] | null>(null);
  const [search, setSearch] = useState('');
  const [text, setText] = useDebouncedSearch(search, setSearch);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await call('wage.timekeeping', { period, search }));
    } catch (e) {
      setRows((cur) => cur ?? []);
      message.error(errorText(e, t));
    }
  }, [period, search, message, t]);
  useEffect(() => {
    setEditing(null);
    void load();
  }, [load]);

  const focusWorker = useCallback(() => setTimeout(() => document.getElementById('wageTk_workerId')?.focus(), 0), []);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  useListShortcuts({ focusSearch, create: focusWorker, enabled: canRecord });

  /** a worker who already has this month's time: the entry row shows it, so saving changes it */
  const pickWorker = (id: string | null) => {
    const have = rows?.find((r) => r.workerId === id);
    if (have) form.setFieldsValue({ hours: have.hours, shifts: have.shifts, note: have.note ?? '' });
  };

  const enter = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), period };
    const parsed = parseForm(timekeepingSave, v, form, t);
    if (!parsed) return;
    setBusy(true);
    try {
      const saved = await call('wage.timekeepingSave', v as never);
      message.success(savedText(t('wage.tk.saved', { name: saved.name, period })));
      form.setFieldsValue(blank);
      await load();
      focusWorker();
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const saveEdit = async (row: Timekeeping) => {
    if (!editing) return;
    const input = { workerId: row.workerId, period: row.period, hours: editing.hours, shifts: editing.shifts, note: editing.note };
    const r = timekeepingSave.safeParse(input);
    if (!r.success) {
      const issue = toFieldIssues(r.error)[0]!;
      setEditing((c) => c && { ...c, bad: issue.path === 'shifts' ? 'shifts' : 'hours' });
      message.error(t(issue.message));
      return;
    }
    try {
      const saved = await call('wage.timekeepingSave', input);
      message.success(savedText(t('wage.tk.saved', { name: saved.name, period: saved.period })));
      setEditing(null);
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const remove = async (row: Timekeeping) => {
    try {
      await call('wage.timekeepingDelete', { id: row.id });
      await load();
      // the time is gone (a hard delete, the audit log keeps it): undo enters the same figures again
      undoNote(message, t, `undo-tk-${row.id}`, `${row.name} ${row.period}`, () =>
        call('wage.timekeepingSave', { workerId: row.workerId, period: row.period, hours: row.hours, shifts: row.shifts, note: row.note }),
      load);
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const editKeys = (row: Timekeeping) => ({
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setEditing(null);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        void saveEdit(row);
      }
    },
  });

  const isEditing = (r: Timekeeping) => editing?.id === r.id;
  const columns: ColumnsType<Timekeeping> = [
    { title: t('worker.empNo'), dataIndex: 'empNo', width: 110 },
    { title: t('worker.name'), dataIndex: 'name', width: 110 },
    { title: t('wage.rec.unit'), key: 'unit', width: 180, ellipsis: true, render: (_, r) => [r.workshopName, r.teamName].filter(Boolean).join(' / ') || '—' },
    {
      title: t('wage.tk.hours'),
      key: 'hours',
      width: 130,
      align: 'right',
      render: (_, r) =>
        isEditing(r) ? (
          <InputNumber
            size="small"
            autoFocus
            aria-label={t('wage.tk.hours')}
            value={editing!.hours}
            status={editing!.bad === 'hours' ? 'error' : undefined}
            onChange={(v) => setEditing((c) => c && { ...c, hours: v ?? null, bad: null })}
            {...editKeys(r)}
            style={{ width: 100 }}
          />
        ) : r.hours === null ? (
          '—'
        ) : (
          num(r.hours)
        ),
    },
    {
      title: t('wage.tk.shifts'),
      key: 'shifts',
      width: 110,
      align: 'right',
      render: (_, r) =>
        isEditing(r) ? (
          <InputNumber
            size="small"
            aria-label={t('wage.tk.shifts')}
            value={editing!.shifts}
            status={editing!.bad === 'shifts' ? 'error' : undefined}
            onChange={(v) => setEditing((c) => c && { ...c, shifts: v ?? null, bad: null })}
            {...editKeys(r)}
            style={{ width: 80 }}
          />
        ) : (
          (r.shifts ?? '—')
        ),
    },
    { title: t('wage.tk.source'), dataIndex: 'source', width: 150, render: (s: Timekeeping['source']) => <Tag color={s === 'import' ? 'blue' : 'default'}>{t(`wage.source.${s}`)}</Tag> },
    {
      title: t('wage.rec.note'),
      key: 'note',
      ellipsis: true,
      render: (_, r) =>
        isEditing(r) ? (
          <Input size="small" aria-label={t('wage.rec.note')} value={editing!.note} maxLength={200} onChange={(e) => setEditing((c) => c && { ...c, note: e.target.value })} {...editKeys(r)} />
        ) : (
          (r.note ?? '')
        ),
    },
    { title: t('wage.rec.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => localTime(v) },
  ];
  if (canRecord) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, r) =>
        isEditing(r) ? (
          <Space size={4}>
            <Button size="small" type="primary" onClick={() => void saveEdit(r)}>
              {t('common.save')}
            </Button>
            <Button size="small" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
          </Space>
        ) : (
          <EditDeleteButtons
            editLabel={t('wage.tk.editLabel', { name: r.name })}
            deleteLabel={t('wage.tk.deleteLabel', { name: r.name })}
            onEdit={() => setEditing({ id: r.id, hours: r.hours, shifts: r.shifts, note: r.note ?? '' })}
            onRemove={() => void remove(r)}
          />
        ),
    });
  }

  const totalHours = (rows ?? []).reduce((s, r) => s + (r.hours ?? 0), 0);
  const totalShifts = (rows ?? []).reduce((s, r) => s + (r.shifts ?? 0), 0);

  return (
    <div data-testid="wage-timekeeping">
      {canRecord && (
        <EntryForm form={form} name="wageTk" initialValues={blank} onEnter={() => void enter()} ariaLabel={t('wage.tk.enter')} style={{ marginBottom: 8, rowGap: 8 }}>
          <Form.Item label={t('wage.rec.worker')} name="workerId" required>
            <WorkerPick placeholder={t('wage.rec.workerHint')} onChange={pickWorker} />
          </Form.Item>
          <Form.Item label={t('wage.tk.hours')} name="hours">
            {/* no min: a negative figure is refused with the field's message, never clamped to 0 */}
            <InputNumber style={{ width: 110 }} />
          </Form.Item>
          <Form.Item label={t('wage.tk.shifts')} name="shifts">
            <InputNumber style={{ width: 90 }} />
          </Form.Item>
          <EntryNote />
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form.Item>
        </EntryForm>
      )}
      {canRecord && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('wage.tk.entryHint')}
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 8 }}>
        <RecordSearch searchRef={searchRef} value={text} onChange={setText} />
        {rows && rows.length > 0 && (
          <Typography.Text type="secondary" data-testid="wage-tk-totals">
            {t('wage.tk.totals', { n: rows.length, hours: num(totalHours), shifts: totalShifts })}
          </Typography.Text>
        )}
      </Space>
      <Table<Timekeeping>
        {...pagedTableProps(rows)}
        columns={columns}
        locale={{
          emptyText: <Empty description={<span data-testid="wage-tk-empty">{search ? t('wage.tk.emptySearch') : t(rosterEmpty ? 'wage.tk.emptyRoster' : 'wage.tk.empty', { period })}</span>} />,
        }}
        scroll={{ x: 1000 }}
      />
    </div>
  );
}
