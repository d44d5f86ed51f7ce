// Fixtures for the hazard-ledger renderer tests: HazardDetail builders and an in-memory hazard backend
// layered on the schema-checking FakeBackend (every hazard channel's input is still parsed with the real
// contract schema before these handlers see it, and every call is recorded).
import { waitFor } from '@testing-library/react';
import { lecScore, riskColor } from '../../shared/hazards/rules';
import type { AttachmentInfo } from '../../shared/attachments/types';
import type { HazardDetail, HazardRow } from '../../shared/hazards/types';
import type { SavedView } from '../../shared/views/types';
import { FakeError, fakeFile, makeWorker, type FakeBackend, type FakeSeed } from './fakeBackend';
import { signedInBackend } from './harness';

export const T0 = '2026-04-20T09:30:00.000+08:00';

export function makeHazard(p: Partial<HazardDetail> & Pick<HazardDetail, 'id' | 'serial' | 'description'>): HazardDetail {
  return {
    foundAt: T0,
    foundDate: '2026-04-20',
    finderId: 'w-admin',
    finderName: '王主席',
    source: 'self_check',
    workshopId: 'u-ws',
    workshopName: '一车间',
    teamId: null,
    teamName: null,
    orgUnitId: 'u-ws',
    place: '3 号压力机',
    equipment: null,
    category1: 'material',
    category2: 'physical',
    accidentType: 'machinery',
    productionStop: 'none',
    interimMeasures: null,
    grade: null,
    lec: null,
    riskD: null,
    risk: null,
    status: 'reported',
    responsibleId: null,
    responsibleName: null,
    measures: null,
    plannedFunds: null,
    deadline: null,
    dueDate: '2026-04-23',
    overdue: false,
    emergencyPlan: null,
    governancePlan: null,
    actualFunds: null,
    rectificationNote: null,
    submittedBy: null,
    submittedByName: null,
    submittedAt: null,
    acceptedByName: null,
    acceptedAt: null,
    cancelKind: null,
    cancelReason: null,
    closedDate: null,
    createdAt: T0,
    updatedAt: T0,
    photos: [],
    events: [{ seq: 1, at: T0, actorName: '王主席', action: 'report', fromStatus: null, toStatus: 'reported', comment: null }],
    links: [],
    allowedActions: ['confirm', 'cancel'],
    editable: true,
    ...p,
  };
}

export function toRow(h: HazardDetail): HazardRow {
  return {
    id: h.id,
    serial: h.serial,
    foundAt: h.foundAt,
    foundDate: h.foundDate,
    finderId: h.finderId,
    finderName: h.finderName,
    source: h.source,
    workshopName: h.workshopName,
    teamName: h.teamName,
    place: h.place,
    category1: h.category1,
    category2: h.category2,
    description: h.description,
    grade: h.grade,
    riskD: h.riskD,
    risk: h.risk,
    status: h.status,
    responsibleName: h.responsibleName,
    deadline: h.deadline,
    dueDate: h.dueDate,
    overdue: h.overdue,
    closedDate: h.closedDate,
    updatedAt: h.updatedAt,
  };
}

export function attachment(id: string, originalName: string): AttachmentInfo {
  return { id, sha256: id.padEnd(64, '0'), mime: 'image/png', bytes: 1234, width: 640, height: 480, originalName };
}

/** Workers the WorkerSelect can find (workers.list is answered by the base FakeBackend). */
export function hazardWorkers() {
  return [
    makeWorker({ id: 'w-admin', empNo: 'A0001', name: '王主席', roles: ['union_officer'] }),
    makeWorker({ id: 'w-zhao', empNo: 'E010', name: '赵工', workshopId: 'u-ws', workshopName: '一车间', roles: ['team_leader'] }),
  ];
}

export const hazardUnits: FakeSeed['units'] = [
  { id: 'u-ws', parentId: null, kind: 'workshop', name: '一车间', sortOrder: 0, retiredAt: null, workerCount: 2 },
  { id: 'u-tm', parentId: 'u-ws', kind: 'team', name: '甲班', sortOrder: 0, retiredAt: null, workerCount: 1 },
];

