// What the lists of records (behaviour records, accidents) share: loading the rows, the record the address names
// (opened for those who write, marked for readers, a note when it is not among them), the dialog (Alt+N: new), delete
// with an undo and restore, the actions column, the "show deleted" switch and the table's common settings.
import { Alert, App, Button, Form, Input, Popconfirm, Space, Switch, Typography, type FormInstance } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { Suspense, useCallback, useEffect, useRef, useState, type ComponentType, type CSSProperties, type MutableRefObject, type ReactNode } from 'react';
import type { OrgUnit } from '../../../../../shared/org/types';
import { useT, type TFunc } from '../../../i18n';
import { clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { useListShortcuts } from '../../../lib/listHooks';
import { undoNote } from './common';

/**
 * The rows `fetch` gives (a useCallback: it changes when the filter does), reloaded on a change; the dialog of a new
 * or an existing record; the record `openId` names opened once its rows are in.
 */
export function useRecordList<T extends { id: string }>(
  fetch: () => Promise<T[]>,
  { openId, canRecord, onOpenedClose }: { openId: string | null; canRecord: boolean; onOpenedClose?(): void },
) {
  const t = useT();
  const { message } = App.useApp();
  const [rows, setRows] = useState<T[] | null>(null);
  const [dialog, setDialog] = useState<{ record: T | null; fromAddress?: boolean } | null>(null);
  /** the record the address names is not among the rows (deleted, another month) */
  const [missing, setMissing] = useState(false);
  const openedFor = useRef<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRows(await fetch());
    } catch (e) {
      setRows((cur) => cur ?? []);
      message.error(errorText(e, t));
    }
  }, [fetch, message, t]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!openId || !rows || openedFor.current === openId) return;
    openedFor.current = openId;
    const r = rows.find((x) => x.id === openId);
    setMissing(!r);
    if (r && canRecord) setDialog({ record: r, fromAddress: true });
  }, [openId, rows, canRecord]);
  const closeDialog = () => {
    if (dialog?.fromAddress) onOpenedClose?.();
    setDialog(null);
  };

  const openNew = useCallback(() => {
    if (canRecord) setDialog({ record: null });
  }, [canRecord]);
  useListShortcuts({ focusSearch: () => undefined, create: openNew, enabled: dialog === null && canRecord });
  return { rows, load, dialog, setDialog, closeDialog, openNew, missing };
}

