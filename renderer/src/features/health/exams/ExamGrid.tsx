// The exams of a batch as a grid to fill fast by keyboard: each row a worker, the factors examined, the conclusion (keys
// 1–5 in its cell choose it) and the fields that conclusion needs (复查: items and by when; 职业禁忌证: which; 疑似职业病 /
// 其他: what), the screening flag on a women workers' exam. Edited and new rows are drafts until Save (Ctrl+S) sends them
// together; an exam is deleted with an undo.
import { App, Button, Checkbox, DatePicker, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Exam, ExamBatch, FactorOption } from '../../../../../shared/health/exams/types';
import { CONCLUSIONS, type Conclusion } from '../../../../../shared/health/kinds';
import type { WorkerRow } from '../../../../../shared/roster/types';
import { useT } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { CONCLUSION_COLOR, conclusionText, undoNote } from './common';

export interface Draft {
  workerId: string;
  empNo: string;
  name: string;
  unit: string;
  factorIds: string[];
  conclusion: Conclusion | null;
  recheckItems: string;
  recheckDue: string | null;
  contraindication: string;
  detail: string;
  screening: boolean;
}
interface Row {
  key: string;
  exam: Exam | null;
  draft: Draft | null;
}

const unitOf = (w: { workshopName: string | null; teamName: string | null }) => [w.workshopName, w.teamName].filter(Boolean).join(' / ');
export const draftOfExam = (e: Exam): Draft => ({
  workerId: e.workerId,
  empNo: e.empNo,
  name: e.name,
  unit: unitOf(e),
  factorIds: e.factorIds,
  conclusion: e.conclusion,
  recheckItems: e.recheckItems ?? '',
  recheckDue: e.recheckDue,
  contraindication: e.contraindication ?? '',
  detail: e.detail ?? '',
  screening: e.screening,
});
const newDraft = (w: WorkerRow, factorIds: string[]): Draft => ({
  workerId: w.id,
  empNo: w.empNo,
  name: w.name,
  unit: unitOf(w),
  factorIds,
  conclusion: null,
  recheckItems: '',
  recheckDue: null,
  contraindication: '',
  detail: '',
  screening: false,
});

/** The roster's workers searched on the backend, several at once; the chosen ones keep their rows. */
function WorkerAdder({ onAdd, exclude }: { onAdd(ws: WorkerRow[]): void; exclude: Set<string> }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<WorkerRow[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const seen = useRef(new Map<string, WorkerRow>());
  useEffect(() => {
    const h = setTimeout(() => {
      call('workers.list', { search, pageSize: 30 }).then(
        (p) => {
          for (const w of p.rows) seen.current.set(w.id, w);
          setOptions(p.rows);
        },
        () => undefined,
      );
    }, 150);
    return () => clearTimeout(h);
  }, [search]);
  const label = (w: WorkerRow) => `${w.name} · ${w.empNo}${w.workshopName ? ` · ${w.workshopName}` : ''}`;
  const add = () => {
    onAdd(chosen.map((id) => seen.current.get(id)!).filter(Boolean));
    setChosen([]);
  };
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 720 }}>
      <Select
        id="health-exam-add-workers"
        aria-label={t('health.exams.addWorkers')}
        mode="multiple"
        value={chosen}
        onChange={(v: string[]) => {
          setSearch('');
          setChosen(v);
        }}
        showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
        placeholder={t('health.exams.addWorkersHint')}
        options={[...options.filter((w) => !exclude.has(w.id)), ...chosen.filter((id) => !options.some((w) => w.id === id)).map((id) => seen.current.get(id)!)].filter(Boolean).map((w) => ({ value: w.id, label: label(w) }))}
        style={{ flex: 1 }}
      />
      <Button type="primary" disabled={chosen.length === 0} onClick={add} data-testid="health-exam-add">
        {t('health.exams.add')}
      </Button>
    </Space.Compact>
  );
}