export interface HazardState {
  hazards: HazardDetail[];
  views: SavedView[];
  draft: { data: unknown; savedAt: string } | null;
  uploads: { fileName: string; id: string }[];
  /** like the real listHazards: more matching hazards than this are reported as `total: countCap, totalCapped: true` */
  countCap?: number;
}

const OPEN = ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted'];

/** A signed-in admin FakeBackend that also answers the hazard, attachment, view and draft channels from `state`. */
export function hazardBackend(init: Partial<HazardState> = {}, seed: FakeSeed = {}): { be: FakeBackend; state: HazardState } {
  const be = signedInBackend({ workers: hazardWorkers(), units: hazardUnits, ...seed });
  const state: HazardState = { hazards: init.hazards ?? [], views: init.views ?? [], draft: init.draft ?? null, uploads: [], countCap: init.countCap };
  let seq = 100;
  const find = (id: string) => {
    const h = state.hazards.find((x) => x.id === id);
    if (!h) throw new FakeError('NOT_FOUND', '找不到该隐患');
    return h;
  };
  const event = (h: HazardDetail, action: string, toStatus: HazardDetail['status'], comment: string | null = null) => {
    h.events.push({ seq: h.events.length + 1, at: '2026-05-01T10:00:00.000+08:00', actorName: '王主席', action, fromStatus: h.status, toStatus, comment });
    h.status = toStatus;
  };
  const file = (fileName: string, mime: string) => fakeFile(fileName, mime);

  be.on('hazards.list', (q) => {
    let rows = state.hazards.filter((h) => (q.status === 'all' ? true : q.status === 'open' ? OPEN.includes(h.status) : h.status === q.status));
    if (q.grade) rows = rows.filter((h) => h.grade === q.grade);
    if (q.risk) rows = rows.filter((h) => h.risk === q.risk);
    if (q.overdue) rows = rows.filter((h) => h.overdue);
    if (q.search) rows = rows.filter((h) => [h.serial, h.description, h.place].some((v) => v?.includes(q.search)));
    const start = (q.page - 1) * q.pageSize;
    const page = { rows: rows.slice(start, start + q.pageSize).map(toRow), total: rows.length, page: q.page, pageSize: q.pageSize };
    const cap = state.countCap;
    return cap !== undefined && rows.length > cap ? { ...page, total: cap, totalCapped: true } : page;
  });
  be.on('hazards.get', (i) => find(i.id));
  be.on('hazards.report', (d) => {
    seq += 1;
    const h = makeHazard({
      id: `h-${seq}`,
      serial: `YH-2026-0${seq}`,
      description: d.description,
      foundAt: d.foundAt,
      category1: d.category1,
      category2: d.category2,
      orgUnitId: d.orgUnitId,
      photos: d.photoIds.map((id) => ({ ...attachment(id, `${id}.png`), phase: 'before' as const })),
    });
    state.hazards.push(h);
    return h;
  });
  be.on('hazards.confirm', (i) => {
    const h = find(i.id);
    h.grade = i.grade;
    h.lec = i.lec;
    h.riskD = lecScore(i.lec.l, i.lec.e, i.lec.c);
    h.risk = riskColor(h.riskD);
    event(h, 'confirm', 'confirmed', i.comment);
    h.allowedActions = ['assign', 'cancel'];
    return h;
  });
  be.on('hazards.assign', (i) => {
    const h = find(i.id);
    if (h.grade === 'major' && !i.governancePlan) throw new FakeError('VALIDATION', '重大隐患须填写完整的治理方案', { issues: [{ path: 'governancePlan', message: 'v.governance' }] });
    Object.assign(h, {
      responsibleId: i.responsibleId,
      responsibleName: i.responsibleId === 'w-zhao' ? '赵工' : '王主席',
      measures: i.measures,
      plannedFunds: i.plannedFunds,
      deadline: i.deadline,
      emergencyPlan: i.emergencyPlan,
      governancePlan: i.governancePlan,
      allowedActions: ['assign', 'start', 'cancel'],
    });
    event(h, 'assign', 'assigned', i.comment);
    return h;
  });
  be.on('hazards.submit', (i) => {
    const h = find(i.id);
    Object.assign(h, { actualFunds: i.actualFunds, rectificationNote: i.rectificationNote, allowedActions: ['accept', 'reject'] });
    event(h, 'submit', 'submitted', i.comment);
    return h;
  });
  be.on('hazards.reject', (i) => {
    const h = find(i.id);
    event(h, 'reject', 'rectifying', i.reason);
    h.allowedActions = ['submit', 'cancel'];
    return h;
  });
  be.on('hazards.accept', (i) => {
    const h = find(i.id);
    event(h, 'accept', 'closed', i.comment);
    h.allowedActions = [];
    return h;
  });
  be.on('hazards.start', (i) => {
    const h = find(i.id);
    event(h, 'start', 'rectifying', i.comment);
    h.allowedActions = ['submit', 'cancel'];
    return h;
  });
  be.on('hazards.cancel', (i) => {
    const h = find(i.id);
    // as the real service (electron/core/services/hazards.ts): the schema lets duplicateOf be empty, the service does not
    if (i.kind === 'duplicate' && !i.duplicateOf) throw new FakeError('VALIDATION', '请选择重复的隐患', { issues: [{ path: 'duplicateOf', message: 'v.required' }] });
    if (i.duplicateOf) find(i.duplicateOf);
    Object.assign(h, { cancelKind: i.kind, cancelReason: i.reason, allowedActions: [] });
    event(h, 'cancel', 'cancelled', i.reason);
    return h;
  });
  be.on('hazards.correct', (i) => {
    const h = find(i.id);
    if (i.changes.description) h.description = i.changes.description;
    if (i.changes.place !== undefined) h.place = i.changes.place;
    h.events.push({ seq: h.events.length + 1, at: '2026-05-02T10:00:00.000+08:00', actorName: '王主席', action: 'correct', fromStatus: h.status, toStatus: h.status, comment: i.reason });
    return h;
  });
  be.on('hazards.link', (i) => {
    const h = find(i.id);
    const o = find(i.otherId);
    h.links.push({ id: o.id, serial: o.serial, description: o.description, status: o.status });
    return h;
  });
  be.on('hazards.unlink', (i) => {
    const h = find(i.id);
    h.links = h.links.filter((l) => l.id !== i.otherId);
    return h;
  });
  be.on('hazards.lecPreview', (i) => {
    const d = lecScore(i.l, i.e, i.c);
    return { d, risk: riskColor(d) };
  });
  be.on('hazards.noticePdf', (i) => file(`整改通知单-${find(i.id).serial}.pdf`, 'application/pdf'));
  be.on('hazards.acceptancePdf', (i) => file(`验收记录-${find(i.id).serial}.pdf`, 'application/pdf'));
  be.on('hazards.ledgerPdf', () => file('隐患台账.pdf', 'application/pdf'));
  const major = (h: HazardDetail) => {
    h.major ??= {
      reportedDate: null, reportBody: null, reportDocNo: null, reportSummary: null, supervised: false, supervisionBody: null, supervisionDocNo: null,
      supervisionDate: null, evaluationDate: null, evaluatorKind: null, evaluator: null, evaluationConclusion: null, evaluationPassed: null,
    };
    return h.major;
  };
  be.on('hazards.majorReport', (i) => {
    const h = find(i.id);
    Object.assign(major(h), { reportedDate: i.reportedDate, reportBody: i.body, reportDocNo: i.docNo, reportSummary: i.summary });
    h.events.push({ seq: h.events.length + 1, at: '2026-05-02T10:00:00.000+08:00', actorName: '王主席', action: 'majorReport', fromStatus: h.status, toStatus: h.status, comment: null });
    return h;
  });
  be.on('hazards.majorSupervise', (i) => {
    const h = find(i.id);
    Object.assign(major(h), { supervised: i.supervised, supervisionBody: i.body, supervisionDocNo: i.docNo, supervisionDate: i.date });
    return h;
  });
  be.on('hazards.majorEvaluate', (i) => {
    const h = find(i.id);
    Object.assign(major(h), { evaluationDate: i.date, evaluatorKind: i.kind, evaluator: i.evaluator, evaluationConclusion: i.conclusion, evaluationPassed: i.passed });
    return h;
  });
  be.on('hazards.exportLedger', () => file('隐患排查治理台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  be.on('attachments.upload', (i) => {
    seq += 1;
    const a = attachment(`att-${seq}`, i.fileName);
    state.uploads.push({ fileName: i.fileName, id: a.id });
    return a;
  });
  // a 1×1 PNG
  be.on('attachments.get', () => ({ fileName: 'x.png', mime: 'image/png', dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=' }));
  be.on('views.list', () => state.views);
  be.on('views.save', (i) => {
    seq += 1;
    const v: SavedView = { id: `v-${seq}`, name: i.name, query: i.query };
    state.views.push(v);
    return v;
  });
  be.on('views.remove', (i) => {
    state.views = state.views.filter((v) => v.id !== i.id);
    return { id: i.id };
  });
  be.on('drafts.get', () => (state.draft ? state.draft : { data: null, savedAt: null }));
  be.on('drafts.save', (i) => {
    state.draft = { data: i.data, savedAt: '2026-05-01T10:11:12.000+08:00' };
    return { savedAt: state.draft.savedAt };
  });
  be.on('drafts.clear', () => {
    const had = state.draft !== null;
    state.draft = null;
    return { cleared: had };
  });
  return { be, state };
}

// ---- DOM helpers ----

/** The form item (.ant-form-item) whose label text is exactly `labelText`. */
export function formItem(container: HTMLElement, labelText: string): HTMLElement {
  const labels = [...container.querySelectorAll('.ant-form-item-label label')].filter((l) => l.textContent?.trim() === labelText);
  if (labels.length !== 1) throw new Error(`${labels.length} form items labelled ${labelText}`);
  return labels[0]!.closest('.ant-form-item') as HTMLElement;
}
/** Error messages under the form item labelled `labelText`. */
export function errorsOf(container: HTMLElement, labelText: string): string[] {
  return [...formItem(container, labelText).querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent ?? '');
}
/**
 * Picks the option titled `title` from the antd Select whose combobox is `combo`. Its dropdown is found through
 * aria-controls when that id is unique; in tests rc-util gives every id-less Select the same id ("test-id"), so
 * then the last open dropdown offering that title is used.
 */
export async function pick(u: { click(el: Element): Promise<void> }, combo: HTMLElement, title: string) {
  await u.click(combo);
  const listId = combo.getAttribute('aria-controls');
  const unique = listId !== null && document.querySelectorAll(`[id="${listId}"]`).length === 1;
  const opt = await waitFor(() => {
    const scopes = unique
      ? [document.getElementById(listId)?.closest('.ant-select-dropdown')].filter((d): d is Element => !!d)
      : [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')];
    const el = scopes
      .flatMap((d) => [...d.querySelectorAll<HTMLElement>('.ant-select-item-option')])
      .filter((o) => o.getAttribute('title') === title)
      .at(-1);
    if (!el) throw new Error(`no option ${title} for ${listId ?? '?'}`);
    return el;
  });
  await u.click(opt);
}

/** Clicks through an antd Cascader / TreeSelect popup: the item whose title is `title`. */
export async function clickPopupItem(u: { click(el: Element): Promise<void> }, selector: string, title: string) {
  const el = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>(selector)].find((e) => e.getAttribute('title') === title);
    if (!found) throw new Error(`no ${selector} titled ${title}`);
    return found;
  });
  await u.click(el);
}

/** The input inside the form item labelled `labelText` (DatePicker, InputNumber, Select…). */
export function inputIn(container: HTMLElement, labelText: string): HTMLInputElement {
  const el = formItem(container, labelText).querySelector<HTMLInputElement>('input');
  if (!el) throw new Error(`no input in ${labelText}`);
  return el;
}
