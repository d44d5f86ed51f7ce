import { App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Operator } from '../../../../shared/operators/types';
import type { WorkerRow } from '../../../../shared/roster/types';
import { useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { errorText } from '../../lib/errors';

export function OperatorsPage() {
  const t = useT();
  const { message } = App.useApp();
  const me = useSession((s) => s.operator);
  const [ops, setOps] = useState<Operator[]>([]);
  const [loading, setLoading] = useState(true);
  const [adding, setAdding] = useState(false);
  // arriving from the home page's first steps ("添加"): straight into the add dialog
  useEffect(() => {
    if (useRouter.getState().takeIntent('operators', 'add')) setAdding(true);
  }, []);
  const [pinFor, setPinFor] = useState<Operator | null>(null);
  const load = useCallback(() => {
    setLoading(true);
    call('operators.list')
      .then(setOps, (e: unknown) => message.error(errorText(e, t)))
      .finally(() => setLoading(false));
  }, [message, t]);
  useEffect(load, [load]);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('common.saved'));
      load();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <div style={{ padding: 24, overflow: 'auto' }}>
      <Card
        title={t('operators.title')}
        extra={
          me?.isAdmin && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('operators.add')}
            </Button>
          )
        }
      >
        <Table<Operator>
          rowKey="id"
          loading={loading}
          dataSource={ops}
          pagination={false}
          columns={[
            { title: t('worker.name'), dataIndex: 'name' },
            { title: t('worker.empNo'), dataIndex: 'empNo' },
            { title: t('worker.roles'), render: (_, o) => o.roles.map((r) => <Tag key={r}>{t(`role.${r}`)}</Tag>) },
            { title: t('operators.isAdmin'), render: (_, o) => (o.isAdmin ? t('common.yes') : t('common.no')) },
            { title: 'PIN', render: (_, o) => (o.hasPin ? t('operators.hasPin') : t('operators.noPin')) },
            { title: t('operators.lastSignIn'), dataIndex: 'lastSignInAt', render: (v: string | null) => v?.slice(0, 16).replace('T', ' ') ?? '' },
            {
              title: t('common.actions'),
              render: (_, o) => (
                <Space>
                  {(me?.isAdmin || me?.id === o.id) && (
                    <Button size="small" onClick={() => setPinFor(o)}>
                      {t('operators.setPin')}
                    </Button>
                  )}
                  {(me?.isAdmin || me?.id === o.id) && o.hasPin && (
                    <Button size="small" onClick={() => void act(() => call('operators.setPin', { operatorId: o.id, pin: null }))}>
                      {t('operators.clearPin')}
                    </Button>
                  )}
                  {me?.isAdmin && me.id !== o.id && (
                    <Popconfirm title={t('operators.confirmRemove', { name: o.name })} onConfirm={() => void act(() => call('operators.remove', { id: o.id }))}>
                      <Button size="small" danger>
                        {t('operators.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {adding && <AddOperator onClose={() => setAdding(false)} onDone={load} />}
      {pinFor && <SetPin op={pinFor} onClose={() => setPinFor(null)} onDone={load} />}
    </div>
  );
}

function AddOperator({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [workers, setWorkers] = useState<WorkerRow[]>([]);
  const [search, setSearch] = useState('');
  const [form] = Form.useForm<{ workerId: string; isAdmin: boolean; pin?: string }>();
  useEffect(() => {
    call('workers.list', { role: 'any', search, pageSize: 50 }).then((p) => setWorkers(p.rows), () => undefined);
  }, [search]);
  const submit = async () => {
    const v = form.getFieldsValue();
    try {
      await call('operators.add', { workerId: v.workerId, isAdmin: !!v.isAdmin, pin: v.pin || null });
      onDone();
      onClose();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <Modal open title={t('operators.add')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('operators.worker')} name="workerId" rules={[{ required: true, message: t('v.required') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={workers.map((w) => ({ value: w.id, label: `${w.name} ${w.empNo} · ${w.roles.map((r) => t(`role.${r}`)).join(t('common.listSep'))}` }))}
          />
        </Form.Item>
        <Form.Item name="isAdmin" valuePropName="checked">
          <Checkbox>{t('operators.isAdmin')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('setup.pin')} name="pin" rules={[{ pattern: /^\d{4,12}$/, message: t('v.pin') }]}>
          <Input.Password maxLength={12} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SetPin({ op, onClose, onDone }: { op: Operator; onClose(): void; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ pin: string }>();
  const submit = async ({ pin }: { pin: string }) => {
    try {
      await call('operators.setPin', { operatorId: op.id, pin });
      message.success(t('common.saved'));
      onDone();
      onClose();
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <Modal open title={`${t('operators.setPin')} · ${op.name}`} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="PIN" name="pin" rules={[{ required: true, pattern: /^\d{4,12}$/, message: t('v.pin') }]}>
          <Input.Password maxLength={12} autoFocus autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
