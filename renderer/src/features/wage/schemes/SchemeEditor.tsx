// A scheme version's content in a drawer: editable while it is a draft (and the operator runs the wage), read-only
// otherwise. The indicator table (code, name, source, weight with the running sum — a warning when it is not 100 —,
// the component's cap in 元, whether a veto zeroes it, and the scoring rule of each row), the money rule, the total cap,
// the veto (accident severities, the team too) and pro rata. Saving checks the content with the same schema the backend
// uses and sends wage.schemeUpdate; Ctrl+S saves.
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Input, InputNumber, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { toFieldIssues, type FieldIssue } from '../../../../../shared/kernel/schemas';
import { INDICATOR_SOURCES, type IndicatorSource } from '../../../../../shared/wage/catalogue';
import { ACCIDENT_SEVERITIES, type AccidentSeverity } from '../../../../../shared/wage/records/types';
import { allowedActions } from '../../../../../shared/wage/scheme';
import { schemeUpdate } from '../../../../../shared/wage/schemes/schemas';
import type { CatalogueIndicator, SchemeContent, SchemeIndicatorDef, SchemeVersion } from '../../../../../shared/wage/schemes/types';
import { useT, type TFunc } from '../../../i18n';
import { call } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { fenToYuanValue, sessionName, yuanToFen } from './format';
import { MoneyRuleEditor } from './MoneyRuleEditor';
import { RuleEditor } from './RuleEditor';
import { StateTag } from './tags';

export const weightSum = (c: Pick<SchemeContent, 'indicators'>) => c.indicators.reduce((s, i) => s + i.weightPct, 0);

/** A schema issue as a sentence naming the indicator it is about. */
export function issueText(issue: FieldIssue, content: SchemeContent, t: TFunc): string {
  const parts = issue.path.split('.');
  const msg = t(issue.message);
  if (parts[0] === 'content') parts.shift();
  if (parts[0] === 'indicators' && parts.length > 1) {
    const ind = content.indicators[Number(parts[1])];
    return t('wage.sch.issue.indicator', { code: ind?.code ?? parts[1], message: msg });
  }
  const where = parts[0] ? t(`wage.sch.issue.at.${parts[0]}`) : '';
  return where && !where.startsWith('wage.sch.') ? `${where}：${msg}` : msg;
}

export function indicatorFromCatalogue(c: CatalogueIndicator): SchemeIndicatorDef {
  return { code: c.code, name: c.name, unit: c.unit, source: c.source, rule: c.rule, weightPct: c.weightPct, safety: c.safety, capFen: null };
}

