// Exposures per worker (接触登记): current, all or deleted; by factor, workshop/team and name. Added in a dialog (Alt+N),
// ended (a post change) with a date, deleted with an undo and restored from the deleted view; "按花名册生成" shows what
// the roster's free-text 接触职业病危害因素 would give (and the words it cannot match) before anything is written.
// #/health/plan/exposures/worker/<id> (a due-list row leads there) shows that worker's exposures alone, ended ones too.
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { exposureAdd, exposureEnd } from '../../../../../shared/health/plan/schemas';
import type { Exposure, ExposurePage, Factor, FromRosterResult } from '../../../../../shared/health/plan/types';
import { UnitSelect, useUnits, WorkerSelect } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { useRouter } from '../../../app/router';
import { factorLabel } from './factorLabel';

type State = 'current' | 'all' | 'deleted';

const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : null),
};

export function ExposuresSection({ canWrite, workerId = null }: { canWrite: boolean; workerId?: string | null }) {
  const t = useT();
  const { message } = App.useApp();
  const units = useUnits();
  const navigate = useRouter((s) => s.navigate);
  const [factors, setFactors] = useState<Factor[]>([]);
  const [state, setState] = useState<State>(workerId ? 'all' : 'current');
  const [factorId, setFactorId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ExposurePage | null>(null);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Exposure | null>(null);
  const [preview, setPreview] = useState<FromRosterResult | null>(null);
  // with no current exposure: whether any is recorded at all (ended ones), for the empty state
  const [anyRecorded, setAnyRecorded] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('health.factors', {}).then(setFactors, () => undefined);
  }, []);
  useEffect(() => {
    const h = setTimeout(() => {
      setSearch(typed.trim());
      setPage(1);
    }, 250);
    return () => clearTimeout(h);
  }, [typed]);
  const unit = units.find((u) => u.id === unitId);
  const load = useCallback(() => {
    const where = unit ? (unit.kind === 'workshop' ? { workshopId: unit.id } : { teamId: unit.id }) : {};
    const q = { ...where, ...(workerId ? { workerId } : {}), ...(factorId ? { factorId } : {}), search: search || null };
    call('health.exposures', { ...q, state, page, pageSize: 50 }).then(
      (d) => {
        setData(d);
        if (state === 'current' && d.total === 0) call('health.exposures', { ...q, state: 'all', pageSize: 1 }).then((a) => setAnyRecorded(a.total > 0), () => setAnyRecorded(false));
        else setAnyRecorded(false);
      },
      (e: unknown) => message.error(errorText(e, t)),
    );
  }, [unit, workerId, factorId, state, search, page, message, t]);
  const filtered = unitId !== null || factorId !== null || search !== '';
  const emptyText =
    state === 'deleted' ? t('health.exp.emptyDeleted') : state === 'current' && anyRecorded ? t('health.exp.emptyCurrent') : filtered ? t('health.exp.emptyFiltered') : t('health.exp.empty');
  useEffect(load, [load]);

  useEffect(() => {
    if (!canWrite) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'n' || e.key === 'N')) {
        e.preventDefault();
        setAdding(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canWrite]);

  const what = (x: Exposure) => `${x.name} ${factorLabel(x.factorName, x.factorLevel)}`;
  const remove = async (x: Exposure) => {
    try {
      await call('health.exposureDelete', { id: x.id });
      const key = `undo-exp-${x.id}`;
      message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <Space>
            {t('health.exp.deleted', { what: what(x) })}
            <Button
              size="small"
              type="link"
              onClick={() => {
                message.destroy(key);
                call('health.exposureRestore', { id: x.id }).then(
                  () => {
                    message.success(t('health.exp.restored'));
                    load();
                  },
                  (e: unknown) => message.error(errorText(e, t)),
                );
              }}
            >
              {t('health.exp.undo')}
            </Button>
          </Space>
        ),
      });
      load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  const restore = async (x: Exposure) => {
    try {
      await call('health.exposureRestore', { id: x.id });
      message.success(t('health.exp.restored'));
      load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const fromRoster = async () => {
    setBusy(true);
    try {
      setPreview(await call('health.exposuresFromRoster', { dryRun: true }));
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const runFromRoster = async () => {
    setBusy(true);
    try {
      const r = await call('health.exposuresFromRoster', { dryRun: false });
      message.success(t('health.exp.roster.done', { created: r.created }));
      setPreview(null);
      load();
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<Exposure> = [
    { title: t('worker.empNo'), dataIndex: 'empNo', width: 100 },
    { title: t('worker.name'), dataIndex: 'name', width: 90 },
    { title: t('health.plan.col.unit'), key: 'unit', width: 160, ellipsis: true, render: (_, r) => [r.workshopName, r.teamName].filter(Boolean).join(' / ') || '—' },
    { title: t('health.plan.col.factor'), key: 'factor', width: 170, render: (_, r) => factorLabel(r.factorName, r.factorLevel) },
    { title: t('health.exp.col.post'), dataIndex: 'post', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('health.exp.col.start'), dataIndex: 'startDate', width: 110 },
    { title: t('health.exp.col.end'), dataIndex: 'endDate', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('health.exp.col.source'), dataIndex: 'source', width: 100, render: (s: string) => <Tag>{t(`health.exposureSource.${s}`)}</Tag> },
  ];
  if (canWrite) {
    columns.push({
      title: t('health.exp.col.actions'),
      key: 'actions',
      width: 150,
      render: (_, x) =>
        x.deletedAt ? (
          <Button size="small" type="link" onClick={() => void restore(x)} aria-label={`${t('health.exp.restore')} ${what(x)}`}>
            {t('health.exp.restore')}
          </Button>
        ) : (
          <Space size={0}>
            {!x.endDate && (
              <Button size="small" type="link" onClick={() => setEnding(x)} aria-label={`${t('health.exp.end')} ${what(x)}`}>
                {t('health.exp.end')}
              </Button>
            )}
            <Button size="small" type="link" danger onClick={() => void remove(x)} aria-label={`${t('health.exp.delete')} ${what(x)}`}>
              {t('health.exp.delete')}
            </Button>
          </Space>
        ),
    });
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="health-exposures">
      {workerId && data && (
        <Alert
          type="info"
          showIcon
          data-testid="health-exp-worker"
          title={data.rows[0] ? t('health.exp.onlyWorker', { name: `${data.rows[0].name}（${data.rows[0].empNo}）` }) : t('health.exp.onlyThisWorker')}
          action={
            <Button size="small" onClick={() => navigate({ page: 'health', id: 'plan/exposures' })}>
              {t('health.exp.allWorkers')}
            </Button>
          }
        />
      )}
      <Space wrap>
        <Segmented<State>
          aria-label={t('health.exp.state')}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={(['current', 'all', 'deleted'] as const).map((s) => ({ value: s, label: t(`health.exp.state.${s}`) }))}
        />
        <Select
          aria-label={t('health.exp.factorFilter')}
          placeholder={t('health.exp.factorFilter')}
          allowClear
          value={factorId}
          onChange={(v: string | undefined) => {
            setFactorId(v ?? null);
            setPage(1);
          }}
          options={factors.map((f) => ({ value: f.id, label: factorLabel(f.name, f.levelNote) }))}
          style={{ width: 200 }}
        />
        <UnitSelect units={units} value={unitId} onChange={(v) => (setUnitId(v), setPage(1))} placeholder={t('health.plan.unit')} />
        <Input.Search aria-label={t('health.plan.search')} placeholder={t('health.plan.search')} allowClear value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 180 }} />
        {canWrite && (
          <>
            <Button type="primary" onClick={() => setAdding(true)} title="Alt+N">
              {t('health.exp.add')}
            </Button>
            <Button onClick={() => void fromRoster()} loading={busy && preview === null}>
              {t('health.exp.fromRoster')}
            </Button>
          </>
        )}
      </Space>
      <Table<Exposure>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={data?.rows ?? []}
        loading={data === null}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={<span data-testid="health-exp-empty">{emptyText}</span>} /> }}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
      />
      {adding && (
        <AddExposure
          factors={factors}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            load();
          }}
        />
      )}
      {ending && (
        <EndExposure
          exposure={ending}
          what={what(ending)}
          onClose={() => setEnding(null)}
          onSaved={() => {
            setEnding(null);
            load();
          }}
        />
      )}
      {preview && (
        <Modal
          open
          title={t('health.exp.roster.title')}
          onCancel={() => setPreview(null)}
          onOk={() => void runFromRoster()}
          okText={t('health.exp.roster.go')}
          cancelText={t('common.cancel')}
          okButtonProps={{ disabled: preview.created === 0 }}
          confirmLoading={busy}
        >
          <div data-testid="health-roster-preview">
            {preview.created > 0 ? (
              <Typography.Paragraph>{t('health.exp.roster.summary', { created: preview.created, workers: preview.workers, existing: preview.existing })}</Typography.Paragraph>
            ) : (
              <Typography.Paragraph>{t('health.exp.roster.nothing')}</Typography.Paragraph>
            )}
            {preview.withoutHireDate > 0 && <Typography.Paragraph type="warning">{t('health.exp.roster.noHire', { n: preview.withoutHireDate })}</Typography.Paragraph>}
            {preview.unmatched.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('health.exp.roster.unmatched')}
                description={preview.unmatched
                  .map((u) => t(u.ambiguous ? 'health.exp.roster.ambiguous' : 'health.exp.roster.wordWorkers', { word: u.word, n: u.workers }))
                  .join(t('common.listSep'))}
              />
            )}
          </div>
        </Modal>
      )}
    </Space>
  );
}

