// The dialogs of the schemes tab: a new draft from the catalogue (tick the indicators), put a version to the congress
// (pick the agenda item), record an adoption elsewhere (document number and date), put into effect (from a date),
// supersede (on a date) and copy as a new version. Each checks its input with the backend's own schema first.
import { Alert, App, Button, ConfigProvider, DatePicker, Empty, Form, Input, Modal, Radio, Skeleton, Space, Table, Tag, Typography, type FormInstance } from 'antd';
import { useCallback, useEffect, useState, type FocusEvent } from 'react';
import { itemTakesScheme } from '../../../../../shared/wage/schemes/agenda';
import { schemeAction, schemeCreate } from '../../../../../shared/wage/schemes/schemas';
import type { CatalogueIndicator, SchemeAgendaChoice, SchemeVersion } from '../../../../../shared/wage/schemes/types';
import { useT, type TFunc } from '../../../i18n';
import { ApiError, call } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { dateProps, localToday } from '../../congress/reps/common';
import { sessionName } from './format';

type Done = (v: SchemeVersion) => void;

/** A filled date field's text is selected when it takes the focus, so what is typed replaces the date instead of adding to it. */
export const selectAll = (e: FocusEvent<HTMLElement>) => {
  const input = e.target as HTMLInputElement;
  if (typeof input.select === 'function') input.select();
};

/**
 * Puts a refusal on the form: a lifecycle refusal or a service's own (err.wage.effectiveBeforePrevious {date}, …) marks
 * its field (shared/wage/schemes/refusals.ts) with its OWN sentence and parameters, not the schema's 「格式不正确」; a
 * schema failure (err.validation) puts each field's issue. False when something did not land on a field the form shows.
 */
export function placeRefusal(form: FormInstance, e: unknown, t: TFunc): boolean {
  if (!(e instanceof ApiError) || e.issues.length === 0) return false;
  if (e.message === 'err.validation') return applyIssues(form, e.issues, t);
  const text = errorText(e, t);
  const fields = e.issues.filter((i) => i.path).map((i) => ({ name: i.path.split('.'), errors: [text] }));
  if (fields.length === 0) return false;
  form.setFields(fields as never);
  return fields.length === e.issues.length && fields.every((f) => form.getFieldError(f.name as never).length > 0);
}

