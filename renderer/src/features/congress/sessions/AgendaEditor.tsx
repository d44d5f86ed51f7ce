// The agenda of a session: the 5+X items and the enterprise's X items, each with its kind, presenter, planned minutes
// and materials; reordered by dragging a row or, from the keyboard, Alt+↑ / Alt+↓ on its handle (or the buttons).
// Item 5 shows the hazard ledger for the period and the handling of proposals — live while preparing, frozen once the
// papers are issued. During and
// after the session each item records what was heard and, for a passed vote, the resolution.
import { FileExcelOutlined, FilePdfOutlined, FilePptOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { DOCUMENT_ACCEPT, DOCUMENT_TYPES, isImageMime, PHOTO_MIMES } from '../../../../../shared/attachments/rules';
import { itemAdd } from '../../../../../shared/congress/sessions/schemas';
import { ITEM_KINDS, type AgendaItem, type HazardSnapshot, type ProposalFigures as ProposalFiguresData, type SessionDetail } from '../../../../../shared/congress/sessions/types';
import { allowedActions } from '../../../../../shared/congress/sessions/workflow';
import { useT } from '../../../i18n';
import { ApiError, call, fileToBase64, saveFile } from '../../../lib/api';
import { applyIssues, clearErrorsOnEdit, errorText } from '../../../lib/errors';
import { parseForm } from '../../../lib/zodForm';
import { Thumb } from '../../hazards/photos';

type Props = { session: SessionDetail; canRun: boolean; onChange(s: SessionDetail): void };

export function AgendaEditor({ session: s, canRun, onChange }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const allowed = allowedActions(s.status, canRun);
  const canEdit = allowed.includes('edit');
  const canRecord = allowed.includes('record');
  const [dialog, setDialog] = useState<{ item: AgendaItem | null } | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [live, setLive] = useState('');
  const handles = useRef(new Map<string, HTMLButtonElement>());

  const run = async <T extends SessionDetail>(p: Promise<T>, ok?: string) => {
    try {
      const d = await p;
      onChange(d);
      if (ok) message.success(ok);
      return d;
    } catch (e) {
      message.error(errorText(e, t));
      return null;
    }
  };

  const move = async (id: string, to: number) => {
    const ids = s.agenda.map((i) => i.id);
    const from = ids.indexOf(id);
    if (from < 0 || to < 0 || to >= ids.length || from === to) return;
    ids.splice(from, 1);
    ids.splice(to, 0, id);
    const d = await run(call('congress.agendaReorder', { sessionId: s.id, ids }));
    if (d) {
      const item = d.agenda.find((i) => i.id === id)!;
      setLive(t('congress.agenda.moved', { title: item.title, position: item.position }));
      requestAnimationFrame(() => handles.current.get(id)?.focus());
    }
  };

  const totalMinutes = s.agenda.reduce((n, i) => n + (i.plannedMinutes ?? 0), 0);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Space wrap>
        <Typography.Text>{t('congress.agenda.totalMinutes', { count: s.agenda.length, minutes: totalMinutes })}</Typography.Text>
        {canEdit && (
          <>
            <Button type="primary" onClick={() => setDialog({ item: null })}>
              {t('congress.agenda.add')}
            </Button>
            <Typography.Text type="secondary">{t('congress.agenda.dragHint')}</Typography.Text>
          </>
        )}
      </Space>
      <div aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {live}
      </div>
      {s.agenda.length === 0 ? (
        <Empty description={t('congress.agenda.empty')} />
      ) : (
        <ol aria-label={t('congress.sessions.view.agenda')} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {s.agenda.map((item, k) => (
            <li
              key={item.id}
              data-testid={`agenda-${item.position}`}
              draggable={canEdit}
              onDragStart={(e) => {
                setDragId(item.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => {
                if (dragId && dragId !== item.id) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragId) void move(dragId, k);
                setDragId(null);
              }}
              onDragEnd={() => setDragId(null)}
              style={{ opacity: dragId === item.id ? 0.5 : 1 }}
            >
              <Card size="small">
                <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
                  {canEdit && (
                    <button
                      type="button"
                      ref={(el) => {
                        if (el) handles.current.set(item.id, el);
                        else handles.current.delete(item.id);
                      }}
                      aria-label={t('congress.agenda.handle', { title: item.title })}
                      title={t('congress.agenda.dragHint')}
                      onKeyDown={(e) => {
                        if (!e.altKey) return;
                        if (e.key === 'ArrowUp') {
                          e.preventDefault();
                          void move(item.id, k - 1);
                        } else if (e.key === 'ArrowDown') {
                          e.preventDefault();
                          void move(item.id, k + 1);
                        }
                      }}
                      style={{ cursor: 'grab', border: '1px solid #d9d9d9', background: '#fafafa', borderRadius: 4, padding: '2px 6px', fontSize: 16, lineHeight: 1 }}
                    >
                      ⋮⋮
                    </button>
                  )}
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Space wrap>
                      <Typography.Text strong>{`${item.position}. ${item.title}`}</Typography.Text>
                      <Tag>{t(`congress.itemKind.${item.kind}`)}</Tag>
                      {item.templateKey && ['education', 'skills', 'protection', 'wage', 'hazards'].includes(item.templateKey) && <Tag color="orange">{t('congress.agenda.fixed')}</Tag>}
                      {item.presenter && <Typography.Text type="secondary">{item.presenter}</Typography.Text>}
                      {item.plannedMinutes && <Typography.Text type="secondary">{t('congress.agenda.minutesShort', { n: item.plannedMinutes })}</Typography.Text>}
                    </Space>
                    {item.templateKey === 'hazards' && <HazardFigures h={s.hazards} frozen={s.hazardsFrozen} />}
                    {item.templateKey === 'hazards' && s.hazards.proposals && <ProposalFigures p={s.hazards.proposals} frozen={s.hazardsFrozen} />}
                    <Materials item={item} canEdit={canEdit} onChange={onChange} />
                    {(item.summary || item.resolution) && !canRecord && (
                      <div style={{ marginTop: 8 }}>
                        {item.summary && <Typography.Paragraph style={{ margin: 0 }}>{`${t('congress.agenda.summary')}：${item.summary}`}</Typography.Paragraph>}
                        {item.resolution && <Typography.Paragraph style={{ margin: 0 }}>{`${t('congress.agenda.resolution')}：${item.resolution}`}</Typography.Paragraph>}
                      </div>
                    )}
                    {canRecord && <RecordForm item={item} onChange={onChange} />}
                  </div>
                  {canEdit && (
                    <Space>
                      <Button size="small" disabled={k === 0} onClick={() => void move(item.id, k - 1)}>
                        {t('congress.agenda.up')}
                      </Button>
                      <Button size="small" disabled={k === s.agenda.length - 1} onClick={() => void move(item.id, k + 1)}>
                        {t('congress.agenda.down')}
                      </Button>
                      <Button size="small" onClick={() => setDialog({ item })}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm title={t('congress.agenda.confirmDelete', { title: item.title })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void run(call('congress.agendaDelete', { id: item.id }))}>
                        <Button size="small" danger aria-label={`${t('congress.agenda.deleteItem')} ${item.title}`}>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  )}
                </div>
              </Card>
            </li>
          ))}
        </ol>
      )}
      {dialog && (
        <ItemDialog
          sessionId={s.id}
          item={dialog.item}
          onClose={() => setDialog(null)}
          onDone={(d) => {
            setDialog(null);
            onChange(d);
          }}
        />
      )}
    </div>
  );
}

export function HazardFigures({ h, frozen }: { h: HazardSnapshot; frozen: boolean }) {
  const t = useT();
  return (
    <div style={{ marginTop: 8, padding: 8, background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 4 }} data-testid="hazard-figures">
      <Typography.Text strong>{t('congress.hazards.title', { from: h.from, to: h.to })}</Typography.Text>{' '}
      <Typography.Text type="secondary">{frozen ? t('congress.hazards.frozen', { asOf: h.asOf }) : t('congress.hazards.live')}</Typography.Text>
      <div>{t('congress.hazards.counts', h as unknown as Record<string, number>)}</div>
      {h.majors.length === 0 ? (
        <Typography.Text type="secondary">{t('congress.hazards.noMajor')}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="serial"
          pagination={false}
          title={() => t('congress.hazards.majors', { count: h.majors.length })}
          dataSource={h.majors}
          columns={[
            { title: t('congress.hazards.serial'), dataIndex: 'serial', width: 130 },
            { title: t('congress.hazards.description'), dataIndex: 'description', ellipsis: true },
            { title: t('congress.hazards.workshop'), dataIndex: 'workshop', width: 120 },
            { title: t('congress.hazards.state'), dataIndex: 'status', width: 110, render: (st: string) => t(`hazardStatus.${st}`) },
            { title: t('congress.hazards.due'), dataIndex: 'dueDate', width: 110 },
          ]}
        />
      )}
    </div>
  );
}

/** Item 5's handling of proposals: the counts of the proposal handling report and one row per proposal. */
export function ProposalFigures({ p, frozen }: { p: ProposalFiguresData; frozen: boolean }) {
  const t = useT();
  const c = p.counts;
  const filed = c.total - c.byState.submitted - c.byState.referred - c.byState.rejected;
  return (
    <div style={{ marginTop: 8, padding: 8, background: '#f0f5ff', border: '1px solid #adc6ff', borderRadius: 4 }} data-testid="proposal-figures">
      <Typography.Text strong>{t('congress.hazards.proposals.title')}</Typography.Text>{' '}
      <Typography.Text type="secondary">{frozen ? t('congress.hazards.frozen', { asOf: p.asOf }) : t('congress.hazards.live')}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{t('congress.hazards.proposals.scope')}</Typography.Text>
      </div>
      {c.total === 0 ? (
        <div>
          <Typography.Text type="secondary">{t('congress.hazards.proposals.none')}</Typography.Text>
        </div>
      ) : (
        <>
          <div>{t('congress.hazards.proposals.review', { total: c.total, filed, referred: c.byState.referred, rejected: c.byState.rejected, submitted: c.byState.submitted })}</div>
          <div>{t('congress.hazards.proposals.handling', { ...c.byAnswer, assigned: c.byState.assigned, overdue: c.overdue })}</div>
          <div>{t('congress.hazards.proposals.feedback', { ...c.byFeedback, linked: c.hazards.linked, closed: c.hazards.closed })}</div>
          <Table
            size="small"
            rowKey="serial"
            pagination={false}
            dataSource={p.rows}
            columns={[
              { title: t('congress.hazards.proposals.serial'), dataIndex: 'serial', width: 130 },
              { title: t('congress.hazards.proposals.subject'), dataIndex: 'title', ellipsis: true },
              { title: t('congress.hazards.proposals.category'), dataIndex: 'category', width: 110, render: (v: string) => t(`congress.proposal.category.${v}`) },
              {
                title: t('congress.hazards.proposals.state'),
                key: 'state',
                width: 130,
                render: (_: unknown, r: ProposalFiguresData['rows'][number]) => (
                  <Space size={4}>
                    {t(`congress.proposal.state.${r.state}`)}
                    {r.overdue && <Tag color="red">{t('congress.hazards.proposals.overdue')}</Tag>}
                  </Space>
                ),
              },
              { title: t('congress.hazards.proposals.answer'), dataIndex: 'answerClass', width: 80, render: (v: string | null) => v ?? '' },
              { title: t('congress.hazards.proposals.feedbackCol'), dataIndex: 'feedback', width: 100, render: (v: string | null) => (v ? t(`congress.proposal.feedback.${v}`) : '') },
              {
                title: t('congress.hazards.proposals.hazards'),
                key: 'hazards',
                width: 110,
                render: (_: unknown, r: ProposalFiguresData['rows'][number]) => (r.hazards.total > 0 ? t('congress.hazards.proposals.hazardsCell', r.hazards) : ''),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

/** A material's size for people: 812 B, 35.2 KB, 4.7 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function DocIcon({ mime }: { mime: string }) {
  const style = { fontSize: 28 };
  if (mime === 'application/pdf') return <FilePdfOutlined style={{ ...style, color: '#cf1322' }} aria-hidden />;
  if (mime === DOCUMENT_TYPES.docx || mime === DOCUMENT_TYPES.doc) return <FileWordOutlined style={{ ...style, color: '#1d39c4' }} aria-hidden />;
  if (mime === DOCUMENT_TYPES.xlsx || mime === DOCUMENT_TYPES.xls) return <FileExcelOutlined style={{ ...style, color: '#389e0d' }} aria-hidden />;
  if (mime === DOCUMENT_TYPES.pptx) return <FilePptOutlined style={{ ...style, color: '#d46b08' }} aria-hidden />;
  return <FileTextOutlined style={style} aria-hidden />;
}

/** A picked file that is a photo (uploaded as a photo); anything else goes as a document and the backend checks it. */
const isPhotoFile = (f: File) => (PHOTO_MIMES as readonly string[]).includes(f.type) || /\.(jpe?g|png|webp)$/i.test(f.name);

/** An item's materials: documents (PDF, Word, Excel, PowerPoint, TXT, CSV) or images, each with its size and a download. */
export function Materials({ item, canEdit, onChange }: { item: AgendaItem; canEdit: boolean; onChange(s: SessionDetail): void }) {
  const t = useT();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  if (!canEdit && item.materials.length === 0) return null;
  const upload = async (files: File[]) => {
    setBusy(true);
    try {
      // each file on its own: a refused one (its name and reason shown) does not stop the others
      for (const f of files) {
        try {
          const data = { fileName: f.name, dataBase64: await fileToBase64(f) };
          const a = await call(isPhotoFile(f) ? 'attachments.upload' : 'attachments.uploadDocument', data);
          onChange(await call('congress.agendaMaterialAdd', { itemId: item.id, attachmentId: a.id, title: (f.name || a.originalName || a.id).slice(0, 80) }));
        } catch (e) {
          message.error(errorText(e, t));
        }
      }
    } finally {
      setBusy(false);
    }
  };
  const download = async (attachmentId: string) => {
    try {
      await saveFile(await call('attachments.download', { id: attachmentId }));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <div style={{ marginTop: 8, display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }} data-testid={`materials-${item.id}`}>
      <Typography.Text type="secondary">{t('congress.agenda.materials')}</Typography.Text>
      {item.materials.map((m) => (
        <Space key={m.attachmentId} size={4} data-testid="material">
          {isImageMime(m.mime) ? <Thumb id={m.attachmentId} alt={m.title} size={40} /> : <DocIcon mime={m.mime} />}
          <span>{m.title}</span>
          <Typography.Text type="secondary">{sizeText(m.bytes)}</Typography.Text>
          <Button size="small" type="link" aria-label={t('congress.agenda.downloadMaterial', { title: m.title })} onClick={() => void download(m.attachmentId)}>
            {t('congress.agenda.download')}
          </Button>
          {canEdit && (
            <Button
              size="small"
              type="text"
              aria-label={t('congress.agenda.removeMaterial', { title: m.title })}
              onClick={() => void call('congress.agendaMaterialRemove', { itemId: item.id, attachmentId: m.attachmentId }).then(onChange, (e: unknown) => message.error(errorText(e, t)))}
            >
              ×
            </Button>
          )}
        </Space>
      ))}
      {canEdit && (
        <>
          <Button size="small" loading={busy} onClick={() => input.current?.click()} title={t('congress.agenda.materialTypes')}>
            {t('congress.agenda.addMaterial')}
          </Button>
          <input
            ref={input}
            type="file"
            accept={DOCUMENT_ACCEPT}
            multiple
            hidden
            aria-label={`${t('congress.agenda.addMaterial')} ${item.title}`}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void upload(files);
            }}
          />
        </>
      )}
    </div>
  );
}

function RecordForm({ item, onChange }: { item: AgendaItem; onChange(s: SessionDetail): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [summary, setSummary] = useState(item.summary ?? '');
  const [resolution, setResolution] = useState(item.resolution ?? '');
  const passed = item.votes.some((v) => v.status === 'announced' && v.verdict === 'passed');
  const dirty = summary !== (item.summary ?? '') || resolution !== (item.resolution ?? '');
  const save = async () => {
    try {
      onChange(await call('congress.agendaRecord', { id: item.id, summary, resolution: passed ? resolution : null }));
      message.success(t('congress.sessions.saved'));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };
  return (
    <div style={{ marginTop: 8, display: 'grid', gridTemplateColumns: passed ? '1fr 1fr auto' : '1fr auto', gap: 8, alignItems: 'end' }}>
      <label>
        <Typography.Text type="secondary">{t('congress.agenda.summary')}</Typography.Text>
        <Input.TextArea value={summary} onChange={(e) => setSummary(e.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
      </label>
      {passed && (
        <label>
          <Typography.Text type="secondary">{t('congress.agenda.resolution')}</Typography.Text>
          <Input.TextArea value={resolution} onChange={(e) => setResolution(e.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
        </label>
      )}
      <Button disabled={!dirty} onClick={() => void save()}>
        {`${t('congress.agenda.record')} ${item.position}`}
      </Button>
    </div>
  );
}

function ItemDialog({ sessionId, item, onClose, onDone }: { sessionId: string; item: AgendaItem | null; onClose(): void; onDone(s: SessionDetail): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const initial = item ? { title: item.title, kind: item.kind, presenter: item.presenter ?? '', plannedMinutes: item.plannedMinutes } : { title: '', kind: 'vote', presenter: '', plannedMinutes: 15 };
  const submit = async () => {
    const v = { ...(form.getFieldsValue(true) as Record<string, unknown>) };
    if (v.plannedMinutes === undefined) v.plannedMinutes = null;
    if (!parseForm(itemAdd, { ...v, sessionId }, form, t)) return;
    setBusy(true);
    try {
      onDone(item ? await call('congress.agendaUpdate', { ...v, id: item.id } as never) : await call('congress.agendaAdd', { ...v, sessionId } as never));
    } catch (e) {
      if (!(e instanceof ApiError && applyIssues(form, e.issues, t))) message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={item ? t('congress.agenda.editItem') : t('congress.agenda.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFieldsChange={clearErrorsOnEdit(form)} onFinish={() => void submit()}>
        <Form.Item label={t('congress.agenda.title')} name="title" required>
          <Input maxLength={80} autoFocus />
        </Form.Item>
        <Form.Item label={t('congress.agenda.kind')} name="kind" required>
          <Select options={ITEM_KINDS.map((k) => ({ value: k, label: t(`congress.itemKind.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('congress.agenda.presenter')} name="presenter">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('congress.agenda.minutes')} name="plannedMinutes">
          <InputNumber min={1} max={600} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