export function SchemeEditor({ id, canRun, onClose, onSaved }: { id: string; canRun: boolean; onClose(): void; onSaved(v: SchemeVersion): void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [version, setVersion] = useState<SchemeVersion | null>(null);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [content, setContent] = useState<SchemeContent | null>(null);
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [catalogue, setCatalogue] = useState<CatalogueIndicator[]>([]);
  const nameId = useId();
  const noteId = useId();

  // loaded once per version: a parent re-rendering (with a new onClose) must not reload over the user's edits
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    call('wage.scheme', { id }).then(
      (v) => {
        setVersion(v);
        setName(v.name);
        setNote(v.note ?? '');
        setContent(v.content);
      },
      (e: unknown) => {
        message.error(errorText(e, t));
        closeRef.current();
      },
    );
    call('wage.catalogue', { deleted: false }).then(setCatalogue, () => undefined);
  }, [id, message, t]);

  const editable = !!version && allowedActions(version.state, canRun).includes('edit');

  const change = (next: SchemeContent) => {
    setContent(next);
    setDirty(true);
    setIssues([]);
  };
  const setIndicator = (i: number, patch: Partial<SchemeIndicatorDef>) => content && change({ ...content, indicators: content.indicators.map((x, k) => (k === i ? { ...x, ...patch } : x)) });

  const save = useCallback(async () => {
    if (!version || !content || !editable || busy) return;
    const input = { id: version.id, name, note: note.trim() === '' ? null : note, content };
    const r = schemeUpdate.safeParse(input);
    if (!r.success) {
      setIssues(toFieldIssues(r.error).map((i) => issueText(i, content, t)));
      return;
    }
    setBusy(true);
    try {
      const v = await call('wage.schemeUpdate', input);
      setVersion(v);
      setContent(v.content);
      setDirty(false);
      setIssues([]);
      message.success(t('wage.sch.saved', { name: v.name, version: v.version }));
      onSaved(v);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  }, [version, content, editable, busy, name, note, t, message, onSaved]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const close = () => {
    if (!dirty) return onClose();
    modal.confirm({ title: t('wage.sch.discardTitle'), content: t('wage.sch.discard'), okText: t('wage.sch.discardOk'), cancelText: t('common.cancel'), onOk: onClose });
  };

  const sum = content ? weightSum(content) : 0;
  const addable = useMemo(() => catalogue.filter((c) => !content?.indicators.some((i) => i.code === c.code)), [catalogue, content]);

  const columns: ColumnsType<SchemeIndicatorDef & { i: number }> = [
    { title: t('wage.sch.col.code'), dataIndex: 'code', width: 100, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: t('wage.sch.col.name'),
      key: 'name',
      width: 126,
      render: (_, r) =>
        editable ? (
          <Input aria-label={t('wage.sch.col.nameOf', { code: r.code })} value={r.name['zh-CN']} onChange={(e) => setIndicator(r.i, { name: { ...r.name, 'zh-CN': e.target.value } })} />
        ) : (
          r.name['zh-CN']
        ),
    },
    {
      title: t('wage.sch.col.source'),
      key: 'source',
      // wide enough for the longest source in English (“Behaviour record points”), the list as wide as its texts
      width: 236,
      render: (_, r) =>
        editable ? (
          <Select
            aria-label={t('wage.sch.col.sourceOf', { code: r.code })}
            value={r.source}
            style={{ width: 224 }}
            popupMatchSelectWidth={false}
            onChange={(source: IndicatorSource) => setIndicator(r.i, { source })}
            options={INDICATOR_SOURCES.map((s) => ({ value: s, label: t(`wage.indicatorSource.${s}`) }))}
          />
        ) : (
          t(`wage.indicatorSource.${r.source}`)
        ),
    },
    {
      title: t('wage.sch.col.weight'),
      key: 'weight',
      width: 100,
      render: (_, r) =>
        editable ? (
          <InputNumber
            aria-label={t('wage.sch.col.weightOf', { code: r.code })}
            value={r.weightPct}
            min={0}
            max={100}
            precision={0}
            suffix="%"
            style={{ width: 84 }}
            onChange={(v) => typeof v === 'number' && setIndicator(r.i, { weightPct: v })}
          />
        ) : (
          `${r.weightPct}%`
        ),
    },
    {
      title: t('wage.sch.col.cap'),
      key: 'cap',
      width: 150,
      render: (_, r) =>
        editable ? (
          <InputNumber
            aria-label={t('wage.sch.col.capOf', { code: r.code })}
            value={r.capFen === null ? null : fenToYuanValue(r.capFen)}
            min={0}
            precision={2}
            placeholder={t('wage.sch.uncapped')}
            suffix={t('wage.sch.yuan')}
            style={{ width: 136 }}
            onChange={(v) => setIndicator(r.i, { capFen: typeof v === 'number' ? yuanToFen(v) : null })}
          />
        ) : r.capFen === null ? (
          t('wage.sch.uncapped')
        ) : (
          `${fenToYuanValue(r.capFen).toFixed(2)} ${t('wage.sch.yuan')}`
        ),
    },
    {
      title: t('wage.sch.col.safety'),
      key: 'safety',
      width: 76,
      render: (_, r) =>
        editable ? (
          <Switch size="small" aria-label={t('wage.sch.col.safetyOf', { code: r.code })} checked={r.safety} onChange={(safety) => setIndicator(r.i, { safety })} />
        ) : r.safety ? (
          <Tag color="red">{t('wage.sch.vetoed')}</Tag>
        ) : (
          '—'
        ),
    },
    { title: t('wage.sch.col.rule'), key: 'rule', width: 130, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{t(`wage.rule.kind.${r.rule.kind}`)}</span> },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'ops',
            width: 80,
            render: (_: unknown, r: SchemeIndicatorDef & { i: number }) => (
              <Button size="small" danger aria-label={t('wage.sch.removeIndicator', { code: r.code })} onClick={() => content && change({ ...content, indicators: content.indicators.filter((_, k) => k !== r.i) })}>
                {t('wage.sch.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const title = version ? (
    <Space wrap>
      <span>{t('wage.sch.editorTitle', { name: version.name, version: version.version })}</span>
      <StateTag state={version.state} />
      {dirty && <Tag color="orange">{t('wage.sch.unsaved')}</Tag>}
    </Space>
  ) : (
    t('wage.sch.loading')
  );

  return (
    <Drawer
      open
      size={1100}
      title={title}
      onClose={close}
      destroyOnHidden
      extra={
        editable && (
          <Space>
            <Typography.Text type="secondary">{t('wage.sch.saveHint')}</Typography.Text>
            <Button type="primary" loading={busy} onClick={() => void save()}>
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {!version || !content ? (
        <Skeleton active />
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }} data-testid="scheme-editor">
          {!editable && <Alert type="info" showIcon title={t(canRun ? 'wage.sch.readOnlyState' : 'wage.sch.readOnlyRole')} />}
          {(version.sessionLabel || version.adoptedOn || version.effectiveFrom) && (
            <Descriptions
              size="small"
              column={3}
              data-testid="scheme-record"
              items={[
                ...(version.sessionLabel ? [{ key: 'session', label: t('wage.sch.session'), children: sessionName(t, version) }] : []),
                ...(version.adoptedOn
                  ? [{ key: 'adopted', label: t('wage.sch.adoptedOn'), children: `${version.adoptedOn} ${version.adoption ? t('wage.sch.adoptedByDoc', { docNo: version.adoption.docNo }) : version.voteId ? t('wage.sch.adoptedByVote') : ''}` }]
                  : []),
                ...(version.effectiveFrom
                  ? [
                      {
                        key: 'effective',
                        label: t('wage.sch.effective'),
                        children: version.supersededOn ? t('wage.sch.effectiveRange', { from: version.effectiveFrom, to: version.supersededOn }) : t('wage.sch.effectiveFrom', { from: version.effectiveFrom }),
                      },
                    ]
                  : []),
              ]}
            />
          )}
          <Space wrap align="start">
            <label htmlFor={nameId}>{t('wage.sch.name')}</label>
            <Input id={nameId} value={name} disabled={!editable} style={{ width: 320 }} onChange={(e) => (setName(e.target.value), setDirty(true))} />
            <label htmlFor={noteId}>{t('wage.sch.note')}</label>
            <Input.TextArea id={noteId} value={note} disabled={!editable} autoSize style={{ width: 360 }} onChange={(e) => (setNote(e.target.value), setDirty(true))} />
          </Space>

          <section aria-label={t('wage.sch.indicators')}>
            <Typography.Title level={5}>{t('wage.sch.indicators')}</Typography.Title>
            <Table<SchemeIndicatorDef & { i: number }>
              rowKey={(r) => `${r.i}`}
              size="small"
              scroll={{ x: 'max-content' }}
              pagination={false}
              columns={columns}
              dataSource={content.indicators.map((x, i) => ({ ...x, i }))}
              locale={{ emptyText: t('wage.sch.noIndicators') }}
              expandable={{
                expandedRowRender: (r) => (
                  <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid={`rule-of-${r.code}`}>
                    {editable && (
                      <Space wrap>
                        <Input aria-label={t('wage.sch.col.nameEnOf', { code: r.code })} prefix={<Typography.Text type="secondary">{t('wage.sch.nameEn')}</Typography.Text>} value={r.name.en} style={{ width: 300 }} onChange={(e) => setIndicator(r.i, { name: { ...r.name, en: e.target.value } })} />
                        <Input aria-label={t('wage.sch.col.unitOf', { code: r.code })} prefix={<Typography.Text type="secondary">{t('wage.sch.unit')}</Typography.Text>} value={r.unit['zh-CN']} style={{ width: 180 }} onChange={(e) => setIndicator(r.i, { unit: { ...r.unit, 'zh-CN': e.target.value } })} />
                        <Input aria-label={t('wage.sch.col.unitEnOf', { code: r.code })} prefix={<Typography.Text type="secondary">{t('wage.sch.unitEn')}</Typography.Text>} value={r.unit.en} style={{ width: 180 }} onChange={(e) => setIndicator(r.i, { unit: { ...r.unit, en: e.target.value } })} />
                      </Space>
                    )}
                    <RuleEditor value={r.rule} onChange={(rule) => setIndicator(r.i, { rule })} source={r.source} unit={r.unit['zh-CN']} readOnly={!editable} />
                  </div>
                ),
              }}
              footer={() => (
                <Space wrap>
                  <Typography.Text strong data-testid="weight-sum">
                    {t('wage.sch.weightSum', { sum })}
                  </Typography.Text>
                  {sum !== 100 && content.indicators.length > 0 && (
                    <Alert type="warning" showIcon data-testid="weight-warning" title={t('wage.sch.weightWarning', { sum })} style={{ padding: '2px 12px' }} />
                  )}
                  {editable && addable.length > 0 && (
                    <Select<string>
                      aria-label={t('wage.sch.addIndicator')}
                      placeholder={t('wage.sch.addIndicator')}
                      style={{ width: 260 }}
                      value={null as unknown as string}
                      onChange={(code) => {
                        const c = addable.find((x) => x.code === code);
                        if (c) change({ ...content, indicators: [...content.indicators, indicatorFromCatalogue(c)] });
                      }}
                      options={addable.map((c) => ({ value: c.code, label: `${c.code} · ${c.name['zh-CN']}` }))}
                    />
                  )}
                </Space>
              )}
            />
          </section>

          <section aria-label={t('wage.sch.moneySection')}>
            <Typography.Title level={5}>{t('wage.sch.moneySection')}</Typography.Title>
            <MoneyRuleEditor value={content.money} onChange={(money) => change({ ...content, money })} readOnly={!editable} />
          </section>

          <section aria-label={t('wage.sch.limits')}>
            <Typography.Title level={5}>{t('wage.sch.limits')}</Typography.Title>
            <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
              <Space wrap>
                <Typography.Text>{t('wage.sch.totalCap')}</Typography.Text>
                <InputNumber
                  aria-label={t('wage.sch.totalCap')}
                  value={content.totalCapFen === null ? null : fenToYuanValue(content.totalCapFen)}
                  min={0}
                  precision={2}
                  disabled={!editable}
                  placeholder={t('wage.sch.uncapped')}
                  suffix={t('wage.sch.yuan')}
                  style={{ width: 180 }}
                  onChange={(v) => change({ ...content, totalCapFen: typeof v === 'number' ? yuanToFen(v) : null })}
                />
                <Typography.Text type="secondary">{t('wage.sch.totalCapHint')}</Typography.Text>
              </Space>
              <VetoEditor content={content} editable={editable} onChange={change} />
              <Space wrap>
                <Switch id="scheme-pro-rata" checked={content.proRata} disabled={!editable} onChange={(proRata) => change({ ...content, proRata })} />
                <label htmlFor="scheme-pro-rata">{t('wage.sch.proRata')}</label>
                <Typography.Text type="secondary">{t('wage.sch.proRataHint')}</Typography.Text>
              </Space>
            </div>
          </section>

          {issues.length > 0 && (
            <Alert
              type="error"
              showIcon
              data-testid="scheme-issues"
              title={t('wage.sch.issues')}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {[...new Set(issues)].map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              }
            />
          )}
        </div>
      )}
    </Drawer>
  );
}

function VetoEditor({ content, editable, onChange }: { content: SchemeContent; editable: boolean; onChange(c: SchemeContent): void }) {
  const t = useT();
  const labelId = useId();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      <Space wrap>
        <Typography.Text id={labelId}>{t('wage.sch.veto')}</Typography.Text>
        <Checkbox.Group
          aria-labelledby={labelId}
          disabled={!editable}
          value={content.veto.severities}
          onChange={(v) => onChange({ ...content, veto: { ...content.veto, severities: ACCIDENT_SEVERITIES.filter((s) => (v as AccidentSeverity[]).includes(s)) } })}
          options={ACCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`wage.severity.${s}`) }))}
        />
      </Space>
      <Space wrap>
        <Switch id="scheme-veto-team" size="small" checked={content.veto.team} disabled={!editable} onChange={(team) => onChange({ ...content, veto: { ...content.veto, team } })} />
        <label htmlFor="scheme-veto-team">{t('wage.sch.vetoTeam')}</label>
      </Space>
      <Typography.Text type="secondary">{content.veto.severities.length === 0 ? t('wage.sch.vetoNone') : t('wage.sch.vetoHint')}</Typography.Text>
    </div>
  );
}
