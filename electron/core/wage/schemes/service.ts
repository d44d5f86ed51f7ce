// The scheme versions and their lifecycle (shared/wage/scheme.ts): a draft made from catalogue codes or as a copy, edited
// while a draft, put to an agenda item of a congress session that is not closed (its text attached to the item as a
// material while the session prepares its papers), decided by the item's announced vote (the verdict the congress rules
// gave: more than half of all representatives) or by an adoption recorded elsewhere with its document number, made
// effective from a date (superseding the version in effect from that date), superseded. Every step: refusal() with the
// facts read from the store → one transaction → read before → change → read after → audit. A refusal writes nothing.
import type { Operator } from '../../../../shared/operators/types';
import type { FileRef } from '../../../../shared/files';
import { term } from '../../../../shared/glossary';
import { localToday } from '../../../../shared/kernel/schemas';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import { periodDays } from '../../../../shared/wage/records/schemas';
import { refusal, WAGE_RUNNERS, type SchemeAction, type SchemeFacts, type SchemeState } from '../../../../shared/wage/scheme';
import { itemTakesScheme } from '../../../../shared/wage/schemes/agenda';
import { draftContent } from '../../../../shared/wage/schemes/draft';
import { refusalDetails, REFUSAL_ERRORS } from '../../../../shared/wage/schemes/refusals';
import type { SchemeActionInput, SchemeCorrectDatesInput, SchemeCreateInput, SchemeUpdateInput } from '../../../../shared/wage/schemes/schemas';
import type { SchemeAgendaChoice, SchemeContent, SchemeVersion } from '../../../../shared/wage/schemes/types';
import { uploadDocument } from '../../attachments/service';
import { writeAudit, type Actor } from '../../audit';
import { chainHead } from '../../auditChain';
import { addMaterial, removeMaterial, updateItem } from '../../congress/sessions/sessions';
import type { Store } from '../../db/store';
import { getEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { PDF_MIME } from '../../kernel/mime';
import { nowIso, uuidv7 } from '../../util';
import { assertRunner, catalogueByCodes } from './catalogue';

const sessionLabelCn = (termNumber: number, seq: number) => term('congress.session.title', 'zh-CN', { term: termNumber, seq });

interface SchemeRow {
  id: string;
  name: string;
  version: number;
  state: SchemeState;
  content: string;
  based_on_id: string | null;
  note: string | null;
  agenda_item_id: string | null;
  material_id: string | null;
  vote_id: string | null;
  verdict: 'passed' | 'failed' | null;
  adoption_doc_no: string | null;
  adoption_date: string | null;
  adopted_on: string | null;
  effective_from: string | null;
  superseded_on: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  session_id: string | null;
  session_seq: number | null;
  term_number: number | null;
}

const SELECT = `
  SELECT s.*, i.session_id, cs.seq AS session_seq, t.number AS term_number
  FROM wage_schemes s
  LEFT JOIN congress_agenda_items i ON i.id = s.agenda_item_id
  LEFT JOIN congress_sessions cs ON cs.id = i.session_id
  LEFT JOIN congress_terms t ON t.id = cs.term_id`;

const toVersion = (r: SchemeRow): SchemeVersion => ({
  id: r.id,
  name: r.name,
  version: r.version,
  state: r.state,
  content: JSON.parse(r.content) as SchemeContent,
  basedOnId: r.based_on_id,
  note: r.note,
  agendaItemId: r.agenda_item_id,
  sessionId: r.session_id,
  sessionLabel: r.term_number !== null && r.session_seq !== null ? sessionLabelCn(r.term_number, r.session_seq) : null,
  sessionNo: r.term_number !== null && r.session_seq !== null ? { term: r.term_number, seq: r.session_seq } : null,
  voteId: r.vote_id,
  verdict: r.verdict,
  adoption: r.adoption_doc_no !== null && r.adoption_date !== null ? { docNo: r.adoption_doc_no, date: r.adoption_date } : null,
  adoptedOn: r.adopted_on,
  effectiveFrom: r.effective_from,
  supersededOn: r.superseded_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every version (deleted drafts aside), newest first. */
export function listSchemes(store: Store): SchemeVersion[] {
  return store.all<SchemeRow>(`${SELECT} WHERE s.deleted_at IS NULL ORDER BY s.version DESC`).map(toVersion);
}

function row(store: Store, id: string): SchemeRow {
  const r = store.get<SchemeRow>(`${SELECT} WHERE s.id = ? AND s.deleted_at IS NULL`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.wage.schemeNotFound', { id });
  return r;
}

export function getScheme(store: Store, id: string): SchemeVersion {
  return toVersion(row(store, id));
}

/** Throws the lifecycle's refusal (shared/wage/scheme.ts) for this version, operator and facts. */
function assertAllowed(op: Operator, state: SchemeState, action: SchemeAction, facts: SchemeFacts = {}, params: Record<string, unknown> = {}): void {
  const r = refusal(state, action, holdsAnyRole(op, WAGE_RUNNERS), facts);
  if (r) throw new AppError(REFUSAL_ERRORS[r].code, r, refusalDetails(r, { state, ...params }));
}

function insertDraft(store: Store, actor: Actor, d: { name: string; note: string | null; content: SchemeContent; basedOnId: string | null }): string {
  const id = uuidv7();
  const now = nowIso();
  const version = store.get<{ n: number }>(`SELECT coalesce(max(version), 0) + 1 AS n FROM wage_schemes`)!.n;
  store.run(
    `INSERT INTO wage_schemes (id, name, version, state, content, based_on_id, note, created_by_name, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?)`,
    [id, d.name, version, JSON.stringify(d.content), d.basedOnId, d.note, actor.name, now, now],
  );
  return id;
}

function copyScheme(store: Store, op: Operator, actor: Actor, sourceId: string, name: string | null, note: string | null): SchemeVersion {
  return store.tx(() => {
    const from = getScheme(store, sourceId);
    assertAllowed(op, from.state, 'copy');
    const id = insertDraft(store, actor, { name: name ?? from.name, note, content: from.content, basedOnId: from.id });
    const after = getScheme(store, id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'copy', after: { ...after, copiedFrom: { id: from.id, version: from.version } } });
    return after;
  });
}

/** A new draft: from catalogue codes (their rules, weights scaled to 100) or a copy of any version. */
export function createScheme(store: Store, op: Operator, actor: Actor, d: SchemeCreateInput): SchemeVersion {
  if ('copyOf' in d) return copyScheme(store, op, actor, d.copyOf, d.name, d.note);
  assertRunner(op);
  return store.tx(() => {
    const content = draftContent(catalogueByCodes(store, d.codes));
    const id = insertDraft(store, actor, { name: d.name, note: d.note, content, basedOnId: null });
    const after = getScheme(store, id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'create', after });
    return after;
  });
}

/** A draft's name, note and content (validated by the schema: weights 100, rules usable, codes unique). */
export function updateScheme(store: Store, op: Operator, actor: Actor, d: SchemeUpdateInput): SchemeVersion {
  return store.tx(() => {
    const before = getScheme(store, d.id);
    assertAllowed(op, before.state, 'edit');
    store.run(`UPDATE wage_schemes SET name = ?, note = ?, content = ?, updated_at = ? WHERE id = ?`, [d.name, d.note, JSON.stringify(d.content), nowIso(), d.id]);
    const after = getScheme(store, d.id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: d.id, action: 'update', before, after });
    return after;
  });
}

/** Deletes a draft (kept as deleted: wage.schemeRestore undoes it). */
export function deleteScheme(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  return store.tx(() => {
    const before = getScheme(store, id);
    assertAllowed(op, before.state, 'delete');
    const now = nowIso();
    store.run(`UPDATE wage_schemes SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'delete', before });
    return { deleted: true } as const;
  });
}

export function restoreScheme(store: Store, op: Operator, actor: Actor, id: string): SchemeVersion {
  assertRunner(op);
  return store.tx(() => {
    const r = store.get<{ deleted_at: string | null }>(`SELECT deleted_at FROM wage_schemes WHERE id = ?`, [id]);
    if (!r) throw new AppError('NOT_FOUND', 'err.wage.schemeNotFound', { id });
    if (r.deleted_at === null) throw new AppError('CONFLICT', 'err.wage.notDeleted');
    store.run(`UPDATE wage_schemes SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [nowIso(), id]);
    const after = getScheme(store, id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'restore', after });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The congress: agenda items, votes

interface ItemFacts {
  id: string;
  session_id: string;
  position: number;
  template_key: string | null;
  title: string;
  kind: 'report' | 'deliberate' | 'vote' | 'election';
  presenter: string | null;
  planned_minutes: number | null;
  session_status: 'preparing' | 'issued' | 'in_session' | 'closed';
  session_date: string;
  session_seq: number;
  term_number: number;
}

const ITEM_SELECT = `
  SELECT i.id, i.session_id, i.position, i.template_key, i.title, i.kind, i.presenter, i.planned_minutes,
         cs.status AS session_status, cs.date AS session_date, cs.seq AS session_seq, t.number AS term_number
  FROM congress_agenda_items i
  JOIN congress_sessions cs ON cs.id = i.session_id AND cs.deleted_at IS NULL
  JOIN congress_terms t ON t.id = cs.term_id
  WHERE i.deleted_at IS NULL`;

/** The latest announced vote on a motion of the item (an election's votes aside). */
function announcedVote(store: Store, itemId: string): { id: string; verdict: 'passed' | 'failed' | 'noQuorum' } | undefined {
  return store.get(
    `SELECT id, verdict FROM congress_votes
     WHERE item_id = ? AND status = 'announced' AND candidate IS NULL AND deleted_at IS NULL
     ORDER BY announced_at DESC, rid DESC LIMIT 1`,
    [itemId],
  );
}

function proposedOn(store: Store, itemId: string, exceptId: string | null): { id: string; name: string; version: number } | undefined {
  return store.get(`SELECT id, name, version FROM wage_schemes WHERE agenda_item_id = ? AND state = 'proposed' AND deleted_at IS NULL AND id <> ?`, [itemId, exceptId ?? '']);
}

/**
 * The agenda item a version may be put to: of a session preparing its papers (the scheme's text is attached to the item
 * as a material, and an item that is not a vote becomes one) or sitting (a vote item; not one whose papers are out and
 * the session not yet open), not an election, with no other version put to it and no vote announced yet.
 */
function itemForProposal(store: Store, schemeId: string, itemId: string): ItemFacts {
  const issue = { issues: [{ path: 'agendaItemId', message: 'v.invalid' }] };
  const item = store.get<ItemFacts>(`${ITEM_SELECT} AND i.id = ?`, [itemId]);
  if (!item) throw new AppError('NOT_FOUND', 'err.wage.agendaItemNotFound', { id: itemId, ...issue });
  if (item.session_status === 'closed') throw new AppError('CONFLICT', 'err.wage.sessionClosed', issue);
  if (item.kind === 'election') throw new AppError('VALIDATION', 'err.wage.itemElection', issue);
  if (!itemTakesScheme(item.template_key, item.kind)) throw new AppError('VALIDATION', 'err.wage.itemProcedural', { title: item.title, ...issue });
  const taken = proposedOn(store, itemId, schemeId);
  if (taken) throw new AppError('CONFLICT', 'err.wage.itemTaken', { name: taken.name, version: taken.version, ...issue });
  if (announcedVote(store, itemId)) throw new AppError('CONFLICT', 'err.wage.itemDecided', issue);
  // the scheme's text goes to the representatives with the papers. Papers already out (the session not yet open): the
  // chair withdraws them on the congress page, puts the scheme to the item and issues them again — refused with that
  // way out, rather than a vote on a text the representatives never received. A session sitting: the presidium may
  // still put it to a vote item on the floor (its text handed out there; the screen says so); no item becomes a vote.
  if (item.session_status === 'issued') throw new AppError('CONFLICT', 'err.wage.papersIssued', { term: item.term_number, seq: item.session_seq, ...issue });
  if (item.kind !== 'vote' && item.session_status !== 'preparing') throw new AppError('CONFLICT', 'err.wage.itemNotVote', issue);
  return item;
}

/**
 * The items of sessions not closed a version may be put to: the 能级工资 item (item 4 of the 5+X agenda) first, then the
 * vote and deliberation items (itemTakesScheme) — never a procedural item, a report or an election.
 */
export function agendaChoices(store: Store, schemeId: string | null): SchemeAgendaChoice[] {
  const items = store.all<ItemFacts>(`${ITEM_SELECT} AND cs.status <> 'closed' AND i.kind <> 'election' ORDER BY cs.date, cs.rid, i.position`);
  return items
    .filter((i) => itemTakesScheme(i.template_key, i.kind))
    .map((i) => ({
      itemId: i.id,
      sessionId: i.session_id,
      sessionLabel: sessionLabelCn(i.term_number, i.session_seq),
      sessionNo: { term: i.term_number, seq: i.session_seq },
      sessionDate: i.session_date,
      sessionStatus: i.session_status as SchemeAgendaChoice['sessionStatus'],
      position: i.position,
      title: i.title,
      templateKey: i.template_key,
      kind: i.kind as SchemeAgendaChoice['kind'],
      preferred: i.template_key === 'wage',
      takenBy: proposedOn(store, i.id, schemeId) ?? null,
      decided: announcedVote(store, i.id) !== undefined,
    }))
    .sort((a, b) => Number(b.preferred) - Number(a.preferred));
}

// ---------------------------------------------------------------------------------------------------------
// The lifecycle

/** The scheme's text as a PDF (pdfkit loads on the first document, not at start). */
async function renderPdf(ctx: Ctx, s: SchemeVersion): Promise<Buffer> {
  const { renderSchemePdf } = await import('./schemePdf');
  return renderSchemePdf(s, { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint });
}

export const schemeFileName = (s: Pick<SchemeVersion, 'name' | 'version'>) => `${s.name}（第${s.version}版）.pdf`;

/** wage.schemePdf: any version's text. */
export async function schemePdf(ctx: Ctx, id: string): Promise<FileRef> {
  const s = getScheme(ctx.store, id);
  return ctx.env.files.fromBuffer(schemeFileName(s), PDF_MIME, await renderPdf(ctx, s));
}

async function propose(ctx: Ctx, op: Operator, id: string, itemId: string): Promise<SchemeVersion> {
  const { store, actor } = ctx;
  // the refusals first (nothing rendered for a refused step), then the text as the papers will carry it
  const s = getScheme(store, id);
  assertAllowed(op, s.state, 'propose', { agendaItemId: itemId });
  const item = itemForProposal(store, id, itemId);
  const sessionLabel = sessionLabelCn(item.term_number, item.session_seq);
  const pdf = await renderPdf(ctx, { ...s, state: 'proposed', agendaItemId: itemId, sessionId: item.session_id, sessionLabel, sessionNo: { term: item.term_number, seq: item.session_seq } });
  return store.tx(() => {
    // checked again: another call may have changed things while the text was rendered
    const before = getScheme(store, id);
    assertAllowed(op, before.state, 'propose', { agendaItemId: itemId });
    if (before.updatedAt !== s.updatedAt) throw new AppError('CONFLICT', 'err.wage.schemeChanged');
    const it = itemForProposal(store, id, itemId);
    let materialId: string | null = null;
    if (it.session_status === 'preparing') {
      // the item becomes a vote, and the scheme's text one of its materials, through the congress services (audited there)
      if (it.kind !== 'vote') updateItem(store, op, actor, { id: it.id, title: it.title, kind: 'vote', presenter: it.presenter, plannedMinutes: it.planned_minutes });
      const att = uploadDocument(store, ctx.env.paths.attachments, actor, schemeFileName(before), pdf);
      const attached = store.get(`SELECT 1 FROM congress_item_materials WHERE item_id = ? AND attachment_id = ? AND deleted_at IS NULL`, [it.id, att.id]);
      if (!attached) addMaterial(store, op, actor, { itemId: it.id, attachmentId: att.id, title: `${before.name}（第${before.version}版）`.slice(0, 80) });
      materialId = att.id;
    }
    store.run(`UPDATE wage_schemes SET state = 'proposed', agenda_item_id = ?, material_id = ?, updated_at = ? WHERE id = ?`, [itemId, materialId, nowIso(), id]);
    const after = getScheme(store, id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'propose', before, after });
    return after;
  });
}

function withdraw(store: Store, op: Operator, actor: Actor, id: string): SchemeVersion {
  return store.tx(() => {
    const r = row(store, id);
    const before = toVersion(r);
    assertAllowed(op, before.state, 'withdraw');
    // the material comes off the item while the papers are still being prepared (issued papers stay as they went out)
    if (r.agenda_item_id && r.material_id) {
      const status = store.get<{ status: string }>(`SELECT cs.status FROM congress_agenda_items i JOIN congress_sessions cs ON cs.id = i.session_id WHERE i.id = ?`, [r.agenda_item_id])?.status;
      const live = store.get(`SELECT 1 FROM congress_item_materials WHERE item_id = ? AND attachment_id = ? AND deleted_at IS NULL`, [r.agenda_item_id, r.material_id]);
      if (status === 'preparing' && live) removeMaterial(store, op, actor, r.agenda_item_id, r.material_id);
    }
    store.run(`UPDATE wage_schemes SET state = 'draft', agenda_item_id = NULL, material_id = NULL, updated_at = ? WHERE id = ?`, [nowIso(), id]);
    const after = getScheme(store, id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'withdraw', before, after });
    return after;
  });
}

/** The verdict of the item's announced vote: passed → adopted on the session's date; failed → rejected; else refused. */
function recordVote(store: Store, op: Operator, actor: Actor, id: string): SchemeVersion {
  return store.tx(() => {
    const before = getScheme(store, id);
    const vote = before.agendaItemId ? announcedVote(store, before.agendaItemId) : undefined;
    assertAllowed(op, before.state, 'recordVote', { verdict: vote?.verdict ?? null });
    const passed = vote!.verdict === 'passed';
    const date = store.get<{ date: string }>(`SELECT cs.date FROM congress_agenda_items i JOIN congress_sessions cs ON cs.id = i.session_id WHERE i.id = ?`, [before.agendaItemId])!.date;
    store.run(`UPDATE wage_schemes SET state = ?, vote_id = ?, verdict = ?, adopted_on = ?, updated_at = ? WHERE id = ?`, [
      passed ? 'adopted' : 'rejected',
      vote!.id,
      vote!.verdict,
      passed ? date : null,
      nowIso(),
      id,
    ]);
    const after = getScheme(store, id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'record_vote', before, after });
    return after;
  });
}

