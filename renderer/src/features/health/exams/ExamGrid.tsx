// The exams of a batch as a grid to fill fast by keyboard: each row a worker, the factors examined, the conclusion (keys
// 1–5 in its cell choose it) and the fields that conclusion needs (复查: items and by when; 职业禁忌证: which; 疑似职业病 /
// 其他: what), the screening flag on a women workers' exam. Edited and new rows are drafts until Save (Ctrl+S) sends them
// together; an exam is deleted with an undo. A worker added starts with the factors of his exposures the batch is for
// (editable); a pre-job or periodic exam needs one. A row's problems show on its cells (and the first in a note).
// Leaving the batch with unsaved rows asks first: save, discard or stay (the router's leave guard). Opened for one
// worker (#/health/exams/batch/<id>/<workerId>, from the due list), the grid scrolls to and marks that worker's row.
import { App, Button, Checkbox, DatePicker, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { examInput, needsFactor } from '../../../../../shared/health/exams/schemas';
import type { Exam, ExamBatch, FactorOption } from '../../../../../shared/health/exams/types';
import { CONCLUSIONS, type Conclusion } from '../../../../../shared/health/kinds';
import type { WorkerRow } from '../../../../../shared/roster/types';
import { useRouter, type Route } from '../../../app/router';
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
/** the cells a row's problem can be on */
type Cell = 'worker' | 'factorIds' | 'conclusion' | 'recheckItems' | 'recheckDue' | 'contraindication' | 'detail';
type RowErrors = Partial<Record<Cell, string>>;
const CELLS: readonly Cell[] = ['factorIds', 'conclusion', 'recheckItems', 'recheckDue', 'contraindication', 'detail'];
const cellOf = (field: string | undefined): Cell => (CELLS.includes(field as Cell) ? (field as Cell) : 'worker');
const PAGE_SIZE = 100;

/** What is wrong with a draft before it is sent (message keys by cell), as the backend would say. */
function draftProblems(d: Draft, batch: ExamBatch): RowErrors {
  const out: RowErrors = {};
  if (d.conclusion === null) out.conclusion = 'health.exams.conclusionMissing';
  if (needsFactor(batch.kind) && d.factorIds.length === 0) out.factorIds = 'v.health.exam.needFactor';
  if (d.conclusion !== null) {
    const p = examInput.safeParse(toInput(d));
    if (!p.success) for (const i of p.error.issues) out[cellOf(String(i.path[0]))] ??= i.message;
  }
  if (d.recheckDue && d.conclusion === 'recheck' && d.recheckDue < batch.date) out.recheckDue ??= 'v.health.exam.recheckBeforeExam';
  return out;
}
const toInput = (d: Draft) => ({
  workerId: d.workerId,
  factorIds: d.factorIds,
  conclusion: d.conclusion!,
  recheckItems: d.recheckItems,
  recheckDue: d.recheckDue,
  contraindication: d.contraindication,
  detail: d.detail,
  screening: d.screening,
});
const cellError = (text: string | undefined, testId: string): ReactNode =>
  text ? (
    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, lineHeight: '18px' }} data-testid={testId} role="alert">
      {text}
    </Typography.Text>
  ) : null;

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