/** Delete (with an undo note for a few seconds) and restore of a record, then the list reloads. */
export function useRemoveRestore<T extends { id: string }>({
  del,
  restore: undelete,
  undoKey,
  what,
  load,
}: {
  del(id: string): Promise<unknown>;
  restore(id: string): Promise<unknown>;
  undoKey: string;
  what(r: T): string;
  load(): Promise<void>;
}) {
  const t = useT();
  const { message } = App.useApp();
  const remove = async (r: T) => {
    try {
      await del(r.id);
      await load();
      undoNote(message, t, `${undoKey}-${r.id}`, what(r), () => undelete(r.id), load);
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const restore = async (r: T) => {
    try {
      await undelete(r.id);
      message.success(t('wage.rec.restored'));
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return { remove, restore };
}

/** The actions of a row: Restore among the deleted, else Edit and Delete (asked first). */
export function actionsColumn<T>(
  t: TFunc,
  { deleted, what, onEdit, onRemove, onRestore }: { deleted: boolean; what(r: T): string; onEdit(r: T): void; onRemove(r: T): void; onRestore(r: T): void },
): ColumnType<T> {
  return {
    title: t('common.actions'),
    key: 'actions',
    width: 140,
    render: (_, r) =>
      deleted ? (
        <Button size="small" type="link" onClick={() => onRestore(r)} aria-label={`${t('wage.rec.restore')} ${what(r)}`}>
          {t('wage.rec.restore')}
        </Button>
      ) : (
        <EditDeleteButtons editLabel={`${t('common.edit')} ${what(r)}`} deleteLabel={`${t('common.delete')} ${what(r)}`} onEdit={() => onEdit(r)} onRemove={() => onRemove(r)} />
      ),
  };
}

/** A row's Edit and Delete (asked first) links; the labels name the row for screen readers. */
export function EditDeleteButtons({ editLabel, deleteLabel, onEdit, onRemove }: { editLabel: string; deleteLabel: string; onEdit(): void; onRemove(): void }) {
  const t = useT();
  return (
    <Space size={4}>
      <Button size="small" type="link" onClick={onEdit} aria-label={editLabel}>
        {t('common.edit')}
      </Button>
      <Popconfirm title={t('wage.rec.confirmDelete')} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={onRemove}>
        <Button size="small" type="link" danger aria-label={deleteLabel}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** The search by name or employee number of a list; searchRef gets its input (for the list's shortcut). */
export function RecordSearch({ searchRef, value, onChange }: { searchRef: MutableRefObject<HTMLInputElement | null>; value: string; onChange(v: string): void }) {
  const t = useT();
  return (
    <Input.Search
      ref={(el) => {
        searchRef.current = el?.input ?? null;
      }}
      allowClear
      aria-label={t('wage.rec.search')}
      placeholder={t('wage.rec.search')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={{ width: 240 }}
    />
  );
}

/** The switch showing the deleted records (to restore them) instead of the others. */
export function ShowDeletedSwitch({ checked, onChange }: { checked: boolean; onChange(v: boolean): void }) {
  const t = useT();
  return (
    <Space size={4}>
      <Switch size="small" checked={checked} onChange={onChange} aria-label={t('wage.rec.showDeleted')} />
      <Typography.Text>{t('wage.rec.showDeleted')}</Typography.Text>
    </Space>
  );
}

/** The button of a new record (Alt+N), for those who write and not among the deleted. */
export function NewRecordButton({ show, onClick, label }: { show: boolean; onClick(): void; label: string }) {
  const t = useT();
  if (!show) return null;
  return (
    <Button type="primary" onClick={onClick} title={t('wage.rec.newShortcut')}>
      {label}
    </Button>
  );
}

/** The note that the record the address names is not among those shown. */
export function OpenMissingAlert({ show, period }: { show: boolean; period: string }) {
  const t = useT();
  if (!show) return null;
  return <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('wage.rec.openMissing', { period })} data-testid="wage-open-missing" />;
}

/** The table settings the lists share: keyed by id, loading until the rows are in, pages of 50. */
export function pagedTableProps<T extends { id: string }>(rows: T[] | null) {
  return {
    rowKey: 'id' as const,
    size: 'small' as const,
    loading: rows === null,
    dataSource: rows ?? [],
    pagination: { defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true },
  };
}

/** pagedTableProps, with the row the address names marked. */
export function recordTableProps<T extends { id: string }>(rows: T[] | null, openId: string | null) {
  return { ...pagedTableProps(rows), rowClassName: (r: T) => (r.id === openId ? 'ant-table-row-selected' : '') };
}

/** The dialog of a record (lazy: loaded when first opened); once saved, it closes and the list reloads. */
export function RecordDialogHost<T>({
  Dialog,
  dialog,
  period,
  units,
  onClose,
  reload,
}: {
  Dialog: ComponentType<{ record: T | null; period: string; units: OrgUnit[]; onClose(): void; onDone(r: T): void }>;
  dialog: { record: T | null } | null;
  period: string;
  units: OrgUnit[];
  onClose(): void;
  reload(): Promise<void>;
}) {
  return (
    <Suspense fallback={null}>
      {dialog && (
        <Dialog
          record={dialog.record}
          period={period}
          units={units}
          onClose={onClose}
          onDone={() => {
            onClose();
            void reload();
          }}
        />
      )}
    </Suspense>
  );
}

/** The entry row on top of a list of figures (inline; Enter saves; a field's error clears when it is edited). */
export function EntryForm({
  form,
  name,
  initialValues,
  onEnter,
  ariaLabel,
  style,
  children,
}: {
  form: FormInstance;
  name: string;
  initialValues: Record<string, unknown>;
  onEnter(): void;
  ariaLabel: string;
  style: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Form form={form} name={name} layout="inline" initialValues={initialValues} onFieldsChange={clearErrorsOnEdit(form)} onFinish={onEnter} aria-label={ariaLabel} style={style}>
      {children}
    </Form>
  );
}

/** The entry row's note. */
export function EntryNote() {
  const t = useT();
  return (
    <Form.Item label={t('wage.rec.note')} name="note">
      <Input maxLength={200} style={{ width: 180 }} />
    </Form.Item>
  );
}