function adoptElsewhere(store: Store, op: Operator, actor: Actor, id: string, docNo: string, date: string): SchemeVersion {
  return store.tx(() => {
    const before = getScheme(store, id);
    assertAllowed(op, before.state, 'adoptElsewhere', { adoption: { docNo, date } });
    if (date > localToday()) throw new AppError('VALIDATION', 'err.wage.adoptionInFuture', { issues: [{ path: 'date', message: 'v.futureDate' }] });
    store.run(`UPDATE wage_schemes SET state = 'adopted', adoption_doc_no = ?, adoption_date = ?, adopted_on = ?, updated_at = ? WHERE id = ?`, [docNo, date, date, nowIso(), id]);
    const after = getScheme(store, id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'adopt_elsewhere', before, after });
    return after;
  });
}

/** In effect from a date (not before its adoption); the version in effect until then is superseded from that date. */
function makeEffective(store: Store, op: Operator, actor: Actor, id: string, from: string): SchemeVersion {
  return store.tx(() => {
    const before = getScheme(store, id);
    assertAllowed(op, before.state, 'makeEffective', { effectiveFrom: from, adoptedOn: before.adoptedOn }, { adoptedOn: before.adoptedOn ?? '' });
    // no overlap with the past: a version ended (superseded with no successor) covered the days before its end
    const lastEnd = store.get<{ d: string | null }>(`SELECT max(superseded_on) AS d FROM wage_schemes WHERE state = 'superseded' AND deleted_at IS NULL`)!.d;
    if (lastEnd && from < lastEnd) throw new AppError('VALIDATION', 'err.wage.effectiveOverlaps', { date: lastEnd, issues: [{ path: 'effectiveFrom', message: 'v.invalid' }] });
    const current = store.get<SchemeRow>(`${SELECT} WHERE s.state = 'effective' AND s.deleted_at IS NULL`);
    const now = nowIso();
    if (current) {
      if (from <= current.effective_from!) {
        throw new AppError('VALIDATION', 'err.wage.effectiveBeforePrevious', { date: current.effective_from, issues: [{ path: 'effectiveFrom', message: 'v.invalid' }] });
      }
      const prev = toVersion(current);
      store.run(`UPDATE wage_schemes SET state = 'superseded', superseded_on = ?, updated_at = ? WHERE id = ?`, [from, now, current.id]);
      writeAudit(store, actor, { entity: 'wage_scheme', entityId: current.id, action: 'supersede', before: prev, after: getScheme(store, current.id), reason: `v${before.version}` });
    }
    store.run(`UPDATE wage_schemes SET state = 'effective', effective_from = ?, updated_at = ? WHERE id = ?`, [from, now, id]);
    const after = getScheme(store, id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'make_effective', before, after });
    return after;
  });
}