/** Runs a call; field issues land on the form, anything else is a message. */
function useSubmit(form: ReturnType<typeof Form.useForm>[0]) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async <T,>(p: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    try {
      return await p();
    } catch (e) {
      if (!placeRefusal(form, e, t)) message.error(errorText(e, t));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}

export function CreateDialog({ onClose, onDone }: { onClose(): void; onDone: Done }) {
  const t = useT();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form);
  const [catalogue, setCatalogue] = useState<CatalogueIndicator[] | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [codesError, setCodesError] = useState<string | null>(null);
  const { message } = App.useApp();
  useEffect(() => {
    call('wage.catalogue', { deleted: false }).then(
      (c) => {
        setCatalogue(c);
        setCodes(c.map((x) => x.code));
      },
      (e: unknown) => {
        setCatalogue([]);
        message.error(errorText(e, t));
      },
    );
  }, [message, t]);
  const ticked = catalogue?.filter((c) => codes.includes(c.code)) ?? [];
  const sum = ticked.reduce((s, c) => s + c.weightPct, 0);

  const ok = async () => {
    const v = { name: (form.getFieldValue('name') as string | undefined) ?? '', codes, note: (form.getFieldValue('note') as string | undefined) ?? null };
    const parsed = parseForm(schemeCreate, v, form, t);
    setCodesError(codes.length === 0 ? t('v.wage.noIndicators') : null);
    if (!parsed) return;
    const s = await submit(() => call('wage.schemeCreate', v));
    if (s) {
      message.success(t('wage.sch.created', { name: s.name, version: s.version }));
      onDone(s);
    }
  };

  return (
    <Modal open title={t('wage.sch.create')} okText={t('wage.sch.createOk')} cancelText={t('common.cancel')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" onFieldsChange={clearErrorsOnEdit(form)} initialValues={{ name: t('wage.sch.defaultName', { year: localToday().slice(0, 4) }) }}>
        <Form.Item name="name" label={t('wage.sch.name')} required>
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item label={t('wage.sch.pickIndicators')} required validateStatus={codesError ? 'error' : undefined} help={codesError ?? t('wage.sch.pickHint')}>
          {catalogue === null ? (
            <Skeleton active />
          ) : catalogue.length === 0 ? (
            <Empty description={t('wage.sch.catalogueEmpty')} />
          ) : (
            /* a ticked row keeps the ordinary row look with a light tint (the theme's selected-row colour read as disabled) */
            <ConfigProvider theme={{ components: { Table: { rowSelectedBg: '#eef6f4', rowSelectedHoverBg: '#e2efeb' } } }}>
              <Table<CatalogueIndicator>
                rowKey="code"
                size="small"
                pagination={false}
                dataSource={catalogue}
                rowSelection={{
                  selectedRowKeys: codes,
                  onChange: (keys) => {
                    setCodes(keys.map(String));
                    setCodesError(null);
                  },
                  getCheckboxProps: (c) => ({ 'aria-label': t('wage.sch.tick', { code: c.code, name: c.name['zh-CN'] }) }),
                }}
                columns={[
                  { title: t('wage.sch.col.code'), dataIndex: 'code', width: 120 },
                  { title: t('wage.sch.col.name'), key: 'name', render: (_, c) => c.name['zh-CN'] },
                  { title: t('wage.sch.col.source'), key: 'source', render: (_, c) => t(`wage.indicatorSource.${c.source}`) },
                  { title: t('wage.sch.col.rule'), key: 'rule', width: 100, render: (_, c) => t(`wage.rule.kind.${c.rule.kind}`) },
                  { title: t('wage.sch.col.weight'), dataIndex: 'weightPct', width: 80, render: (v: number) => `${v}%` },
                ]}
              />
            </ConfigProvider>
          )}
        </Form.Item>
        {ticked.length > 0 && sum !== 100 && <Alert type="info" showIcon title={t('wage.sch.createScaled', { sum })} />}
        <Form.Item name="note" label={t('wage.sch.note')}>
          <Input.TextArea autoSize maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Why an agenda item cannot take the scheme now (null: it can) — the backend refuses the same. */
export function outOfReach(c: SchemeAgendaChoice): 'taken' | 'decided' | 'papersIssued' | 'notVote' | null {
  if (c.takenBy) return 'taken';
  if (c.decided) return 'decided';
  // papers out and the session not yet open: the scheme's text could not go out with them
  if (c.sessionStatus === 'issued') return 'papersIssued';
  if (c.sessionStatus === 'in_session' && c.kind !== 'vote') return 'notVote';
  return null;
}

/** The choices by session, each session's items in agenda order, the sessions in the order of their first choice. */
function bySession(choices: readonly SchemeAgendaChoice[]): SchemeAgendaChoice[][] {
  const groups = new Map<string, SchemeAgendaChoice[]>();
  for (const c of choices) groups.set(c.sessionId, [...(groups.get(c.sessionId) ?? []), c]);
  return [...groups.values()].map((g) => [...g].sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.position - b.position));
}

export function ProposeDialog({ scheme, onClose, onDone }: { scheme: SchemeVersion; onClose(): void; onDone: Done }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [choices, setChoices] = useState<SchemeAgendaChoice[] | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadChoices = useCallback(
    () =>
      call('wage.schemeAgendaItems', { id: scheme.id }).then(
        (all) => {
          // the wage item and the vote / deliberation items only (the backend offers no other; said again here)
          const list = all.filter((c) => itemTakesScheme(c.templateKey, c.kind));
          setChoices(list);
          const usable = list.filter((c) => !outOfReach(c));
          setItemId((cur) => (cur && usable.some((c) => c.itemId === cur) ? cur : ((usable.find((c) => c.preferred) ?? usable[0])?.itemId ?? null)));
        },
        (e: unknown) => {
          setChoices([]);
          message.error(errorText(e, t));
        },
      ),
    [scheme.id, message, t],
  );
  useEffect(() => {
    void loadChoices();
  }, [loadChoices]);

  const ok = async () => {
    if (!itemId) {
      setError(t('wage.scheme.needsAgendaItem'));
      return;
    }
    setBusy(true);
    try {
      const s = await call('wage.schemeAction', { id: scheme.id, action: 'propose', agendaItemId: itemId });
      message.success(t('wage.sch.proposed', { session: sessionName(t, s) }));
      onDone(s);
    } catch (e) {
      // e.g. the session's papers went out meanwhile: said here, and the items read again
      setError(errorText(e, t));
      await loadChoices();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('wage.sch.proposeTitle', { name: scheme.name, version: scheme.version })} okText={t('wage.scheme.action.propose')} cancelText={t('common.cancel')} okButtonProps={{ disabled: !choices || choices.length === 0 }} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} width={680} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('wage.sch.proposeHint')}</Typography.Paragraph>
      {choices === null ? (
        <Skeleton active />
      ) : choices.length === 0 ? (
        <Empty description={<span data-testid="no-agenda-items">{t('wage.sch.noAgendaItems')}</span>}>
          <Button type="primary" href="#/congress/sessions" onClick={onClose}>
            {t('wage.sch.toCongress')}
          </Button>
        </Empty>
      ) : (
        <Radio.Group
          aria-label={t('wage.sch.agendaItem')}
          value={itemId}
          onChange={(e) => {
            setItemId(e.target.value as string);
            setError(null);
          }}
          style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
        >
          {bySession(choices).map((g) => {
            const label = `${sessionName(t, g[0]!)}（${g[0]!.sessionDate}）`;
            const status = g[0]!.sessionStatus;
            return (
              <div key={g[0]!.sessionId} role="group" aria-label={label} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                <Space wrap size={4}>
                  <Typography.Text strong>{label}</Typography.Text>
                  <Tag>{t(`congress.sessionStatus.${status}`)}</Tag>
                </Space>
                {status === 'issued' && <Alert type="warning" showIcon title={t('wage.sch.papersIssued')} />}
                {status === 'in_session' && <Alert type="info" showIcon title={t('wage.sch.inSession')} />}
                {g.map((c) => {
                  const out = outOfReach(c);
                  return (
                    <Radio key={c.itemId} value={c.itemId} disabled={out !== null} style={{ marginInlineStart: 12 }}>
                      <Space wrap size={4}>
                        <span>{`${c.position}. ${c.title}`}</span>
                        {c.preferred && <Tag color="green">{t('wage.sch.preferredItem')}</Tag>}
                        <Tag>{t(`congress.itemKind.${c.kind}`)}</Tag>
                        {out === null && c.kind !== 'vote' && <Typography.Text type="secondary">{t('wage.sch.becomesVote')}</Typography.Text>}
                        {out === 'taken' && <Typography.Text type="secondary">{t('wage.sch.itemTaken', { name: c.takenBy!.name, version: c.takenBy!.version })}</Typography.Text>}
                        {out === 'decided' && <Typography.Text type="secondary">{t('wage.sch.itemDecided')}</Typography.Text>}
                        {out === 'notVote' && <Typography.Text type="secondary">{t('wage.sch.notVoteInSession')}</Typography.Text>}
                      </Space>
                    </Radio>
                  );
                })}
              </div>
            );
          })}
        </Radio.Group>
      )}
      {error && <Alert type="error" showIcon data-testid="propose-error" title={error} style={{ marginTop: 8 }} />}
    </Modal>
  );
}