export function ExamGrid({
  batch,
  exams,
  factors,
  canRecord,
  onSaved,
  focusWorker = null,
}: {
  batch: ExamBatch;
  exams: Exam[];
  factors: FactorOption[];
  canRecord: boolean;
  onSaved(): Promise<void>;
  /** the worker the batch was opened for: the row is scrolled to and marked */
  focusWorker?: string | null;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const [errors, setErrors] = useState<Map<string, RowErrors>>(new Map());
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState<Route | null>(null);
  const [page, setPage] = useState(1);
  const live = exams.filter((e) => !e.deletedAt);
  const editable = canRecord && !batch.deletedAt;
  const byWorker = new Map(live.map((e) => [e.workerId, e]));
  const rows: Row[] = [
    ...live.map((e) => ({ key: e.workerId, exam: e, draft: drafts.get(e.workerId) ?? null })),
    ...[...drafts.values()].filter((d) => !byWorker.has(d.workerId)).map((d) => ({ key: d.workerId, exam: null, draft: d })),
  ];
  // an emergency exam's worker added starts with the factors the batch's first exam covers (the same accident)
  const commonFactors = batch.kind === 'emergency' ? (live[0]?.factorIds ?? []) : [];
  const edit = (r: Row, change: Partial<Draft>) => {
    setDrafts((m) => {
      const next = new Map(m);
      next.set(r.key, { ...(m.get(r.key) ?? draftOfExam(r.exam!)), ...change });
      return next;
    });
    setErrors((m) => {
      if (!m.has(r.key)) return m;
      const next = new Map(m);
      next.delete(r.key);
      return next;
    });
  };
  const current = (r: Row): Draft => r.draft ?? draftOfExam(r.exam!);
  const errorOf = (r: Row, c: Cell) => {
    const k = errors.get(r.key)?.[c];
    return k ? t(k, { date: batch.date }) : undefined;
  };

  /** Sends the drafts; false when something is refused (the rows say what). */
  const save = async (): Promise<boolean> => {
    const list = [...drafts.values()];
    if (list.length === 0) return true;
    if (busy) return false;
    const found = new Map<string, RowErrors>();
    for (const d of list) {
      const p = draftProblems(d, batch);
      if (Object.keys(p).length > 0) found.set(d.workerId, p);
    }
    if (found.size > 0) {
      setErrors(found);
      const d = list.find((x) => found.has(x.workerId))!;
      const first = Object.values(found.get(d.workerId)!)[0]!;
      message.error(t('health.exams.rowError', { who: `${d.empNo} ${d.name}`, text: t(first, { date: batch.date }) }) + (found.size > 1 ? t('health.exams.moreRows', { n: found.size - 1 }) : ''));
      return false;
    }
    setBusy(true);
    try {
      const saved = await call('health.examsSave', { batchId: batch.id, exams: list.map(toInput) });
      message.success(t('health.exams.saved', { n: saved.length }));
      setDrafts(new Map());
      setErrors(new Map());
      await onSaved();
      return true;
    } catch (e) {
      // the first issue names its row (exams.<n>.<field>): say whose it is and mark its cell
      const issue = e instanceof ApiError ? e.issues[0] : undefined;
      const m = issue ? /^exams\.(\d+)\.(\w+)/.exec(issue.path) : null;
      const d = m ? list[Number(m[1])] : undefined;
      if (d && issue) {
        setErrors(new Map([[d.workerId, { [cellOf(m![2])]: issue.message }]]));
        message.error(t('health.exams.rowError', { who: `${d.empNo} ${d.name}`, text: t(issue.message, { date: batch.date }) }));
      } else message.error(errorText(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  // leaving the batch (back, another tab or page, Back, an address) with unsaved rows asks first
  const dirty = editable && drafts.size > 0;
  const ownRoute = (to: Route) => to.page === 'health' && to.id !== null && (to.id === `exams/batch/${batch.id}` || to.id.startsWith(`exams/batch/${batch.id}/`));
  useEffect(() => {
    if (!dirty) return;
    const guard = (to: Route) => {
      if (ownRoute(to)) return true;
      setLeaving(to);
      return false;
    };
    const { setLeaveGuard } = useRouter.getState();
    setLeaveGuard(guard);
    return () => {
      if (useRouter.getState().leaveGuard === guard) setLeaveGuard(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ownRoute depends on the batch id alone
  }, [dirty, batch.id]);
  const leave = (to: Route) => {
    useRouter.getState().setLeaveGuard(null);
    setLeaving(null);
    setDrafts(new Map());
    setErrors(new Map());
    navigate(to);
  };

  // opened for one worker: that row's page, scrolled to and marked
  const focusIndex = focusWorker ? rows.findIndex((r) => r.key === focusWorker) : -1;
  useEffect(() => {
    if (focusIndex < 0) return;
    setPage(Math.floor(focusIndex / PAGE_SIZE) + 1);
    const h = setTimeout(() => {
      const el = document.querySelector(`[data-row-key="${CSS.escape(focusWorker!)}"]`);
      el?.scrollIntoView?.({ block: 'center' });
    }, 50);
    return () => clearTimeout(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per worker asked for (and once the rows are there)
  }, [focusWorker, focusIndex >= 0]);
  const remove = async (e: Exam) => {
    try {
      await call('health.examDelete', { id: e.id });
      await onSaved();
      undoNote(message, t, `undo-exam-${e.id}`, `${e.empNo} ${e.name}`, () => call('health.examRestore', { id: e.id }), onSaved);
    } catch (err) {
      message.error(errorText(err, t));
    }
  };
  /** New rows start with the factors of the workers' exposures the batch is for (editable). */
  const addWorkers = async (ws: WorkerRow[]) => {
    const fresh = ws.filter((w) => !byWorker.has(w.id) && !drafts.has(w.id));
    if (fresh.length === 0) return;
    let of: Record<string, string[]> = {};
    try {
      of = await call('health.batchWorkerFactors', { batchId: batch.id, workerIds: fresh.map((w) => w.id) });
    } catch (e) {
      message.warning(errorText(e, t));
    }
    setDrafts((m) => {
      const next = new Map(m);
      for (const w of fresh) if (!next.has(w.id)) next.set(w.id, newDraft(w, of[w.id]?.length ? of[w.id]! : commonFactors));
      return next;
    });
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
          <>
            <Space size={4} wrap>
              <span>
                {d.empNo} {d.name}
              </span>
              {r.draft && <Tag color="orange">{t('health.exams.unsaved')}</Tag>}
              {r.key === focusWorker && <Tag color="blue">{t('health.exams.focused')}</Tag>}
            </Space>
            {cellError(errorOf(r, 'worker'), `health-exam-error-worker-${d.empNo}`)}
          </>
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
          <>
            <Select
              mode="multiple"
              size="small"
              aria-label={`${t('health.exams.col.factors')} ${current(r).name}`}
              data-testid={`health-exam-factors-${current(r).empNo}`}
              value={current(r).factorIds}
              options={factorOptions}
              optionFilterProp="label"
              placeholder={needsFactor(batch.kind) ? t('health.exams.pickFactors') : undefined}
              onChange={(v: string[]) => edit(r, { factorIds: v })}
              style={{ width: '100%' }}
              status={errorOf(r, 'factorIds') ? 'error' : needsFactor(batch.kind) && current(r).factorIds.length === 0 ? 'warning' : undefined}
            />
            {cellError(errorOf(r, 'factorIds'), `health-exam-error-factors-${current(r).empNo}`)}
          </>
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
          <>
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
              status={errorOf(r, 'conclusion') ? 'error' : d.conclusion ? undefined : 'warning'}
            />
            {cellError(errorOf(r, 'conclusion'), `health-exam-error-conclusion-${d.empNo}`)}
          </>
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
        const st = (c: Cell) => (errorOf(r, c) ? ('error' as const) : undefined);
        const err = (c: Cell) => cellError(errorOf(r, c), `health-exam-error-${c}-${d.empNo}`);
        if (d.conclusion === 'recheck')
          return (
            <>
              <Space size={4} wrap>
                <Input size="small" aria-label={`${t('health.exams.recheckItems')} ${who}`} placeholder={t('health.exams.recheckItems')} value={d.recheckItems} maxLength={200} onChange={(e) => edit(r, { recheckItems: e.target.value })} style={{ width: 180 }} status={st('recheckItems')} />
                <DatePicker
                  size="small"
                  aria-label={`${t('health.exams.recheckDue')} ${who}`}
                  placeholder={t('health.exams.recheckDue')}
                  value={d.recheckDue ? dayjs(d.recheckDue) : null}
                  onChange={(x) => edit(r, { recheckDue: x ? x.format('YYYY-MM-DD') : null })}
                  style={{ width: 140 }}
                  status={st('recheckDue')}
                />
              </Space>
              {err('recheckItems')}
              {err('recheckDue')}
            </>
          );
        if (d.conclusion === 'contraindication')
          return (
            <>
              <Input size="small" aria-label={`${t('health.exams.contraindication')} ${who}`} placeholder={t('health.exams.contraindication')} value={d.contraindication} maxLength={200} onChange={(e) => edit(r, { contraindication: e.target.value })} status={st('contraindication')} />
              {err('contraindication')}
            </>
          );
        if (d.conclusion === 'suspected' || d.conclusion === 'other') {
          const label = t(d.conclusion === 'suspected' ? 'health.exams.suspected' : 'health.exams.other');
          return (
            <>
              <Input size="small" aria-label={`${label} ${who}`} placeholder={label} value={d.detail} maxLength={500} onChange={(e) => edit(r, { detail: e.target.value })} status={st('detail')} />
              {err('detail')}
            </>
          );
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
            onClick={() => {
              setDrafts((m) => {
                const next = new Map(m);
                next.delete(r.key);
                return next;
              });
              setErrors((m) => {
                const next = new Map(m);
                next.delete(r.key);
                return next;
              });
            }}
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
          <WorkerAdder exclude={new Set(rows.map((r) => r.key))} onAdd={(ws) => void addWorkers(ws)} />
          <Typography.Text type="secondary">{t('health.exams.keyHint')}</Typography.Text>
        </Space>
      )}
      <style>{'.health-exam-focus > td { background: #e6f4ff !important; } .health-exam-focus > td:first-child { box-shadow: inset 3px 0 0 #1677ff; }'}</style>
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        columns={columns}
        rowClassName={(r) => (r.key === focusWorker ? 'health-exam-focus' : '')}
        onRow={(r) => (r.key === focusWorker ? ({ 'data-testid': 'health-exam-focus-row' } as HTMLAttributes<HTMLElement>) : {})}
        pagination={rows.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, current: page, onChange: setPage, showSizeChanger: false } : false}
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
          <Button
            onClick={() => {
              setDrafts(new Map());
              setErrors(new Map());
            }}
          >
            {t('health.exams.discard')}
          </Button>
        </Space>
      )}
      <Modal
        open={leaving !== null}
        title={t('health.exams.leaveTitle', { n: drafts.size })}
        onCancel={() => setLeaving(null)}
        mask={{ closable: false }}
        footer={[
          <Button key="stay" onClick={() => setLeaving(null)} data-testid="health-exams-leave-stay">
            {t('health.exams.leaveStay')}
          </Button>,
          <Button key="discard" danger onClick={() => leave(leaving!)} data-testid="health-exams-leave-discard">
            {t('health.exams.leaveDiscard')}
          </Button>,
          <Button
            key="save"
            type="primary"
            loading={busy}
            data-testid="health-exams-leave-save"
            onClick={() => {
              const to = leaving!;
              void save().then((ok) => {
                if (ok) leave(to);
                else setLeaving(null);
              });
            }}
          >
            {t('health.exams.leaveSave')}
          </Button>,
        ]}
      >
        {t('health.exams.leaveBody', { n: drafts.size })}
      </Modal>
    </div>
  );
}