/** Ends the version in effect from a date, with no successor (a successor made effective does this itself). */
function supersede(store: Store, op: Operator, actor: Actor, id: string, on: string): SchemeVersion {
  return store.tx(() => {
    const before = getScheme(store, id);
    assertAllowed(op, before.state, 'supersede');
    if (on <= before.effectiveFrom!) throw new AppError('VALIDATION', 'err.wage.supersedeBeforeEffective', { date: before.effectiveFrom, issues: [{ path: 'on', message: 'v.invalid' }] });
    store.run(`UPDATE wage_schemes SET state = 'superseded', superseded_on = ?, updated_at = ? WHERE id = ?`, [on, nowIso(), id]);
    const after = getScheme(store, id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: id, action: 'supersede', before, after });
    return after;
  });
}

/** The first approved run that used a version (its dates are then a record), or null. */
function approvedRunOf(store: Store, schemeId: string): string | null {
  return store.get<{ period: string }>(`SELECT period FROM wage_runs WHERE scheme_id = ? AND state = 'approved' ORDER BY period LIMIT 1`, [schemeId])?.period ?? null;
}

/**
 * A wrong date put right (wage.schemeCorrectDates): the date of an adoption recorded elsewhere (a vote's is its session's
 * date) and the effective-from date of a version in effect or ended — with a reason, audited — while no approved run used
 * it. The version it followed (ended the day this one began) ends on the new date too, unless an approved run of a month
 * that would change hands used it. The versions' periods never overlap; the effective date never precedes the adoption.
 */