function AddExposure({ factors, onClose, onSaved }: { factors: Factor[]; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const d = parseForm(exposureAdd, form.getFieldsValue(true) as Record<string, unknown>, form, t);
    if (!d) return;
    setBusy(true);
    try {
      await call('health.exposureAdd', d);
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      // a conflict says which factor or exposure in its message; the field is marked too
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t)) || (e instanceof ApiError && e.code === 'CONFLICT')) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('health.exp.form.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden maskClosable={false}>
      <Form form={form} name="health-exposure" layout="vertical" onFinish={() => void save()} onFieldsChange={clearErrorsOnEdit(form)} initialValues={{ startDate: dayjs().format('YYYY-MM-DD') }}>
        <Form.Item label={t('health.exp.form.worker')} name="workerId" required>
          <WorkerSelect />
        </Form.Item>
        <Form.Item label={t('health.exp.form.factor')} name="factorId" required>
          <Select showSearch={{ optionFilterProp: 'label' }} options={factors.map((f) => ({ value: f.id, label: factorLabel(f.name, f.levelNote) }))} />
        </Form.Item>
        <Form.Item label={t('health.exp.form.post')} name="post">
          <Input maxLength={50} />
        </Form.Item>
        <Space>
          <Form.Item label={t('health.exp.form.start')} name="startDate" required {...dateProps}>
            <DatePicker />
          </Form.Item>
          <Form.Item label={t('health.exp.form.end')} name="endDate" {...dateProps}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item label={t('health.exp.form.note')} name="note">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndExposure({ exposure, what, onClose, onSaved }: { exposure: Exposure; what: string; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const d = parseForm(exposureEnd, { id: exposure.id, endDate: (form.getFieldValue('endDate') as string | null) ?? '' }, form, t);
    if (!d) return;
    setBusy(true);
    try {
      await call('health.exposureEnd', d);
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      // a conflict says which factor or exposure in its message; the field is marked too
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t)) || (e instanceof ApiError && e.code === 'CONFLICT')) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('health.exp.endTitle', { what })} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden>
      <Form form={form} name="health-exposure-end" layout="vertical" onFinish={() => void save()} onFieldsChange={clearErrorsOnEdit(form)} initialValues={{ endDate: dayjs().format('YYYY-MM-DD') }}>
        <Form.Item label={t('health.exp.endDate')} name="endDate" required {...dateProps}>
          <DatePicker autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
