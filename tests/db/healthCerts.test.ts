// Special-operation certificates (issue 10, area CERTS) through the real dispatch: several per worker, the state on the
// day (window / overdue / expired), due lists by workshop and team, a review moving the dates, soft delete with undo,
// who may write, every refusal leaving the tables unchanged; the roster's own certificate columns feed the table, and
// the roster highlights and filters by the worker's worst certificate; the year facts; the migration's data step.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { migrate } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/store';
import { certificateFacts } from '../../electron/core/health/certs/facts';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import type { ChannelInput } from '../../shared/contract';
import { addYears } from '../../shared/health/certs/rules';
import { addDays } from '../../shared/roster/certs';
import { type Call, caller, openTestCore, refusal, say, type TestCore, tmpDir } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const today = todayLocal();
const day = (n: number) => addDays(today, n);

function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(['health_certificates', 'workers', 'audit_log'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const ws2 = await admin('org.create', { kind: 'workshop', parentId: null, name: '仓储车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: team.id, ...extra });
  const a = await w('W001', '张电工');
  const b = await w('W002', '李焊工', { orgUnitId: ws2.id });
  const cert = (extra: Partial<ChannelInput<'health.certCreate'>> = {}) =>
    admin('health.certCreate', { workerId: a.id, category: 'electrician', certNo: 'T1', expiryDate: day(1000), ...extra } as ChannelInput<'health.certCreate'>);
  return { admin, ws, ws2, team, w, a, b, cert };
}

describe('certificates', () => {
  it('several per worker, each in its state on the day; due first; counts; filters by state, workshop, team, category, search', async () => {
    const { admin, ws, ws2, team, a, b, cert } = await world();
    // issued 3 years ago less 10 days: the review is due in 10 days (the window is open)
    const win = await cert({ certNo: 'T-WIN', issueDate: addYears(day(10), -3) });
    const cur = await cert({ certNo: 'T-CUR', category: 'height', issueDate: day(-100) });
    const over = await cert({ workerId: b.id, category: 'welding', certNo: 'T-OVER', issueDate: addYears(day(-1), -3) });
    const exp = await cert({ workerId: b.id, category: null, typeText: '叉车司机', certNo: 'T-EXP', expiryDate: day(-1) });
    expect([win.status, cur.status, over.status, exp.status]).toEqual(['window', 'current', 'overdue', 'expired']);
    expect(win).toMatchObject({ empNo: 'W001', name: '张电工', workshopName: '合成车间', teamName: '甲班', nextReviewDate: day(10), dueDate: day(10), source: 'manual' });
    expect(exp).toMatchObject({ nextReviewDate: null, dueDate: day(-1), typeText: '叉车司机', category: null });

    const all = await admin('health.certs', {});
    expect(all.rows.map((r) => r.certNo)).toEqual(['T-EXP', 'T-OVER', 'T-WIN', 'T-CUR']);
    expect(all.counts).toEqual({ current: 1, window: 1, overdue: 1, expired: 1 });
    const nos = async (q: ChannelInput<'health.certs'>) => (await admin('health.certs', q)).rows.map((r) => r.certNo);
    expect(await nos({ status: 'due' })).toEqual(['T-EXP', 'T-OVER', 'T-WIN']);
    expect(await nos({ status: 'window' })).toEqual(['T-WIN']);
    expect(await nos({ status: 'overdue' })).toEqual(['T-OVER']);
    expect(await nos({ status: 'expired' })).toEqual(['T-EXP']);
    expect(await nos({ status: 'current' })).toEqual(['T-CUR']);
    expect(await nos({ workshopId: ws.id })).toEqual(['T-WIN', 'T-CUR']);
    expect(await nos({ workshopId: ws2.id, status: 'due' })).toEqual(['T-EXP', 'T-OVER']);
    expect(await nos({ teamId: team.id, status: 'due' })).toEqual(['T-WIN']);
    expect(await nos({ category: 'welding' })).toEqual(['T-OVER']);
    expect(await nos({ search: '李焊' })).toEqual(['T-EXP', 'T-OVER']);
    expect(await nos({ search: 't-cur' })).toEqual(['T-CUR']);
    expect(await nos({ workerId: a.id })).toEqual(['T-WIN', 'T-CUR']);
    // the counts follow the unit filter, not the state filter
    expect((await admin('health.certs', { workshopId: ws2.id, status: 'expired' })).counts).toEqual({ current: 0, window: 0, overdue: 1, expired: 1 });
    const page = await admin('health.certs', { pageSize: 2, page: 2 });
    expect([page.total, page.rows.map((r) => r.certNo)]).toEqual([4, ['T-WIN', 'T-CUR']]);
    // a worker who left drops out of the lists
    await admin('workers.update', { id: b.id, data: { empNo: 'W002', name: '李焊工', gender: 'M', orgUnitId: ws2.id, status: 'left' } as never });
    expect(await nos({})).toEqual(['T-WIN', 'T-CUR']);
  });

  it('the next review is never later than the expiry: the renewal shows instead, and the state counts to that date', async () => {
    const { cert, admin } = await world();
    // issued 3 years ago less 20 days, valid for 49 more days: the review (in 20 days) comes first
    const rev = await cert({ certNo: 'T-REV', issueDate: addYears(day(20), -3), expiryDate: day(49) });
    expect(rev).toMatchObject({ nextReviewDate: day(20), dueDate: day(20), dueKind: 'review', status: 'window' });
    // the review cycle ends after the expiry (in 49 days): the renewal at the expiry is due, not a review
    const ren = await cert({ certNo: 'T-REN', issueDate: addYears(day(150), -3), expiryDate: day(49) });
    expect(ren).toMatchObject({ nextReviewDate: null, dueDate: day(49), dueKind: 'renewal', status: 'window' });
    // on the same day: the renewal
    const tie = await cert({ certNo: 'T-TIE', issueDate: addYears(day(30), -3), expiryDate: day(30) });
    expect(tie).toMatchObject({ nextReviewDate: null, dueDate: day(30), dueKind: 'renewal' });
    // a review held today with the expiry in 134 days: the next cycle (3 years on) would end after it
    const held = await admin('health.certReview', { id: rev.id, reviewDate: day(0), expiryDate: day(134) });
    expect(held).toMatchObject({ lastReviewDate: day(0), nextReviewDate: null, dueDate: day(134), dueKind: 'renewal', status: 'current' });
    const listed = (await admin('health.certs', { status: null })).rows.find((r) => r.certNo === 'T-REN')!;
    expect(listed).toMatchObject({ nextReviewDate: null, dueKind: 'renewal', dueDate: day(49) });
  });

  it('a review moves the dates; a renewal brings a new expiry; a 6-year cycle needs its approval', async () => {
    const { admin, cert } = await world();
    const c = await cert({ issueDate: addYears(day(-5), -3), expiryDate: day(500) });
    expect(c.status).toBe('overdue');
    const r = await admin('health.certReview', { id: c.id, reviewDate: day(-2), note: '复审合格' });
    // the next cycle would end after the expiry (day 500): the renewal at the expiry comes first, and is what shows
    expect(r).toMatchObject({ lastReviewDate: day(-2), nextReviewDate: null, dueKind: 'renewal', status: 'current' });
    expect(r.note).toBe(`${day(-2)} 复审合格`);
    expect(r.dueDate).toBe(day(500));
    const six = await admin('health.certReview', { id: c.id, reviewDate: day(-1), expiryDate: addYears(day(-1), 6), reviewYears: 6, approvalNote: '连续10年无违章，经考核机关同意' });
    expect(six).toMatchObject({ reviewYears: 6, nextReviewDate: null, dueKind: 'renewal', expiryDate: addYears(day(-1), 6), dueDate: addYears(day(-1), 6) });
    const audit = tc!.core.store.db.prepare(`SELECT action FROM audit_log WHERE entity = 'health_certificate' AND entity_id = ? ORDER BY seq`).pluck().all(c.id);
    expect(audit).toEqual(['create', 'review', 'review']);

    const before = tables(tc!.core);
    const e1 = await refusal(admin('health.certReview', { id: c.id, reviewDate: day(-3) }));
    expect(e1).toMatchObject({ code: 'VALIDATION', message: 'err.health.cert.reviewBeforeLast' });
    expect(say(e1)).toContain(day(-1));
    const e2 = await refusal(admin('health.certReview', { id: c.id, reviewDate: day(1) }));
    expect(e2.details?.issues).toEqual([{ path: 'reviewDate', message: 'v.futureDate' }]);
    const e3 = await refusal(admin('health.certReview', { id: c.id, reviewDate: today, expiryDate: today }));
    expect(e3.details?.issues).toEqual([{ path: 'expiryDate', message: 'v.health.cert.expiryBeforeReview' }]);
    const e4 = await refusal(admin('health.certReview', { id: c.id, reviewDate: today, reviewYears: 6 } as never));
    expect(e4.code).toBe('VALIDATION');
    expect(tables(tc!.core)).toBe(before);
  });

  it('refusals: the category or a type, the approval, dates in order, a number once per worker, a worker on the roster — nothing written', async () => {
    const { admin, b, cert } = await world();
    const c = await cert();
    const before = tables(tc!.core);
    const issues = async (p: Promise<unknown>) => (await refusal(p)).details?.issues;
    expect(await issues(cert({ certNo: 'X', category: null }))).toEqual([{ path: 'category', message: 'v.health.cert.categoryOrType' }]);
    expect(await issues(cert({ certNo: 'X', reviewYears: 6 }))).toEqual([{ path: 'approvalNote', message: 'v.health.cert.approvalNote' }]);
    expect(await issues(cert({ certNo: 'X', issueDate: day(-10), lastReviewDate: day(-20) }))).toEqual([{ path: 'lastReviewDate', message: 'v.health.cert.reviewBeforeIssue' }]);
    expect(await issues(cert({ certNo: 'X', issueDate: day(-10), expiryDate: day(-10) }))).toEqual([{ path: 'expiryDate', message: 'v.health.cert.expiryBeforeIssue' }]);
    expect(await issues(cert({ certNo: 'X', issueDate: day(1) }))).toEqual([{ path: 'issueDate', message: 'v.futureDate' }]);
    expect(await issues(cert({ certNo: ' ' }))).toEqual([{ path: 'certNo', message: 'v.required' }]);
    expect(await issues(cert({ certNo: 'X', expiryDate: '2026-02-30' }))).toEqual([{ path: 'expiryDate', message: 'v.date' }]);
    const dup = await refusal(cert({ certNo: 'T1' }));
    expect(dup).toMatchObject({ code: 'CONFLICT', message: 'err.health.cert.numberTaken' });
    expect(say(dup)).toBe('张电工 已登记证号为 T1 的特种作业证');
    expect(await refusal(admin('health.certUpdate', { id: c.id, workerId: 'nobody', category: 'electrician', certNo: 'T1', expiryDate: day(9) } as never))).toMatchObject({ code: 'NOT_FOUND', message: 'err.worker.notFound' });
    expect(await refusal(cert({ certNo: 'X', scanId: 'no-such-file' }))).toMatchObject({ message: 'err.health.cert.scanNotFound' });
    expect(tables(tc!.core)).toBe(before);
    // the same number for another worker is fine
    await cert({ workerId: b.id, certNo: 'T1' });
  });

  it('the scan is an image or a PDF, by its content: a text file is refused on the scan with a clear message', async () => {
    const { admin, cert } = await world();
    const b64 = (s: string) => Buffer.from(s, 'latin1').toString('base64');
    const txt = await admin('attachments.uploadDocument', { fileName: '证书.txt', dataBase64: b64('not a scan\n') });
    const pdf = await admin('attachments.uploadDocument', {
      fileName: '证书.pdf',
      dataBase64: b64('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    });
    const before = tables(tc!.core);
    const e = await refusal(cert({ certNo: 'S1', scanId: txt.id }));
    expect(e).toMatchObject({ code: 'VALIDATION', message: 'err.health.cert.scanType' });
    expect(e.details?.issues).toEqual([{ path: 'scanId', message: 'v.health.cert.scanType' }]);
    expect(say(e)).toBe('“证书.txt”不是图片或 PDF：证书扫描件请选择 JPG、PNG、WebP 图片或 PDF 文件');
    expect(tables(tc!.core)).toBe(before);
    const c = await cert({ certNo: 'S1', scanId: pdf.id });
    expect(c).toMatchObject({ scanId: pdf.id, scanMime: 'application/pdf' });
    // an update to a text file is refused too
    const u = await refusal(admin('health.certUpdate', { id: c.id, workerId: c.workerId, category: 'electrician', certNo: 'S1', expiryDate: c.expiryDate, scanId: txt.id }));
    expect(u).toMatchObject({ message: 'err.health.cert.scanType' });
  });

  it('soft delete with undo; the recycle bin; an update is audited; only HEALTH_WRITERS write', async () => {
    const { admin, w, a, cert } = await world();
    const c = await cert();
    const up = await admin('health.certUpdate', { id: c.id, workerId: a.id, category: 'welding', certNo: 'T1-B', issueDate: day(-30), expiryDate: day(1500), note: '换证' });
    expect(up).toMatchObject({ category: 'welding', certNo: 'T1-B', nextReviewDate: addYears(day(-30), 3), note: '换证' });
    expect(await admin('health.certDelete', { id: c.id })).toEqual({ deleted: true });
    expect((await admin('health.certs', {})).total).toBe(0);
    expect((await admin('health.certs', { deleted: true })).rows.map((r) => r.id)).toEqual([c.id]);
    expect(await refusal(admin('health.certReview', { id: c.id, reviewDate: today }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.health.cert.notFound' });
    // the number is free while deleted; restoring refuses once it is taken again
    const again = await cert({ certNo: 'T1-B' });
    expect(await refusal(admin('health.certRestore', { id: c.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.health.cert.numberTaken' });
    await admin('health.certDelete', { id: again.id });
    expect((await admin('health.certRestore', { id: c.id })).deletedAt).toBeNull();
    expect((await admin('health.certs', {})).rows.map((r) => r.id)).toEqual([c.id]);

    const tl = await w('T001', '孙班长', { roles: ['team_leader'] });
    const oh = await w('O001', '钱卫生', { roles: ['oh_manager'] });
    const asTl = caller(tc!.core);
    await asTl.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: tl.id })).id });
    const asOh = caller(tc!.core);
    await asOh.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: oh.id })).id });
    const before = tables(tc!.core);
    for (const p of [
      asTl.call('health.certCreate', { workerId: a.id, category: 'electrician', certNo: 'Z', expiryDate: day(9) } as never),
      asTl.call('health.certUpdate', { id: c.id, workerId: a.id, category: 'electrician', certNo: 'Z', expiryDate: day(9) } as never),
      asTl.call('health.certReview', { id: c.id, reviewDate: today }),
      asTl.call('health.certDelete', { id: c.id }),
      asTl.call('health.certRestore', { id: c.id }),
    ]) {
      expect(await refusal(p)).toMatchObject({ code: 'FORBIDDEN', message: 'err.health.cert.writersOnly' });
    }
    expect(tables(tc!.core)).toBe(before);
    expect((await asTl.call('health.certs', {})).total).toBe(1);
    const mine = await asOh.call('health.certCreate', { workerId: a.id, category: 'height', certNo: 'Z', expiryDate: day(9) } as never);
    const last = tc!.core.store.db.prepare(`SELECT entity_id, action, actor_name FROM audit_log ORDER BY seq DESC LIMIT 1`).get();
    expect(last).toEqual({ entity_id: mine.id, action: 'create', actor_name: '钱卫生' });
  });
});

describe('the roster and the certificates', () => {
  it("the roster's certificate columns create and update the matching certificate; a new number replaces the roster's old one", async () => {
    const { admin, team, w } = await world();
    const x = await w('R001', '周电工', { certType: '低压电工作业', certNo: 'R-1', certExpiry: day(200) });
    const list = async () => (await admin('health.certs', { workerId: x.id })).rows;
    expect(await list()).toMatchObject([{ certNo: 'R-1', category: 'electrician', typeText: '低压电工作业', expiryDate: day(200), source: 'roster' }]);
    const data = { empNo: 'R001', name: '周电工', gender: 'M', orgUnitId: team.id, certType: '低压电工作业', certNo: 'R-1', certExpiry: day(300) } as const;
    await admin('workers.update', { id: x.id, data: data as never });
    expect(await list()).toMatchObject([{ certNo: 'R-1', expiryDate: day(300) }]);
    // a certificate entered by hand stays when the roster's number changes; the roster's own goes
    await admin('health.certCreate', { workerId: x.id, category: 'height', certNo: 'H-9', expiryDate: day(800) } as never);
    await admin('workers.update', { id: x.id, data: { ...data, certType: '叉车', certNo: 'R-2' } as never });
    expect((await list()).map((c) => [c.certNo, c.category, c.typeText])).toEqual([
      ['R-2', null, '叉车'],
      ['H-9', 'height', null],
    ]);
    // an edit of something else leaves the certificates alone (a deleted one does not come back)
    const r2 = (await list())[0]!;
    await admin('health.certDelete', { id: r2.id });
    await admin('workers.update', { id: x.id, data: { ...data, certType: '叉车', certNo: 'R-2', post: '电工' } as never });
    expect((await list()).map((c) => c.certNo)).toEqual(['H-9']);
    // a review recorded in the certificates moves the roster's own expiry with it
    const h = await admin('health.certCreate', { workerId: x.id, category: 'electrician', certNo: 'R-2', issueDate: day(-10), expiryDate: day(100) } as never);
    await admin('health.certReview', { id: h.id, reviewDate: today, expiryDate: day(2000) });
    expect((await admin('workers.get', { id: x.id })).certExpiry).toBe(day(2000));
  });

  it('a roster import writes the roster columns and upserts the certificates (source import); importing again updates them', async () => {
    tc = await openTestCore();
    const file = (rows: string[]) => Buffer.from(['工号,姓名,性别,车间,特种作业类型,特种作业操作证号,有效期至', ...rows].join('\n')).toString('base64');
    const run = async (rows: string[]) => {
      const p = await tc!.call('roster.importPreview', { fileName: 'r.csv', dataBase64: file(rows) });
      return tc!.call('roster.importCommit', { importId: p.importId });
    };
    await run([`I001,赵焊,男,一车间,熔化焊接与热切割作业,HJ-01,${day(40)}`, 'I002,钱无证,男,一车间,,,']);
    const certs = async () => (await tc!.call('health.certs', {})).rows.map((c) => [c.empNo, c.certNo, c.category, c.expiryDate, c.source, c.status]);
    expect(await certs()).toEqual([['I001', 'HJ-01', 'welding', day(40), 'import', 'window']]);
    await run([`I001,赵焊,男,一车间,熔化焊接与热切割作业,HJ-01,${day(400)}`]);
    expect(await certs()).toEqual([['I001', 'HJ-01', 'welding', day(400), 'import', 'current']]);
    const w = (await tc!.call('workers.list', { search: 'I001' })).rows[0]!;
    expect((await tc!.call('workers.get', { id: w.id })).certNo).toBe('HJ-01');
  });

  it("the roster highlights and filters by the worker's worst certificate", async () => {
    const { admin, a, b, w, cert } = await world();
    await cert({ certNo: 'OK', expiryDate: day(500) });
    const c = await w('W003', '王无证');
    const row = async (id: string) => (await admin('workers.list', { pageSize: 100 })).rows.find((r) => r.id === id)!;
    expect((await row(a.id)).certExpiry).toBe(day(500));
    expect((await row(a.id)).certDue).toBe('expiry');
    // a second certificate whose review is overdue: the worst one shows (its due date), and the filter finds it as expired
    await cert({ certNo: 'BAD', issueDate: addYears(day(-3), -3), expiryDate: day(800) });
    expect((await row(a.id)).certExpiry).toBe(day(-3));
    // … and says it is the review that is due, not the expiry (the roster's wording)
    expect((await row(a.id)).certDue).toBe('review');
    await cert({ workerId: b.id, certNo: 'SOON', expiryDate: day(30) });
    expect((await row(c.id)).certExpiry).toBeNull();
    expect((await row(c.id)).certDue).toBeNull();
    const emp = async (certDue: 'expired' | 'soon' | 'due') => (await admin('workers.list', { certDue })).rows.map((r) => r.empNo);
    expect(await emp('expired')).toEqual(['W001']);
    expect(await emp('soon')).toEqual(['W002']);
    expect(await emp('due')).toEqual(['W001', 'W002']);
    // the roster's own columns are not what the list reads
    expect((await admin('workers.get', { id: a.id })).certExpiry).toBeNull();
  });
});

describe('year facts and the migration', () => {
  it('certificateFacts counts the certificates of active workers by state and category, at the year end for a past year', async () => {
    const { cert, b } = await world();
    await cert({ certNo: 'A', issueDate: addYears(day(10), -3) });
    await cert({ certNo: 'B', category: 'height' });
    await cert({ workerId: b.id, certNo: 'C', category: 'welding', expiryDate: day(-1) });
    const f = certificateFacts(tc!.core.store, Number(today.slice(0, 4)), today);
    expect(f).toEqual({ total: 3, current: 1, reviewDue: 1, reviewOverdue: 0, expired: 1, byCategory: { electrician: 1, height: 1, welding: 1 } });
    const y = Number(today.slice(0, 4)) - 1;
    // at the end of last year all three were current (nothing was due within 60 days of it… except what was)
    const past = certificateFacts(tc!.core.store, y, today);
    expect(past.total).toBe(3);
    expect(past.expired).toBe(0);
    // a certificate past its review date (lapsed) counts in reviewDue and reviewOverdue
    await cert({ certNo: 'D', issueDate: addYears(day(-5), -3) });
    expect(certificateFacts(tc!.core.store, Number(today.slice(0, 4)), today)).toMatchObject({ total: 4, reviewDue: 2, reviewOverdue: 1, expired: 1 });
  });

  it('the data step copies the roster certificate columns into health_certificates, reading the category from the text', async () => {
    const dir = tmpDir('ankang-mig16-');
    const db = openDatabase(path.join(dir, 'a.sqlite'));
    await migrate(db, { target: 15 });
    const T = '2026-01-01T00:00:00.000+08:00';
    const ins = db.prepare(`INSERT INTO workers (id, emp_no, name, gender, cert_type, cert_no, cert_expiry, created_at, updated_at) VALUES (?, ?, ?, 'M', ?, ?, ?, ?, ?)`);
    ins.run('w1', 'E1', '甲', '焊工', 'H-1', '2027-01-01', T, T);
    ins.run('w2', 'E2', '乙', '叉车司机', 'F-1', '2026-06-01', T, T);
    ins.run('w3', 'E3', '丙', null, 'N-1', '2028-01-01', T, T);
    ins.run('w4', 'E4', '丁', '电工', 'E-1', null, T, T); // no expiry: nothing to copy
    ins.run('w5', 'E5', '戊', null, null, null, T, T);
    await migrate(db, { backupDir: path.join(dir, 'backups'), target: 16 });
    expect(db.prepare(`SELECT worker_id, category, type_text, cert_no, expiry_date, due_date, source FROM health_certificates ORDER BY worker_id`).all()).toEqual([
      { worker_id: 'w1', category: 'welding', type_text: '焊工', cert_no: 'H-1', expiry_date: '2027-01-01', due_date: '2027-01-01', source: 'roster' },
      { worker_id: 'w2', category: null, type_text: '叉车司机', cert_no: 'F-1', expiry_date: '2026-06-01', due_date: '2026-06-01', source: 'roster' },
      { worker_id: 'w3', category: null, type_text: '特种作业', cert_no: 'N-1', expiry_date: '2028-01-01', due_date: '2028-01-01', source: 'roster' },
    ]);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
