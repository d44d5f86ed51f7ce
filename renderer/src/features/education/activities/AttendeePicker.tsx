// Attendees ticked from the roster: filter by workshop or team, search by name or employee number (on the backend — the
// roster does not come to the browser), tick one by one or all of the list (a whole team at once); the choice keeps
// the workers ticked under earlier filters. Workers hired after the activity's date are not offered.
import { Alert, Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WorkerRow } from '../../../../../shared/roster/types';
import { UnitSelect, useUnits } from '../../../components/pickers';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

export interface PickedWorker {
  workerId: string;
  empNo: string;
  name: string;
  workshopName: string | null;
  teamName: string | null;
}
const LIMIT = 500;
const lite = (w: WorkerRow): PickedWorker => ({ workerId: w.id, empNo: w.empNo, name: w.name, workshopName: w.workshopName, teamName: w.teamName });

export function AttendeePicker(props: { date: string; chosen: PickedWorker[]; onClose(): void; onPick(workers: PickedWorker[]): void }) {
  const t = useT();
  const units = useUnits();
  const [unit, setUnit] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<WorkerRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState(() => new Map(props.chosen.map((w) => [w.workerId, w])));
  const seq = useRef(0);

  useEffect(() => {
    const n = ++seq.current;
    const h = setTimeout(() => {
      setLoading(true);
      call('workers.list', { search, orgUnitId: unit, status: 'active', pageSize: LIMIT })
        .then(
          (p) => {
            if (n !== seq.current) return;
            setRows(p.rows.filter((w) => !w.hireDate || w.hireDate <= props.date));
            setTotal(p.total);
            setError(null);
          },
          (e: unknown) => n === seq.current && setError(errorText(e, t)),
        )
        .finally(() => n === seq.current && setLoading(false));
    }, 150);
    return () => clearTimeout(h);
  }, [search, unit, props.date, t]);

  const selectedKeys = useMemo(() => rows.filter((w) => picked.has(w.id)).map((w) => w.id), [rows, picked]);
  const setMany = (ws: WorkerRow[], on: boolean) =>
    setPicked((m) => {
      const next = new Map(m);
      for (const w of ws) {
        if (on) next.set(w.id, lite(w));
        else next.delete(w.id);
      }
      return next;
    });

  return (
    <Modal
      open
      width={820}
      title={t('edu.pick.title')}
      onCancel={props.onClose}
      mask={{ closable: false }}
      okText={t('edu.pick.ok', { n: picked.size })}
      cancelText={t('common.cancel')}
      onOk={() => props.onPick([...picked.values()])}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <label htmlFor="edu-pick-unit">{t('edu.pick.unit')}</label>
        <UnitSelect id="edu-pick-unit" units={units} value={unit} onChange={setUnit} placeholder={t('edu.act.allUnits')} />
        <Input.Search
          aria-label={t('edu.pick.search')}
          placeholder={t('edu.pick.search')}
          allowClear
          style={{ width: 220 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button onClick={() => setMany(rows, true)} disabled={rows.length === 0}>
          {t('edu.pick.selectAll', { n: rows.length })}
        </Button>
        <Button onClick={() => setMany(rows, false)} disabled={selectedKeys.length === 0}>
          {t('edu.pick.clearAll')}
        </Button>
        <Typography.Text data-testid="edu-pick-chosen">{t('edu.pick.chosen', { n: picked.size })}</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {total > LIMIT && <Alert type="info" showIcon title={t('edu.pick.more', { n: LIMIT })} style={{ marginBottom: 8 }} />}
      <Table<WorkerRow>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: t('edu.pick.empty') }}
        rowSelection={{
          selectedRowKeys: selectedKeys,
          onSelect: (w, on) => setMany([w], on),
          onSelectAll: (on) => setMany(rows, on),
          getCheckboxProps: (w) => ({ 'aria-label': `${w.empNo} ${w.name}` }) as never,
        }}
        onRow={(w) => ({ onClick: () => setMany([w], !picked.has(w.id)), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('edu.att.empNo'), dataIndex: 'empNo', width: 110 },
          { title: t('edu.att.name'), dataIndex: 'name', width: 110 },
          { title: t('edu.att.unit'), render: (_, w) => [w.workshopName, w.teamName].filter(Boolean).join(' / ') },
        ]}
      />
    </Modal>
  );
}