export function correctDates(store: Store, op: Operator, actor: Actor, d: SchemeCorrectDatesInput): SchemeVersion {
  return store.tx(() => {
    const before = getScheme(store, d.id);
    const used = approvedRunOf(store, d.id);
    assertAllowed(op, before.state, 'correctDates', { reason: d.reason, approvedRunPeriod: used }, { period: used ?? '' });
    const issue = (path: string) => ({ issues: [{ path, message: 'v.invalid' }] });
    let adoptedOn = before.adoptedOn!;
    if (d.adoptionDate !== undefined) {
      if (!before.adoption) throw new AppError('VALIDATION', 'err.wage.adoptedByVote', { date: before.adoptedOn, ...issue('adoptionDate') });
      if (d.adoptionDate > localToday()) throw new AppError('VALIDATION', 'err.wage.adoptionInFuture', issue('adoptionDate'));
      adoptedOn = d.adoptionDate;
    }
    let effectiveFrom = before.effectiveFrom;
    if (d.effectiveFrom !== undefined) {
      if (before.effectiveFrom === null) throw new AppError('VALIDATION', 'err.wage.notYetEffective', issue('effectiveFrom'));
      effectiveFrom = d.effectiveFrom;
    }
    if (adoptedOn === before.adoptedOn && effectiveFrom === before.effectiveFrom) throw new AppError('VALIDATION', 'err.wage.nothingToCorrect', issue(d.effectiveFrom !== undefined ? 'effectiveFrom' : 'adoptionDate'));
    if (effectiveFrom !== null && effectiveFrom < adoptedOn) {
      throw new AppError('VALIDATION', 'wage.scheme.effectiveBeforeAdoption', { adoptedOn, ...issue(d.effectiveFrom !== undefined ? 'effectiveFrom' : 'adoptionDate') });
    }
    const now = nowIso();
    if (effectiveFrom !== null && effectiveFrom !== before.effectiveFrom) {
      if (before.supersededOn && effectiveFrom >= before.supersededOn) throw new AppError('VALIDATION', 'err.wage.effectiveAfterEnd', { date: before.supersededOn, ...issue('effectiveFrom') });
      // the version it followed ended the day this one began: it ends on the new day
      const prev = store.get<SchemeRow>(`${SELECT} WHERE s.state = 'superseded' AND s.superseded_on = ? AND s.id <> ? AND s.deleted_at IS NULL`, [before.effectiveFrom, d.id]);
      if (prev) {
        if (effectiveFrom <= prev.effective_from!) throw new AppError('VALIDATION', 'err.wage.effectiveBeforePrevious', { date: prev.effective_from, ...issue('effectiveFrom') });
        // a month the earlier version paid in an approved run stays its own (the run used the version in force on its first day)
        const lost = store.get<{ period: string }>(`SELECT period FROM wage_runs WHERE scheme_id = ? AND state = 'approved' AND period || '-01' >= ? ORDER BY period LIMIT 1`, [prev.id, effectiveFrom]);
        if (lost) throw new AppError('CONFLICT', 'wage.scheme.usedByApprovedRun', { period: lost.period, ...issue('effectiveFrom') });
        const prevBefore = toVersion(prev);
        store.run(`UPDATE wage_schemes SET superseded_on = ?, updated_at = ? WHERE id = ?`, [effectiveFrom, now, prev.id]);
        writeAudit(store, actor, { entity: 'wage_scheme', entityId: prev.id, action: 'correct_dates', before: prevBefore, after: getScheme(store, prev.id), reason: `v${before.version}: ${d.reason.trim()}` });
      }
      // no overlap with any other version's period
      const end = before.supersededOn ?? '9999-12-31';
      const clash = store.get<{ effective_from: string; superseded_on: string | null }>(
        `SELECT effective_from, superseded_on FROM wage_schemes
         WHERE id <> ? AND deleted_at IS NULL AND state IN ('effective', 'superseded') AND effective_from IS NOT NULL
           AND effective_from < ? AND coalesce(superseded_on, '9999-12-31') > ?
         ORDER BY effective_from DESC LIMIT 1`,
        [d.id, end, effectiveFrom],
      );
      if (clash) {
        throw clash.superseded_on
          ? new AppError('VALIDATION', 'err.wage.effectiveOverlaps', { date: clash.superseded_on, ...issue('effectiveFrom') })
          : new AppError('VALIDATION', 'err.wage.effectiveBeforePrevious', { date: clash.effective_from, ...issue('effectiveFrom') });
      }
    }
    store.run(`UPDATE wage_schemes SET adoption_date = ?, adopted_on = ?, effective_from = ?, updated_at = ? WHERE id = ?`, [
      before.adoption ? adoptedOn : null,
      adoptedOn,
      effectiveFrom,
      now,
      d.id,
    ]);
    const after = getScheme(store, d.id);
    writeAudit(store, actor, { entity: 'wage_scheme', entityId: d.id, action: 'correct_dates', before, after, reason: d.reason.trim() });
    return after;
  });
}

