// The manual monthly figures (for indicators of source 'manual', e.g. a contest score): one figure per worker, month
// and indicator code. Entered in the row on top (Enter saves; the same worker, month and code again changes it), a row
// taken back into it to change, deleted with an undo; filtered by code and by name or employee number.
import { Alert, App, Button, Empty, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import { manualSave } from '../../../../../shared/wage/manual/schemas';
import type { ManualValue } from '../../../../../shared/wage/manual/types';
import type { CatalogueIndicator } from '../../../../../shared/wage/schemes/types';
import { useRouter } from '../../../app/router';
import { useI18n, useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, errorText } from '../../../lib/errors';
import { useDebouncedSearch, useListShortcuts } from '../../../lib/listHooks';
import { parseForm } from '../../../lib/zodForm';
import { useSavedText } from './approved';
import { localTime, num, undoNote } from './common';
import { EditDeleteButtons, EntryForm, EntryNote, pagedTableProps, RecordSearch } from './recordList';
import { WorkerPick } from './WorkersSelect';

const blank = { workerId: null, code: '', value: null, note: '' };

export function ManualSection({ period, canRecord }: { period: string; canRecord: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const savedText = useSavedText();
  const [form] = Form.useForm();
  const [rows, setRows] = useState<ManualValue[] | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  /** the catalogue's indicators entered by hand (source 'manual'): the codes a figure may be of; null while loading */
  const [indicators, setIndicators] = useState<CatalogueIndicator[] | null>(null);
  const locale = useI18n((s) => s.locale);
  const navigate = useRouter((s) => s.navigate);
  const [search, setSearch] = useState('');
  const [text, setText] = useDebouncedSearch(search, setSearch);
  const [busy, setBusy] = useState(false);
  /** the row taken into the entry row to be changed (its worker label for the picker) */
  const [editing, setEditing] = useState<ManualValue | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await call('wage.manual', { period, code, search });
      setRows(list);
      setCodes((cur) => [...new Set([...cur, ...list.map((m) => m.code)])].sort());
    } catch (e) {
      setRows((cur) => cur ?? []);
      message.error(errorText(e, t));
    }
  }, [period, code, search, message, t]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    let live = true;
    call('wage.catalogue', { deleted: false }).then(
      (list) => live && setIndicators(list.filter((c) => c.source === 'manual')),
      () => live && setIndicators([]),
    );
    return () => {
      live = false;
    };
  }, []);
  const nameOf = (code: string) => indicators?.find((c) => c.code === code)?.name[locale === 'en' ? 'en' : 'zh-CN'];
  const codeLabel = (code: string) => (nameOf(code) ? `${code} · ${nameOf(code)}` : code);

  const focusWorker = useCallback(() => setTimeout(() => document.getElementById('wageMn_workerId')?.focus(), 0), []);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  useListShortcuts({ focusSearch, create: focusWorker, enabled: canRecord });

  const enter = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), period };
    const parsed = parseForm(manualSave, v, form, t);
    if (!parsed) return;
    setBusy(true);
    try {
      const saved = await call('wage.manualSave', v as never);
      message.success(savedText(t('wage.mn.saved', { name: saved.name, code: saved.code, value: num(saved.value) })));
      // the code stays for the next worker: figures are usually entered one indicator at a time
      form.setFieldsValue({ workerId: null, value: null, note: '', code: saved.code });
      setEditing(null);
      await load();
      focusWorker();
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const edit = (m: ManualValue) => {
    setEditing(m);
    form.setFieldsValue({ workerId: m.workerId, code: m.code, value: m.value, note: m.note ?? '' });
    setTimeout(() => document.getElementById('wageMn_value')?.focus(), 0);
  };

  const remove = async (m: ManualValue) => {
    try {
      await call('wage.manualDelete', { id: m.id });
      await load();
      undoNote(message, t, `undo-mn-${m.id}`, `${m.name} ${m.code}`, () => call('wage.manualSave', { workerId: m.workerId, period: m.period, code: m.code, value: m.value, note: m.note }), load);
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const columns: ColumnsType<ManualValue> = [
    { title: t('worker.empNo'), dataIndex: 'empNo', width: 110 },
    { title: t('worker.name'), dataIndex: 'name', width: 110 },
    { title: t('wage.rec.unit'), key: 'unit', width: 180, ellipsis: true, render: (_, r) => [r.workshopName, r.teamName].filter(Boolean).join(' / ') || '—' },
    { title: t('wage.mn.indicator'), dataIndex: 'code', width: 200, ellipsis: true, render: (c: string) => codeLabel(c) },
    { title: t('wage.mn.value'), dataIndex: 'value', width: 100, align: 'right', render: (v: number) => num(v) },
    { title: t('wage.rec.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
    { title: t('wage.rec.enteredBy'), dataIndex: 'enteredBy', width: 100 },
    { title: t('wage.rec.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => localTime(v) },
  ];
  if (canRecord) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, m) => (
        <EditDeleteButtons
          editLabel={t('wage.mn.editLabel', { name: m.name, code: m.code })}
          deleteLabel={t('wage.mn.deleteLabel', { name: m.name, code: m.code })}
          onEdit={() => edit(m)}
          onRemove={() => void remove(m)}
        />
      ),
    });
  }

  return (
    <div data-testid="wage-manual">
      {indicators && indicators.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="wage-mn-noIndicators"
          style={{ marginBottom: 12 }}
          title={t('wage.mn.noIndicatorsTitle')}
          description={
            <a
              href="#/wage/schemes"
              onClick={(e) => {
                e.preventDefault();
                navigate({ page: 'wage', id: 'schemes' }, { intent: 'catalogue' });
              }}
            >
              {t('wage.mn.openCatalogue')}
            </a>
          }
        />
      ) : (
        <Alert type="info" showIcon title={t('wage.mn.about')} style={{ marginBottom: 12 }} />
      )}
      {canRecord && (
        <EntryForm form={form} name="wageMn" initialValues={blank} onEnter={() => void enter()} ariaLabel={t('wage.rec.section.manual')} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item label={t('wage.rec.worker')} name="workerId" required>
            <WorkerPick placeholder={t('wage.rec.workerHint')} initialLabel={editing ? `${editing.name} · ${editing.empNo}` : null} />
          </Form.Item>
          <Form.Item label={t('wage.mn.indicator')} name="code" required>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('wage.mn.indicatorHint')}
              notFoundContent={t('wage.mn.noIndicators')}
              options={(indicators ?? []).map((c) => ({ value: c.code, label: codeLabel(c.code) }))}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item label={t('wage.mn.value')} name="value" required>
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
          <EntryNote />
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('common.save')}
              </Button>
              {editing && (
                <Button
                  onClick={() => {
                    setEditing(null);
                    form.setFieldsValue(blank);
                  }}
                >
                  {t('common.cancel')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </EntryForm>
      )}
      {editing && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('wage.mn.editing', { name: editing.name, code: editing.code })}
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label={t('wage.mn.indicatorFilter')}
          allowClear
          placeholder={t('wage.mn.allCodes')}
          value={code ?? undefined}
          onChange={(v: string | undefined) => setCode(v ?? null)}
          options={[...new Set([...(indicators ?? []).map((c) => c.code), ...codes])].map((c) => ({ value: c, label: codeLabel(c) }))}
          style={{ width: 200 }}
        />
        <RecordSearch searchRef={searchRef} value={text} onChange={setText} />
        {rows && rows.length > 0 && <Typography.Text type="secondary">{t('wage.rec.count', { n: rows.length })}</Typography.Text>}
      </Space>
      <Table<ManualValue>
        {...pagedTableProps(rows)}
        columns={columns}
        locale={{ emptyText: <Empty description={<span data-testid="wage-mn-empty">{search || code ? t('wage.mn.emptySearch') : t('wage.mn.empty', { period })}</span>} /> }}
        scroll={{ x: 1000 }}
      />
    </div>
  );
}
