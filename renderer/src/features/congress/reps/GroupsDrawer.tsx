// The constituencies (代表团/代表组) of a term: one per workshop by default, renamed, a leader among the group's
// serving members, deleted when empty.
import { App, Button, Drawer, Empty, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { CongressGroup, Member, Term } from '../../../../../shared/congress/reps/types';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

function NameCell({ group, disabled, onSave }: { group: CongressGroup; disabled: boolean; onSave(name: string): Promise<boolean> }) {
  const t = useT();
  const [name, setName] = useState(group.name);
  useEffect(() => setName(group.name), [group.name]);
  const commit = async () => {
    const v = name.trim();
    if (v === group.name) return;
    if (!v || !(await onSave(v))) setName(group.name);
  };
  return (
    <Input
      value={name}
      maxLength={40}
      disabled={disabled}
      aria-label={t('congress.reps.renameLabel', { name: group.name })}
      onChange={(e) => setName(e.target.value)}
      onBlur={() => void commit()}
      onPressEnter={() => void commit()}
    />
  );
}

export function GroupsDrawer({ term, canRun, onClose, onChanged }: { term: Term; canRun: boolean; onClose(): void; onChanged(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [groups, setGroups] = useState<CongressGroup[] | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [g, m] = await Promise.all([call('congress.groups', { termId: term.id }), call('congress.members', { termId: term.id })]);
      setGroups(g);
      setMembers(m);
    } catch (e) {
      message.error(errorText(e, t));
    }
  }, [term.id, message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async <T,>(f: () => Promise<T>, ok: (r: T) => string): Promise<boolean> => {
    setBusy(true);
    try {
      const r = await f();
      message.success(ok(r));
      await load();
      onChanged();
      return true;
    } catch (e) {
      message.error(errorText(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = (g: CongressGroup, patch: Partial<Pick<CongressGroup, 'name' | 'leaderWorkerId'>>) =>
    run(
      () => call('congress.groupSave', { termId: term.id, id: g.id, name: patch.name ?? g.name, orgUnitId: g.orgUnitId, leaderWorkerId: patch.leaderWorkerId !== undefined ? patch.leaderWorkerId : g.leaderWorkerId }),
      (r) => t('congress.reps.groupSaved', { name: r.name }),
    );
  const create = async () => {
    const name = newName.trim();
    if (!name) return;
    if (await run(() => call('congress.groupSave', { termId: term.id, name }), (r) => t('congress.reps.groupSaved', { name: r.name }))) setNewName('');
  };

  return (
    <Drawer open size={760} title={`${t('congress.reps.groups')} · ${t('congress.term', { number: term.number })}`} onClose={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('congress.reps.groupsHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button disabled={!canRun} loading={busy} onClick={() => void run(() => call('congress.groupsFromWorkshops', { termId: term.id }), (r) => t('congress.reps.fromWorkshopsDone', { n: r.length }))}>
          {t('congress.reps.fromWorkshops')}
        </Button>
        <Space.Compact>
          <Input
            value={newName}
            maxLength={40}
            disabled={!canRun}
            placeholder={t('congress.reps.newGroup')}
            aria-label={t('congress.reps.newGroup')}
            onChange={(e) => setNewName(e.target.value)}
            onPressEnter={() => void create()}
          />
          <Button type="primary" disabled={!canRun || !newName.trim()} onClick={() => void create()}>
            {t('common.create')}
          </Button>
        </Space.Compact>
      </Space>
      <Table<CongressGroup>
        rowKey="id"
        size="small"
        loading={groups === null}
        dataSource={groups ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('congress.reps.noGroups')} /> }}
        columns={[
          { title: t('congress.reps.groupName'), key: 'name', render: (_, g) => <NameCell group={g} disabled={!canRun} onSave={(name) => save(g, { name })} /> },
          { title: t('congress.reps.groupWorkshop'), dataIndex: 'orgUnitName', width: 120, render: (v: string | null) => v ?? '—' },
          { title: t('congress.reps.groupMembers'), dataIndex: 'members', width: 80, align: 'right' },
          {
            title: t('congress.reps.leader'),
            key: 'leader',
            width: 200,
            render: (_, g) => (
              <Select
                allowClear
                disabled={!canRun}
                aria-label={t('congress.reps.leaderLabel', { name: g.name })}
                value={g.leaderWorkerId ?? undefined}
                placeholder="—"
                style={{ width: '100%' }}
                options={members.filter((m) => m.groupId === g.id && m.kind === 'representative').map((m) => ({ value: m.workerId, label: `${m.name} · ${m.empNo}` }))}
                onChange={(v: string | undefined) => void save(g, { leaderWorkerId: v ?? null })}
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_, g) => (
              <Popconfirm
                title={t('congress.reps.confirmDeleteGroup', { name: g.name })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() => void run(() => call('congress.groupDelete', { id: g.id }), () => t('congress.reps.groupDeleted', { name: g.name }))}
              >
                <Button size="small" danger disabled={!canRun || g.members > 0} aria-label={`${t('common.delete')} ${g.name}`}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