/** adoptElsewhere (doc no + date), makeEffective (from), supersede (on). */
export function DateActionDialog({ scheme, action, onClose, onDone }: { scheme: SchemeVersion; action: 'adoptElsewhere' | 'makeEffective' | 'supersede'; onClose(): void; onDone: Done }) {
  const t = useT();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form);
  const { message } = App.useApp();
  const field = action === 'adoptElsewhere' ? 'date' : action === 'makeEffective' ? 'effectiveFrom' : 'on';
  const ok = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>), id: scheme.id, action };
    if (!parseForm(schemeAction, v, form, t)) return;
    const s = await submit(() => call('wage.schemeAction', v as never));
    if (s) {
      message.success(t(`wage.sch.done.${action}`, { name: s.name, version: s.version }));
      onDone(s);
    }
  };
  return (
    <Modal open title={`${t(`wage.scheme.action.${action}`)} · ${scheme.name}（${t('wage.sch.versionN', { n: scheme.version })}）`} okText={t(`wage.scheme.action.${action}`)} cancelText={t('common.cancel')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t(`wage.sch.hint.${action}`, { adopted: scheme.adoptedOn ?? '', effective: scheme.effectiveFrom ?? '' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFieldsChange={clearErrorsOnEdit(form)} initialValues={{ [field]: localToday() }}>
        {action === 'adoptElsewhere' && (
          <Form.Item name="docNo" label={t('wage.sch.docNo')} required>
            <Input autoFocus maxLength={60} placeholder={t('wage.sch.docNoHint')} />
          </Form.Item>
        )}
        <Form.Item name={field} label={t(`wage.sch.date.${action}`)} required {...dateProps}>
          <DatePicker style={{ width: 200 }} onFocus={selectAll} aria-label={t(`wage.sch.date.${action}`)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Corrects a wrong adoption date (of an adoption recorded elsewhere) or effective-from date, with the reason (audited);
 * the backend refuses it once an approved run used the version, and says why on the field.
 */
export function CorrectDatesDialog({ scheme, onClose, onDone }: { scheme: SchemeVersion; onClose(): void; onDone: Done }) {
  const t = useT();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form);
  const { message } = App.useApp();
  const canAdoption = scheme.adoption !== null;
  const canEffective = scheme.effectiveFrom !== null;
  const ok = async () => {
    const f = form.getFieldsValue(true) as { adoptionDate?: string; effectiveFrom?: string; reason?: string };
    const v = {
      id: scheme.id,
      ...(canAdoption && f.adoptionDate && f.adoptionDate !== scheme.adoptedOn ? { adoptionDate: f.adoptionDate } : {}),
      ...(canEffective && f.effectiveFrom && f.effectiveFrom !== scheme.effectiveFrom ? { effectiveFrom: f.effectiveFrom } : {}),
      reason: (f.reason ?? '').trim(),
    };
    if (v.reason === '') {
      form.setFields([{ name: 'reason', errors: [t('wage.scheme.needsReason')] }]);
      return;
    }
    if (!('adoptionDate' in v) && !('effectiveFrom' in v)) {
      form.setFields([{ name: canEffective ? 'effectiveFrom' : 'adoptionDate', errors: [t('err.wage.nothingToCorrect')] }]);
      return;
    }
    const s = await submit(() => call('wage.schemeCorrectDates', v));
    if (s) {
      message.success(t('wage.sch.done.correctDates', { name: s.name, version: s.version }));
      onDone(s);
    }
  };
  return (
    <Modal open title={`${t('wage.scheme.action.correctDates')} · ${scheme.name}（${t('wage.sch.versionN', { n: scheme.version })}）`} okText={t('wage.scheme.action.correctDates')} cancelText={t('common.cancel')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('wage.sch.hint.correctDates')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFieldsChange={clearErrorsOnEdit(form)} initialValues={{ adoptionDate: scheme.adoptedOn, effectiveFrom: scheme.effectiveFrom, reason: '' }}>
        {canAdoption ? (
          <Form.Item name="adoptionDate" label={t('wage.sch.date.adoptElsewhere')} {...dateProps}>
            <DatePicker style={{ width: 200 }} onFocus={selectAll} aria-label={t('wage.sch.date.adoptElsewhere')} />
          </Form.Item>
        ) : (
          scheme.adoptedOn && <Typography.Paragraph>{t('wage.sch.adoptedByVoteOn', { date: scheme.adoptedOn })}</Typography.Paragraph>
        )}
        {canEffective && (
          <Form.Item name="effectiveFrom" label={t('wage.sch.date.makeEffective')} {...dateProps}>
            <DatePicker style={{ width: 200 }} onFocus={selectAll} aria-label={t('wage.sch.date.makeEffective')} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('wage.sch.correctReason')} required>
          <Input.TextArea autoSize maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CopyDialog({ scheme, onClose, onDone }: { scheme: SchemeVersion; onClose(): void; onDone: Done }) {
  const t = useT();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form);
  const { message } = App.useApp();
  const ok = async () => {
    const name = ((form.getFieldValue('name') as string | undefined) ?? '').trim();
    const v = { id: scheme.id, action: 'copy' as const, name: name === '' ? null : name };
    if (!parseForm(schemeAction, v, form, t)) return;
    const s = await submit(() => call('wage.schemeAction', v));
    if (s) {
      message.success(t('wage.sch.copied', { name: s.name, version: s.version }));
      onDone(s);
    }
  };
  return (
    <Modal open title={t('wage.scheme.action.copy')} okText={t('wage.scheme.action.copy')} cancelText={t('common.cancel')} onOk={() => void ok()} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('wage.sch.copyHint', { name: scheme.name, version: scheme.version })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFieldsChange={clearErrorsOnEdit(form)} initialValues={{ name: scheme.name }}>
        <Form.Item name="name" label={t('wage.sch.name')}>
          <Input autoFocus maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

