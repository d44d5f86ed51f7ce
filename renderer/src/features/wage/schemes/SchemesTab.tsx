// The schemes tab (#/wage/schemes): every scheme version — name, version, state, when adopted and effective, the congress
// session it was put to — with only the buttons the lifecycle allows (allowedActions in shared/wage/scheme.ts): edit,
// put to the congress, withdraw, record the vote, record an adoption elsewhere, put into effect, supersede, copy and
// delete (with undo); a new draft from the catalogue (Alt+N), the scheme's PDF, and the catalogue editor.
import { Alert, App, Button, Empty, Popconfirm, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { allowedActions, WAGE_RUNNERS, type SchemeAction } from '../../../../../shared/wage/scheme';
import type { SchemeVersion } from '../../../../../shared/wage/schemes/types';
import { useRouter } from '../../../app/router';
import { useSession } from '../../../app/session';
import { JobProgress, useJob } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useListShortcuts } from '../../../lib/listHooks';
import { sessionName } from './format';
import { StateTag } from './tags';

const SchemeEditor = lazy(() => import('./SchemeEditor').then((m) => ({ default: m.SchemeEditor })));
const CatalogueEditor = lazy(() => import('./CatalogueEditor').then((m) => ({ default: m.CatalogueEditor })));
const CreateDialog = lazy(() => import('./ActionDialogs').then((m) => ({ default: m.CreateDialog })));
const ProposeDialog = lazy(() => import('./ActionDialogs').then((m) => ({ default: m.ProposeDialog })));
const DateActionDialog = lazy(() => import('./ActionDialogs').then((m) => ({ default: m.DateActionDialog })));
const CopyDialog = lazy(() => import('./ActionDialogs').then((m) => ({ default: m.CopyDialog })));
const CorrectDatesDialog = lazy(() => import('./ActionDialogs').then((m) => ({ default: m.CorrectDatesDialog })));

type Dialog =
  | { kind: 'create' }
  | { kind: 'catalogue' }
  | { kind: 'open'; id: string }
  | { kind: 'propose'; s: SchemeVersion }
  | { kind: 'date'; s: SchemeVersion; action: 'adoptElsewhere' | 'makeEffective' | 'supersede' }
  | { kind: 'copy'; s: SchemeVersion }
  | { kind: 'correct'; s: SchemeVersion }
  | null;

/** The buttons of a row, in this order (edit opens the editor; delete is last). */
const ROW_ACTIONS: readonly SchemeAction[] = ['edit', 'propose', 'withdraw', 'recordVote', 'adoptElsewhere', 'makeEffective', 'supersede', 'correctDates', 'copy', 'delete'];

/** A text with its dates kept whole (a narrow column breaks 2027-01-01 at its hyphens otherwise). */
function keepDates(text: string) {
  return text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} style={{ whiteSpace: 'nowrap' }}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}

