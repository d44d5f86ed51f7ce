// The indicator catalogue (指标库) in a drawer: every indicator a new scheme may start from — code, name, unit, source,
// scoring rule, weight, whether a veto zeroes it — with new, edit, delete (with undo) and the deleted ones to restore.
// A built-in indicator keeps its code. Union officers and administrators edit; everyone reads.
import { App, Button, Drawer, Empty, Form, Input, InputNumber, Modal, Popconfirm, Segmented, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { INDICATOR_SOURCES, type IndicatorSource } from '../../../../../shared/wage/catalogue';
import type { ScoringRule } from '../../../../../shared/wage/rules';
import { catalogueSave } from '../../../../../shared/wage/schemes/schemas';
import type { CatalogueIndicator } from '../../../../../shared/wage/schemes/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { defaultRule, RuleEditor } from './RuleEditor';

export function CatalogueEditor({ canRun, onClose }: { canRun: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [view, setView] = useState<'current' | 'deleted'>('current');
  const [rows, setRows] = useState<CatalogueIndicator[] | null>(null);
  const [editing, setEditing] = useState<CatalogueIndicator | 'new' | null>(null);

  const load = useCallback(async () => {
    setRows(null);
    try {
      setRows(await call('wage.catalogue', { deleted: view === 'deleted' }));
    } catch (e) {
      setRows([]);
      message.error(errorText(e, t));
    }
  }, [view, message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const restore = async (c: CatalogueIndicator, quiet = false) => {
    try {
      await call('wage.catalogueRestore', { id: c.id });
      if (!quiet) message.success(t('wage.cat.restored', { code: c.code }));
      await load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const remove = async (c: CatalogueIndicator) => {
    try {
      await call('wage.catalogueDelete', { id: c.id });
      await load();
      const key = `undo-cat-${c.id}`;
      message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <Space>
            {t('wage.cat.deleted', { code: c.code })}
            <Button
              size="small"
              type="link"
              onClick={() => {
                message.destroy(key);
                void restore(c);
              }}
            >
              {t('common.undo')}
            </Button>
          </Space>
        ),
      });
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const columns: ColumnsType<CatalogueIndicator> = [
    {
      title: t('wage.sch.col.code'),
      key: 'code',
      width: 150,
      render: (_, c) => (
        <Space size={4}>
          <Typography.Text code>{c.code}</Typography.Text>
          {c.builtIn && <Tag>{t('wage.cat.builtIn')}</Tag>}
        </Space>
      ),
    },
    { title: t('wage.sch.col.name'), key: 'name', render: (_, c) => c.name['zh-CN'] },
    { title: t('wage.sch.unit'), key: 'unit', width: 70, render: (_, c) => c.unit['zh-CN'] },
    { title: t('wage.sch.col.source'), key: 'source', width: 170, render: (_, c) => t(`wage.indicatorSource.${c.source}`) },
    { title: t('wage.sch.col.rule'), key: 'rule', width: 100, render: (_, c) => t(`wage.rule.kind.${c.rule.kind}`) },
    { title: t('wage.sch.col.weight'), key: 'weight', width: 70, render: (_, c) => `${c.weightPct}%` },
    { title: t('wage.sch.col.safety'), key: 'safety', width: 80, render: (_, c) => (c.safety ? <Tag color="red">{t('wage.sch.vetoed')}</Tag> : '—') },
    ...(canRun
      ? [
          {
            title: t('common.actions'),
            key: 'ops',
            width: 150,
            render: (_: unknown, c: CatalogueIndicator) =>
              view === 'deleted' ? (
                <Button size="small" onClick={() => void restore(c)}>
                  {t('wage.cat.restore')}
                </Button>
              ) : (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing(c)} aria-label={t('wage.cat.editOf', { code: c.code })}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={t('wage.cat.deleteConfirm', { code: c.code })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(c)}>
                    <Button size="small" danger aria-label={t('wage.cat.deleteOf', { code: c.code })}>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Drawer open size={1000} title={t('wage.sch.catalogue')} onClose={onClose} destroyOnHidden>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="catalogue-editor">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('wage.cat.hint')}
        </Typography.Paragraph>
        <Space wrap>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'current' | 'deleted')}
            options={[
              { value: 'current', label: t('wage.cat.current') },
              { value: 'deleted', label: t('wage.cat.deletedList') },
            ]}
          />
          {canRun && view === 'current' && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('wage.cat.new')}
            </Button>
          )}
        </Space>
        {rows === null ? (
          <Skeleton active />
        ) : (
          <Table<CatalogueIndicator>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={rows}
            locale={{ emptyText: <Empty description={t(view === 'deleted' ? 'wage.cat.noDeleted' : 'wage.sch.catalogueEmpty')} /> }}
          />
        )}
      </div>
      {editing && (
        <IndicatorDialog
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={(c) => {
            setEditing(null);
            message.success(t('wage.cat.saved', { code: c.code }));
            void load();
          }}
        />
      )}
    </Drawer>
  );
}

interface FormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  source: IndicatorSource;
  weightPct: number;
  safety: boolean;
  note: string;
}

function IndicatorDialog({ entry, onClose, onDone }: { entry: CatalogueIndicator | null; onClose(): void; onDone(c: CatalogueIndicator): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [rule, setRule] = useState<ScoringRule>(entry?.rule ?? defaultRule('tiers'));
  const [ruleError, setRuleError] = useState(false);
  const [busy, setBusy] = useState(false);
  const source = Form.useWatch('source', form) as IndicatorSource | undefined;
  const unit = Form.useWatch('unitZh', form) as string | undefined;
  const initial: FormValues = {
    code: entry?.code ?? '',
    nameZh: entry?.name['zh-CN'] ?? '',
    nameEn: entry?.name.en ?? '',
    unitZh: entry?.unit['zh-CN'] ?? '',
    unitEn: entry?.unit.en ?? '',
    source: entry?.source ?? 'manual',
    weightPct: entry?.weightPct ?? 0,
    safety: entry?.safety ?? true,
    note: entry?.note ?? '',
  };

  const ok = async () => {
    const v = form.getFieldsValue(true) as FormValues;
    const input = {
      id: entry?.id ?? null,
      code: (v.code ?? '').trim(),
      name: { 'zh-CN': v.nameZh ?? '', en: v.nameEn ?? '' },
      unit: { 'zh-CN': v.unitZh ?? '', en: v.unitEn ?? '' },
      source: v.source,
      rule,
      weightPct: v.weightPct,
      safety: v.safety,
      note: v.note ?? '',
    };
    // the schema's paths (name.zh-CN…) → this form's fields
    const r = catalogueSave.safeParse(input);
    if (!r.success) {
      const fieldOf = (p: readonly PropertyKey[]) => (p[0] === 'name' ? (p[1] === 'en' ? 'nameEn' : 'nameZh') : p[0] === 'unit' ? (p[1] === 'en' ? 'unitEn' : 'unitZh') : String(p[0]));
      setRuleError(r.error.issues.some((i) => i.path[0] === 'rule'));
      form.setFields(r.error.issues.filter((i) => i.path[0] !== 'rule').map((i) => ({ name: fieldOf(i.path) as keyof FormValues, errors: [t(i.message.startsWith('v.') ? i.message : 'v.invalid')] })));
      return;
    }
    setBusy(true);
    try {
      onDone(await call('wage.catalogueSave', input));
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={860} title={entry ? t('wage.cat.editTitle', { code: entry.code }) : t('wage.cat.new')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)}>
        <Space wrap align="start">
          <Form.Item name="code" label={t('wage.sch.col.code')} required extra={entry?.builtIn ? t('wage.cat.builtInCode') : t('wage.cat.codeHint')}>
            <Input autoFocus={!entry} disabled={!!entry?.builtIn} maxLength={20} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('wage.cat.nameZh')} required>
            <Input maxLength={40} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('wage.cat.nameEn')}>
            <Input maxLength={80} style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="unitZh" label={t('wage.cat.unitZh')} required>
            <Input maxLength={10} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="unitEn" label={t('wage.cat.unitEn')}>
            <Input maxLength={20} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="source" label={t('wage.sch.col.source')} required>
            <Select style={{ width: 220 }} options={INDICATOR_SOURCES.map((s) => ({ value: s, label: t(`wage.indicatorSource.${s}`) }))} />
          </Form.Item>
          <Form.Item name="weightPct" label={t('wage.cat.defaultWeight')} required>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="safety" label={t('wage.sch.col.safety')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item label={t('wage.cat.rule')} required validateStatus={ruleError ? 'error' : undefined}>
          <RuleEditor
            value={rule}
            onChange={(r) => {
              setRule(r);
              setRuleError(false);
            }}
            source={source}
            unit={unit}
          />
        </Form.Item>
        <Form.Item name="note" label={t('wage.sch.note')}>
          <Input.TextArea autoSize maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
