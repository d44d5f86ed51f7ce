// 危害因素与周期 (#/health/factors): the interval table — seeded with the GBZ 188 defaults (marked: check against GBZ 188),
// edited in a dialog (name, category, level, interval, synonyms), added, deleted (refused while workers are exposed) and
// restored from the deleted view — and the women workers' exam settings (interval, screening age).
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { FACTOR_CATEGORIES } from '../../../../../shared/health/kinds';
import { factorSave, womenSettingsSave } from '../../../../../shared/health/plan/schemas';
import type { Factor } from '../../../../../shared/health/plan/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { useCanWriteHealth } from './PlanTab';

export function FactorsTab() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCanWriteHealth();
  const [deleted, setDeleted] = useState(false);
  const [rows, setRows] = useState<Factor[] | null>(null);
  const [editing, setEditing] = useState<Factor | 'new' | null>(null);
  const load = useCallback(() => {
    call('health.factors', { deleted }).then(setRows, (e: unknown) => message.error(errorText(e, t)));
  }, [deleted, message, t]);
  useEffect(load, [load]);

  const act = async (f: Factor, channel: 'health.factorDelete' | 'health.factorRestore') => {
    try {
      await call(channel, { id: f.id });
      if (channel === 'health.factorDelete') {
        const key = `undo-f-${f.id}`;
        message.open({
          key,
          type: 'success',
          duration: 8,
          content: (
            <Space>
              {t('health.exp.deleted', { what: f.name })}
              <Button size="small" type="link" onClick={() => (message.destroy(key), void act(f, 'health.factorRestore'))}>
                {t('health.exp.undo')}
              </Button>
            </Space>
          ),
        });
      } else message.success(t('health.exp.restored'));
      load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const columns: ColumnsType<Factor> = [
    { title: t('health.f.col.code'), dataIndex: 'code', width: 130 },
    {
      title: t('health.f.col.name'),
      key: 'name',
      width: 330,
      render: (_, f) => (
        <Space size={4} wrap>
          {f.name}
          {f.seeded && (
            <Tag color="orange" data-testid="health-factor-seeded">
              {t('health.f.seeded')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('health.f.col.category'), dataIndex: 'category', width: 100, render: (c: string) => t(`health.category.${c}`) },
    { title: t('health.f.col.level'), dataIndex: 'levelNote', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('health.f.col.interval'), dataIndex: 'intervalMonths', width: 110, render: (n: number) => t('health.f.months', { n }) },
    { title: t('health.f.col.synonyms'), dataIndex: 'synonyms', ellipsis: true, render: (s: string[]) => s.join('、') || '—' },
    { title: t('health.f.col.exposed'), dataIndex: 'exposedWorkers', width: 110 },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, f) =>
        f.deletedAt ? (
          <Button size="small" type="link" onClick={() => void act(f, 'health.factorRestore')} aria-label={`${t('health.exp.restore')} ${f.name}`}>
            {t('health.exp.restore')}
          </Button>
        ) : (
          <Space size={0}>
            <Button size="small" type="link" onClick={() => setEditing(f)} aria-label={`${t('health.f.edit')} ${f.code}`}>
              {t('health.f.edit')}
            </Button>
            <Button size="small" type="link" danger onClick={() => void act(f, 'health.factorDelete')} aria-label={`${t('health.exp.delete')} ${f.code}`}>
              {t('health.exp.delete')}
            </Button>
          </Space>
        ),
    });
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', paddingBottom: 24 }} data-testid="health-factors">
      <Alert type="warning" showIcon title={t('health.f.seededNote')} />
      <Space wrap>
        {canWrite && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('health.f.add')}
          </Button>
        )}
        <Space>
          <Switch checked={deleted} onChange={setDeleted} aria-label={t('health.f.showDeleted')} />
          <Typography.Text>{t('health.f.showDeleted')}</Typography.Text>
        </Space>
      </Space>
      <Table<Factor>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows ?? []}
        loading={rows === null}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={deleted ? t('health.f.emptyDeleted') : t('health.f.empty')} /> }}
      />
      <WomenSettings canWrite={canWrite} />
      {editing && (
        <FactorDialog
          factor={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </Space>
  );
}

function FactorDialog({ factor, onClose, onSaved }: { factor: Factor | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const initial = factor
    ? { code: factor.code, name: factor.name, category: factor.category, intervalMonths: factor.intervalMonths, levelNote: factor.levelNote, synonyms: factor.synonyms }
    : { category: 'chemical', intervalMonths: 12, synonyms: [] };
  const save = async () => {
    const d = parseForm(factorSave, { ...(form.getFieldsValue(true) as object), ...(factor ? { id: factor.id } : {}) }, form, t);
    if (!d) return;
    setBusy(true);
    try {
      await call('health.factorSave', d);
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
    <Modal
      open
      title={factor ? t('health.f.editTitle', { name: factor.name }) : t('health.f.newTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      maskClosable={false}
    >
      <Form form={form} name="health-factor" layout="vertical" initialValues={initial} onFinish={() => void save()} onFieldsChange={clearErrorsOnEdit(form)}>
        <Space align="start">
          <Form.Item label={t('health.f.col.code')} name="code" required>
            <Input maxLength={32} style={{ width: 160 }} autoFocus={!factor} />
          </Form.Item>
          <Form.Item label={t('health.f.col.name')} name="name" required>
            <Input maxLength={40} style={{ width: 240 }} autoFocus={!!factor} />
          </Form.Item>
        </Space>
        <Space align="start">
          <Form.Item label={t('health.f.col.category')} name="category" required>
            <Select style={{ width: 160 }} options={FACTOR_CATEGORIES.map((c) => ({ value: c, label: t(`health.category.${c}`) }))} />
          </Form.Item>
          {/* no min/max/precision: they would silently change what was typed (0 → 1); the schema refuses it on the field */}
          <Form.Item label={t('health.f.form.intervalMonths')} name="intervalMonths" required>
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item label={t('health.f.form.levelNote')} name="levelNote">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('health.f.form.synonyms')} name="synonyms">
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function WomenSettings({ canWrite }: { canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('health.womenSettings', {}).then((s) => form.setFieldsValue(s), () => undefined);
  }, [form]);
  const save = async () => {
    const d = parseForm(womenSettingsSave, form.getFieldsValue(true), form, t);
    if (!d) return;
    setBusy(true);
    try {
      form.setFieldsValue(await call('health.womenSettingsSave', d));
      message.success(t('common.saved'));
    } catch (e) {
      // a conflict says which factor or exposure in its message; the field is marked too
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t)) || (e instanceof ApiError && e.code === 'CONFLICT')) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 14 }}>{t('health.women.title')}</h2>} data-testid="health-women">
      <Typography.Paragraph type="secondary">{t('health.women.note')}</Typography.Paragraph>
      <Form form={form} name="health-women" layout="inline" onFinish={() => void save()} onFieldsChange={clearErrorsOnEdit(form)} disabled={!canWrite}>
        <Form.Item label={t('health.women.interval')} name="intervalMonths" required>
          <InputNumber />
        </Form.Item>
        <Form.Item label={t('health.women.age')} name="screeningFromAge" required>
          <InputNumber />
        </Form.Item>
        {canWrite && (
          <Form.Item>
            <Button htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