export function ExamGrid({ batch, exams, factors, canRecord, onSaved }: { batch: ExamBatch; exams: Exam[]; factors: FactorOption[]; canRecord: boolean; onSaved(): Promise<void> }) {
  const t = useT();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [busy, setBusy] = useState(false);
  const live = exams.filter((e) => !e.deletedAt);
  const editable = canRecord && !batch.deletedAt;
  const byWorker = new Map(live.map((e) => [e.workerId, e]));
  const rows: Row[] = [
    ...live.map((e) => ({ key: e.workerId, exam: e, draft: drafts.get(e.workerId) ?? null })),
    ...[...drafts.values()].filter((d) => !byWorker.has(d.workerId)).map((d) => ({ key: d.workerId, exam: null, draft: d })),
  ];
  // the factors most exams of the batch cover are what a newly added worker starts with
  const commonFactors = live[0]?.factorIds ?? [];
  const edit = (r: Row, change: Partial<Draft>) =>
    setDrafts((m) => {
      const next = new Map(m);
      next.set(r.key, { ...(m.get(r.key) ?? draftOfExam(r.exam!)), ...change });
      return next;
    });
  const current = (r: Row): Draft => r.draft ?? draftOfExam(r.exam!);

  const save = async () => {
    const list = [...drafts.values()];
    if (list.length === 0 || busy) return;
    const missing = list.findIndex((d) => d.conclusion === null);
    if (missing >= 0) {
      message.error(t('health.exams.rowError', { who: `${list[missing]!.empNo} ${list[missing]!.name}`, text: t('health.exams.pickConclusion') }));
      return;
    }
    setBusy(true);
    try {
      const saved = await call('health.examsSave', {
        batchId: batch.id,
        exams: list.map((d) => ({
          workerId: d.workerId,
          factorIds: d.factorIds,
          conclusion: d.conclusion!,
          recheckItems: d.recheckItems,
          recheckDue: d.recheckDue,
          contraindication: d.contraindication,
          detail: d.detail,
          screening: d.screening,
        })),
      });
      message.success(t('health.exams.saved', { n: saved.length }));
      setDrafts(new Map());
      await onSaved();
    } catch (e) {
      // the first issue names its row (exams.<n>.<field>): say whose it is
      const issue = e instanceof ApiError ? e.issues[0] : undefined;
      const n = issue ? Number(/^exams\.(\d+)\./.exec(issue.path)?.[1] ?? NaN) : NaN;
      const d = Number.isInteger(n) ? list[n] : undefined;
      message.error(d ? t('health.exams.rowError', { who: `${d.empNo} ${d.name}`, text: t(issue!.message) }) : errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (e: Exam) => {
    try {
      await call('health.examDelete', { id: e.id });
      await onSaved();
      undoNote(message, t, `undo-exam-${e.id}`, `${e.empNo} ${e.name}`, () => call('health.examRestore', { id: e.id }), onSaved);
    } catch (err) {
      message.error(errorText(err, t));
    }
  };
  const onConclusionKey = (r: Row) => (ev: KeyboardEvent) => {
    const i = Number(ev.key);
    if (Number.isInteger(i) && i >= 1 && i <= CONCLUSIONS.length && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
      ev.preventDefault();
      ev.stopPropagation();
      edit(r, { conclusion: CONCLUSIONS[i - 1]! });
    }
  };
  const factorOptions = factors.map((f) => ({ value: f.id, label: f.levelNote ? `${f.name}（${f.levelNote}）` : f.name }));

  const columns: ColumnsType<Row> = [
    {
      title: t('health.exams.col.worker'),
      key: 'worker',
      width: 150,
      render: (_, r) => {
        const d = current(r);
        return (
          <Space size={4} wrap>
            <span>
              {d.empNo} {d.name}
            </span>
            {r.draft && <Tag color="orange">{t('health.exams.unsaved')}</Tag>}
          </Space>
        );
      },
    },
    { title: t('health.exams.col.unit'), key: 'unit', width: 150, render: (_, r) => current(r).unit },
    {
      title: t('health.exams.col.factors'),
      key: 'factors',
      width: 220,
      render: (_, r) =>
        editable ? (
          <Select
            mode="multiple"
            size="small"
            aria-label={`${t('health.exams.col.factors')} ${current(r).name}`}
            value={current(r).factorIds}
            options={factorOptions}
            optionFilterProp="label"
            onChange={(v: string[]) => edit(r, { factorIds: v })}
            style={{ width: '100%' }}
          />
        ) : (
          (r.exam?.factorNames ?? []).join(t('common.listSep'))
        ),
    },
    {
      title: t('health.exams.col.conclusion'),
      key: 'conclusion',
      width: 170,
      render: (_, r) => {
        const d = current(r);
        return editable ? (
          <Select
            size="small"
            aria-label={`${t('health.exams.col.conclusion')} ${d.name}`}
            data-testid={`health-exam-conclusion-${d.empNo}`}
            value={d.conclusion ?? undefined}
            placeholder={t('health.exams.pickConclusion')}
            onKeyDown={onConclusionKey(r)}
            options={CONCLUSIONS.map((c, i) => ({ value: c, label: `${i + 1} ${t(`health.exam.conclusion.${c}`)}` }))}
            labelRender={(o) => t(`health.exam.conclusion.${String(o.value)}`)}
            onChange={(v: Conclusion) => edit(r, { conclusion: v })}
            style={{ width: '100%' }}
            status={d.conclusion ? undefined : 'warning'}
          />
        ) : r.exam ? (
          <Tag color={CONCLUSION_COLOR[r.exam.conclusion]}>{t(`health.exam.conclusion.${r.exam.conclusion}`)}</Tag>
        ) : null;
      },
    },
    {
      title: t('health.exams.col.fields'),
      key: 'fields',
      render: (_, r) => {
        const d = current(r);
        if (!editable) return r.exam && r.exam.conclusion !== 'normal' ? conclusionText(r.exam, t) : '';
        const who = d.name;
        if (d.conclusion === 'recheck')
          return (
            <Space size={4} wrap>
              <Input size="small" aria-label={`${t('health.exams.recheckItems')} ${who}`} placeholder={t('health.exams.recheckItems')} value={d.recheckItems} maxLength={200} onChange={(e) => edit(r, { recheckItems: e.target.value })} style={{ width: 180 }} />
              <DatePicker
                size="small"
                aria-label={`${t('health.exams.recheckDue')} ${who}`}
                placeholder={t('health.exams.recheckDue')}
                value={d.recheckDue ? dayjs(d.recheckDue) : null}
                disabledDate={(x) => x.format('YYYY-MM-DD') < batch.date}
                onChange={(x) => edit(r, { recheckDue: x ? x.format('YYYY-MM-DD') : null })}
                style={{ width: 140 }}
              />
            </Space>
          );
        if (d.conclusion === 'contraindication')
          return <Input size="small" aria-label={`${t('health.exams.contraindication')} ${who}`} placeholder={t('health.exams.contraindication')} value={d.contraindication} maxLength={200} onChange={(e) => edit(r, { contraindication: e.target.value })} />;
        if (d.conclusion === 'suspected' || d.conclusion === 'other') {
          const label = t(d.conclusion === 'suspected' ? 'health.exams.suspected' : 'health.exams.other');
          return <Input size="small" aria-label={`${label} ${who}`} placeholder={label} value={d.detail} maxLength={500} onChange={(e) => edit(r, { detail: e.target.value })} />;
        }
        return null;
      },
    },
  ];
  if (batch.kind === 'women') {
    columns.push({
      title: t('health.exams.col.screening'),
      key: 'screening',
      width: 90,
      render: (_, r) => (editable ? <Checkbox aria-label={`${t('health.exams.col.screening')} ${current(r).name}`} checked={current(r).screening} onChange={(e) => edit(r, { screening: e.target.checked })} /> : r.exam?.screening ? t('common.yes') : t('common.no')),
    });
  }
  if (editable) {
    columns.push({
      title: t('health.exams.col.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) =>
        r.exam ? (
          <Popconfirm title={t('health.exams.deleteExamQ', { what: `${r.exam.empNo} ${r.exam.name}` })} okText={t('health.exams.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(r.exam!)}>
            <Button size="small" type="link" danger aria-label={`${t('health.exams.delete')} ${r.exam.name}`}>
              {t('health.exams.delete')}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            size="small"
            type="link"
            onClick={() =>
              setDrafts((m) => {
                const next = new Map(m);
                next.delete(r.key);
                return next;
              })
            }
          >
            {t('common.cancel')}
          </Button>
        ),
    });
  }

  return (
    <div
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}
    >
      {editable && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
          <WorkerAdder
            exclude={new Set(rows.map((r) => r.key))}
            onAdd={(ws) =>
              setDrafts((m) => {
                const next = new Map(m);
                for (const w of ws) if (!byWorker.has(w.id) && !next.has(w.id)) next.set(w.id, newDraft(w, commonFactors));
                return next;
              })
            }
          />
          <Typography.Text type="secondary">{t('health.exams.keyHint')}</Typography.Text>
        </Space>
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        columns={columns}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        locale={{ emptyText: t(editable ? 'health.exams.noExams' : 'health.exams.noExamsReadOnly') }}
      />
      {editable && drafts.size > 0 && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="health-exams-save">
            {t('health.exams.saveAll', { n: drafts.size })}
          </Button>
          <Button
            onClick={() =>
              setDrafts((m) => {
                const next = new Map(m);
                for (const [k, d] of next) if (d.conclusion === null) next.set(k, { ...d, conclusion: 'normal' });
                return next;
              })
            }
          >
            {t('health.exams.allNormal')}
          </Button>
          <Button onClick={() => setDrafts(new Map())}>{t('health.exams.discard')}</Button>
        </Space>
      )}
    </div>
  );
}
