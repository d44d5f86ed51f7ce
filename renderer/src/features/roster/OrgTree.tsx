import { App, Button, Checkbox, Dropdown, Empty, Form, Input, Modal, Select, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgUnit } from '../../../../shared/org/types';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useRoster } from './store';

type Dialog =
  | { kind: 'create'; unitKind: 'workshop' | 'team'; parentId: string | null }
  | { kind: 'rename'; unit: OrgUnit }
  | { kind: 'move'; unit: OrgUnit };

const ALL = '__all__';

export function OrgTree() {
  const t = useT();
  const { message } = App.useApp();
  const { units, query, setQuery, showRetired, setShowRetired, loadUnits, load } = useRoster();
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const refresh = async () => {
    await loadUnits();
    await load();
  };
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await refresh();
      return true;
    } catch (e) {
      message.error(errorText(e, t));
      return false;
    }
  };

  const treeData = useMemo(() => {
    const label = (u: OrgUnit) => (
      <Dropdown
        trigger={['contextMenu']}
        menu={{
          items: [
            ...(u.kind === 'workshop' && !u.retiredAt ? [{ key: 'team', label: t('org.addTeam') }] : []),
            { key: 'rename', label: t('org.rename') },
            ...(u.kind === 'team' ? [{ key: 'move', label: t('org.move') }] : []),
            u.retiredAt ? { key: 'restore', label: t('org.restore') } : { key: 'retire', label: t('org.retire'), danger: true },
          ],
          onClick: ({ key, domEvent }) => {
            domEvent.stopPropagation();
            if (key === 'team') setDialog({ kind: 'create', unitKind: 'team', parentId: u.id });
            if (key === 'rename') setDialog({ kind: 'rename', unit: u });
            if (key === 'move') setDialog({ kind: 'move', unit: u });
            if (key === 'retire') void run(() => call('org.retire', { id: u.id }));
            if (key === 'restore') void run(() => call('org.restore', { id: u.id }));
          },
        }}
      >
        <span data-testid={`unit-${u.name}`}>
          {u.name} <Typography.Text type="secondary">{u.workerCount}</Typography.Text>
          {u.retiredAt && (
            <Tag style={{ marginInlineStart: 4 }} color="default">
              {t('org.retired')}
            </Tag>
          )}
        </span>
      </Dropdown>
    );
    const workshops = units.filter((u) => u.kind === 'workshop');
    const total = workshops.reduce((n, w) => n + w.workerCount, 0);
    return [
      {
        key: ALL,
        title: (
          <span>
            {t('roster.allUnits')} <Typography.Text type="secondary">{total}</Typography.Text>
          </span>
        ),
        children: workshops.map((w) => ({
          key: w.id,
          title: label(w),
          children: units.filter((u) => u.parentId === w.id).map((tm) => ({ key: tm.id, title: label(tm), isLeaf: true })),
        })),
      },
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run only closes over stable store actions
  }, [units, t]);

  const selected = units.find((u) => u.id === query.orgUnitId);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '8px 8px 4px' }}>
        <Typography.Text strong style={{ flex: 1 }}>
          {t('org.title')}
        </Typography.Text>
        <Dropdown
          menu={{
            items: [
              { key: 'ws', label: t('org.addWorkshop') },
              ...(selected?.kind === 'workshop' ? [{ key: 'team', label: `${t('org.addTeam')}（${selected.name}）` }] : []),
            ],
            onClick: ({ key }) =>
              setDialog(key === 'ws' ? { kind: 'create', unitKind: 'workshop', parentId: null } : { kind: 'create', unitKind: 'team', parentId: selected!.id }),
          }}
        >
          <Button size="small">{t('common.create')}</Button>
        </Dropdown>
        {selected && (
          <Dropdown
            menu={{
              items: [
                { key: 'rename', label: t('org.rename') },
                ...(selected.kind === 'team' ? [{ key: 'move', label: t('org.move') }] : []),
                selected.retiredAt ? { key: 'restore', label: t('org.restore') } : { key: 'retire', label: t('org.retire'), danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'rename') setDialog({ kind: 'rename', unit: selected });
                if (key === 'move') setDialog({ kind: 'move', unit: selected });
                if (key === 'retire') void run(() => call('org.retire', { id: selected.id }));
                if (key === 'restore') void run(() => call('org.restore', { id: selected.id }));
              },
            }}
          >
            <Button size="small" aria-label={`${selected.name} ${t('common.actions')}`}>
              ⋯
            </Button>
          </Dropdown>
        )}
      </div>
      <div style={{ flex: 1, overflow: 'auto', padding: '0 4px' }}>
        {units.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.empty')} />
        ) : (
          <Tree
            blockNode
            defaultExpandAll
            treeData={treeData}
            selectedKeys={[query.orgUnitId ?? ALL]}
            onSelect={(keys) => {
              const k = keys[0] as string | undefined;
              setQuery({ orgUnitId: !k || k === ALL ? null : k });
            }}
          />
        )}
      </div>
      <div style={{ padding: 8, borderTop: '1px solid #f0f0f0' }}>
        <Checkbox checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)}>
          {t('org.showRetired')}
        </Checkbox>
      </div>
      {dialog && <UnitDialog dialog={dialog} units={units} onClose={() => setDialog(null)} run={run} />}
    </div>
  );
}

function UnitDialog({ dialog, units, onClose, run }: { dialog: Dialog; units: OrgUnit[]; onClose(): void; run(fn: () => Promise<unknown>): Promise<boolean> }) {
  const t = useT();
  const [form] = Form.useForm<{ name?: string; parentId?: string }>();
  const title =
    dialog.kind === 'create' ? t(dialog.unitKind === 'workshop' ? 'org.addWorkshop' : 'org.addTeam') : dialog.kind === 'rename' ? t('org.rename') : t('org.move');
  const submit = async (v: { name?: string; parentId?: string }) => {
    const ok = await run(() => {
      if (dialog.kind === 'create') return call('org.create', { kind: dialog.unitKind, parentId: dialog.parentId, name: v.name ?? '' });
      if (dialog.kind === 'rename') return call('org.rename', { id: dialog.unit.id, name: v.name ?? '' });
      return call('org.move', { id: dialog.unit.id, parentId: v.parentId ?? '' });
    });
    if (ok) onClose();
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={dialog.kind === 'rename' ? { name: dialog.unit.name } : {}}>
        {dialog.kind !== 'move' ? (
          <Form.Item label={t('org.name')} name="name" rules={[{ required: true, whitespace: true, message: t('v.required') }, { max: 50, message: t('v.tooLong') }]}>
            <Input autoFocus maxLength={50} />
          </Form.Item>
        ) : (
          <Form.Item label={t('org.targetWorkshop')} name="parentId" rules={[{ required: true, message: t('v.required') }]}>
            <Select
              options={units
                .filter((u) => u.kind === 'workshop' && !u.retiredAt && u.id !== dialog.unit.parentId)
                .map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