export function SchemesTab() {
  const t = useT();
  const { message, modal } = App.useApp();
  const operator = useSession((s) => s.operator);
  const canRun = operator ? holdsAnyRole(operator, WAGE_RUNNERS) : false;
  const [rows, setRows] = useState<SchemeVersion[] | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // arriving with the intent 'catalogue' (the records tab's manual figures: "add a manual indicator") opens the catalogue
  const takeIntent = useRouter((s) => s.takeIntent);
  useEffect(() => {
    if (takeIntent('wage', 'catalogue')) setDialog({ kind: 'catalogue' });
  }, [takeIntent]);
  const job = useJob();

  const load = useCallback(async () => {
    try {
      setRows(await call('wage.schemes', {}));
    } catch (e) {
      setRows([]);
      message.error(errorText(e, t));
    }
  }, [message, t]);
  useEffect(() => {
    void load();
  }, [load]);

  // ---- delete at once, with undo: a deleted draft is kept and wage.schemeRestore brings it back
  const remove = async (s: SchemeVersion) => {
    try {
      await call('wage.schemeDelete', { id: s.id });
    } catch (e) {
      message.error(errorText(e, t));
      return;
    }
    await load();
    const key = `undo-scheme-${s.id}`;
    message.open({
      key,
      type: 'success',
      duration: 8,
      content: (
        <Space>
          {t('wage.sch.deleted', { name: s.name, version: s.version })}
          <Button
            size="small"
            type="link"
            onClick={() => {
              message.destroy(key);
              call('wage.schemeRestore', { id: s.id })
                .then(async (v) => {
                  message.success(t('wage.sch.restored', { name: v.name, version: v.version }));
                  await load();
                })
                .catch((e: unknown) => message.error(errorText(e, t)));
            }}
          >
            {t('common.undo')}
          </Button>
        </Space>
      ),
    });
  };

  const act = async (p: Promise<SchemeVersion>, ok: (v: SchemeVersion) => string) => {
    try {
      const v = await p;
      message.success(ok(v));
      await load();
      return v;
    } catch (e) {
      message.error(errorText(e, t));
      return null;
    }
  };

  const recordVote = (s: SchemeVersion) =>
    modal.confirm({
      title: t('wage.scheme.action.recordVote'),
      content: t('wage.sch.recordVoteHint', { session: sessionName(t, s) }),
      okText: t('wage.scheme.action.recordVote'),
      cancelText: t('common.cancel'),
      onOk: () => act(call('wage.schemeAction', { id: s.id, action: 'recordVote' }), (v) => t(v.state === 'adopted' ? 'wage.sch.votePassed' : 'wage.sch.voteFailed', { name: v.name })),
    });

  const withdraw = (s: SchemeVersion) =>
    modal.confirm({
      title: t('wage.scheme.action.withdraw'),
      content: t('wage.sch.withdrawHint', { session: sessionName(t, s) }),
      okText: t('wage.scheme.action.withdraw'),
      cancelText: t('common.cancel'),
      onOk: () => act(call('wage.schemeAction', { id: s.id, action: 'withdraw' }), (v) => t('wage.sch.withdrawn', { name: v.name })),
    });

  const pdf = async (s: SchemeVersion) => {
    try {
      const f = await job.run((opts) => call('wage.schemePdf', { id: s.id }, opts));
      await job.save(f);
    } catch (e) {
      job.fail(e);
    }
  };

  const openCreate = useCallback(() => {
    if (canRun) setDialog({ kind: 'create' });
  }, [canRun]);
  useListShortcuts({ focusSearch: () => undefined, create: openCreate, enabled: dialog === null });

  const button = (s: SchemeVersion, a: SchemeAction) => {
    const label = t(`wage.scheme.action.${a}`);
    const common = { size: 'small' as const };
    switch (a) {
      case 'edit':
        return (
          <Button key={a} {...common} type="primary" onClick={() => setDialog({ kind: 'open', id: s.id })}>
            {label}
          </Button>
        );
      case 'propose':
        return (
          <Button key={a} {...common} onClick={() => setDialog({ kind: 'propose', s })}>
            {label}
          </Button>
        );
      case 'withdraw':
        return (
          <Button key={a} {...common} onClick={() => withdraw(s)}>
            {label}
          </Button>
        );
      case 'recordVote':
        return (
          <Button key={a} {...common} type="primary" onClick={() => recordVote(s)}>
            {label}
          </Button>
        );
      case 'adoptElsewhere':
      case 'makeEffective':
      case 'supersede':
        return (
          <Button key={a} {...common} type={a === 'makeEffective' ? 'primary' : 'default'} onClick={() => setDialog({ kind: 'date', s, action: a })}>
            {label}
          </Button>
        );
      case 'correctDates':
        return (
          <Button key={a} {...common} onClick={() => setDialog({ kind: 'correct', s })}>
            {label}
          </Button>
        );
      case 'copy':
        return (
          <Button key={a} {...common} onClick={() => setDialog({ kind: 'copy', s })}>
            {label}
          </Button>
        );
      case 'delete':
        return (
          <Popconfirm key={a} title={t('wage.sch.deleteConfirm', { name: s.name, version: s.version })} okText={label} cancelText={t('common.cancel')} onConfirm={() => void remove(s)}>
            <Button size="small" danger>
              {label}
            </Button>
          </Popconfirm>
        );
    }
  };

  if (rows === null) return <Skeleton active />;


  const columns: ColumnsType<SchemeVersion> = [
    {
      title: t('wage.sch.name'),
      key: 'name',
      // no fixed width: a wide screen shows the name on one line, a narrow one wraps it from here
      minWidth: 200,
      render: (_, s) => (
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            setDialog({ kind: 'open', id: s.id });
          }}
        >
          {s.name}
        </a>
      ),
    },
    { title: t('wage.sch.version'), key: 'version', width: 70, render: (_, s) => t('wage.sch.versionN', { n: s.version }) },
    { title: t('wage.sch.state'), key: 'state', width: 110, render: (_, s) => <StateTag state={s.state} /> },
    {
      title: t('wage.sch.adoptedOn'),
      key: 'adopted',
      width: 140,
      render: (_, s) =>
        s.adoptedOn ? (
          <span>
            <span style={{ whiteSpace: 'nowrap' }}>{s.adoptedOn}</span>
            <br />
            <Typography.Text type="secondary">{s.adoption ? t('wage.sch.adoptedByDoc', { docNo: s.adoption.docNo }) : s.voteId ? t('wage.sch.adoptedByVote') : ''}</Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('wage.sch.effective'),
      key: 'effective',
      width: 130,
      render: (_, s) => (s.effectiveFrom ? keepDates(s.supersededOn ? t('wage.sch.effectiveRange', { from: s.effectiveFrom, to: s.supersededOn }) : t('wage.sch.effectiveFrom', { from: s.effectiveFrom })) : '—'),
    },
    { title: t('wage.sch.session'), key: 'session', minWidth: 180, render: (_, s) => sessionName(t, s) || '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <Space wrap size={4} data-testid={`scheme-actions-${s.id}`}>
          {ROW_ACTIONS.filter((a) => allowedActions(s.state, canRun).includes(a)).map((a) => button(s, a))}
          <Button size="small" onClick={() => void pdf(s)}>
            {t('wage.sch.pdf')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%', minHeight: 0 }}>
      <Space wrap>
        {canRun && (
          <Button type="primary" onClick={openCreate}>
            {t('wage.sch.create')}
          </Button>
        )}
        <Button onClick={() => setDialog({ kind: 'catalogue' })}>{t('wage.sch.catalogue')}</Button>
        <JobProgress job={job} />
      </Space>
      {!canRun && <Alert type="info" showIcon title={t('wage.sch.readOnlyRole')} />}
      {rows.length === 0 ? (
        <Empty
          style={{ padding: 48 }}
          description={<span data-testid="schemes-empty">{t(canRun ? 'wage.sch.empty' : 'wage.sch.emptyReader')}</span>}
        >
          {canRun && (
            <Button type="primary" onClick={openCreate}>
              {t('wage.sch.create')}
            </Button>
          )}
        </Empty>
      ) : (
        <Table<SchemeVersion> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} footer={() => <Typography.Text type="secondary">{t('wage.sch.count', { n: rows.length })}</Typography.Text>} />
      )}
      <Suspense fallback={null}>
        {dialog?.kind === 'create' && (
          <CreateDialog
            onClose={() => setDialog(null)}
            onDone={(s) => {
              setDialog({ kind: 'open', id: s.id });
              void load();
            }}
          />
        )}
        {dialog?.kind === 'open' && <SchemeEditor id={dialog.id} canRun={canRun} onClose={() => setDialog(null)} onSaved={() => void load()} />}
        {dialog?.kind === 'catalogue' && <CatalogueEditor canRun={canRun} onClose={() => setDialog(null)} />}
        {dialog?.kind === 'propose' && <ProposeDialog scheme={dialog.s} onClose={() => setDialog(null)} onDone={() => (setDialog(null), void load())} />}
        {dialog?.kind === 'date' && <DateActionDialog scheme={dialog.s} action={dialog.action} onClose={() => setDialog(null)} onDone={() => (setDialog(null), void load())} />}
        {dialog?.kind === 'correct' && <CorrectDatesDialog scheme={dialog.s} onClose={() => setDialog(null)} onDone={() => (setDialog(null), void load())} />}
        {dialog?.kind === 'copy' && <CopyDialog scheme={dialog.s} onClose={() => setDialog(null)} onDone={() => (setDialog(null), void load())} />}
      </Suspense>
    </div>
  );
}