export async function schemeAction(ctx: Ctx, op: Operator, d: SchemeActionInput): Promise<SchemeVersion> {
  const { store, actor } = ctx;
  switch (d.action) {
    case 'propose':
      return propose(ctx, op, d.id, d.agendaItemId);
    case 'withdraw':
      return withdraw(store, op, actor, d.id);
    case 'recordVote':
      return recordVote(store, op, actor, d.id);
    case 'adoptElsewhere':
      return adoptElsewhere(store, op, actor, d.id, d.docNo, d.date);
    case 'makeEffective':
      return makeEffective(store, op, actor, d.id, d.effectiveFrom);
    case 'supersede':
      return supersede(store, op, actor, d.id, d.on);
    case 'copy':
      return copyScheme(store, op, actor, d.id, d.name, null);
  }
}

// ---------------------------------------------------------------------------------------------------------
// For the runs and the what-if

/**
 * The version a month's run uses. THE RULE: the version in force on the period's first day — effective_from on or
 * before it and not superseded on or before it; when none is in force on the first day (the first scheme takes effect
 * later in the month), the version that takes effect earliest within the month. So a version made effective mid-month
 * applies from the next month, unless nothing applied before it. Dates decide, not states: a version superseded later
 * still answers for the months before. Null when no adopted version covers any day of the month.
 */
export function effectiveSchemeFor(store: Store, period: string): SchemeVersion | null {
  const { from, to } = periodDays(period);
  const live = `s.deleted_at IS NULL AND s.state IN ('effective', 'superseded') AND s.effective_from IS NOT NULL`;
  const onFirst = store.get<SchemeRow>(
    `${SELECT} WHERE ${live} AND s.effective_from <= ? AND (s.superseded_on IS NULL OR s.superseded_on > ?) ORDER BY s.effective_from DESC, s.version DESC LIMIT 1`,
    [from, from],
  );
  if (onFirst) return toVersion(onFirst);
  const within = store.get<SchemeRow>(`${SELECT} WHERE ${live} AND s.effective_from BETWEEN ? AND ? ORDER BY s.effective_from, s.version LIMIT 1`, [from, to]);
  return within ? toVersion(within) : null;
}
