// Education activities (issue 10, "Activities"): an activity with its kind, level, hours, host, unit and photos; its
// attendees ticked from the roster (hours each, the activity's unless stated; a score passes from 60) or imported from
// a sign-in sheet (工号 / 姓名 / 签到 / 学时 / 成绩; a name alone only when unique) — previewed, nothing written until
// confirmed, cancel writes nothing; soft delete and restore; list by month, kind, unit and words — through the real
// dispatch. Every write is audited, only EDU_WRITERS write, every refusal leaves the tables unchanged.
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput } from '../../shared/contract';
import { type Call, caller, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(['edu_activities', 'edu_attendance', 'edu_activity_photos', 'audit_log'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}
type Cell = string | number | null;
async function xlsx(rows: Cell[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const ws2 = await admin('org.create', { kind: 'workshop', parentId: null, name: '机修车间' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: team.id, hireDate: '2020-01-01', ...extra });
  const a = await w('W001', '张三');
  const b = await w('W002', '李四');
  const c = await w('W003', '王五');
  const base: ChannelInput<'education.activityCreate'> = { kind: 'three_level', level: 'workshop', title: '新员工车间级安全教育', date: '2026-03-10', hours: 8, host: '赵安全', orgUnitId: ws.id, content: '车间危险源与应急处置' };
  return { admin, ws, team, ws2, w, a, b, c, base };
}

describe('activities', () => {
  it('create, list by month / kind / unit / words, update with photos, delete and restore — each audited', async () => {
    const { admin, ws, team, ws2, base } = await world();
    const act = await admin('education.activityCreate', base);
    expect(act).toMatchObject({ kind: 'three_level', level: 'workshop', hours: 8, host: '赵安全', orgUnitName: '合成车间', attendeeCount: 0, photoCount: 0, attendees: [], photoIds: [] });
    const meeting = await admin('education.activityCreate', { kind: 'pre_shift', title: '甲班班前会', date: '2026-04-02', hours: 0.5, orgUnitId: team.id });
    expect(meeting.orgUnitName).toBe('合成车间 / 甲班');
    await admin('education.activityCreate', { kind: 'drill', title: '消防演练', date: '2026-04-15', hours: 2, orgUnitId: ws2.id });

    const titles = async (q: ChannelInput<'education.activities'>) => (await admin('education.activities', q)).rows.map((r) => r.title);
    expect(await titles({})).toEqual(['消防演练', '甲班班前会', '新员工车间级安全教育']);
    expect(await titles({ month: '2026-04' })).toEqual(['消防演练', '甲班班前会']);
    expect(await titles({ kind: 'pre_shift' })).toEqual(['甲班班前会']);
    // a workshop takes its teams' activities too
    expect(await titles({ orgUnitId: ws.id })).toEqual(['甲班班前会', '新员工车间级安全教育']);
    expect(await titles({ search: '危险源' })).toEqual(['新员工车间级安全教育']);
    expect(await titles({ search: '赵安' })).toEqual(['新员工车间级安全教育']);
    expect((await admin('education.activities', { pageSize: 2, page: 2 })).total).toBe(3);

    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#b45309' } }).png().toBuffer();
    const p1 = await admin('attachments.upload', { fileName: '课堂.png', dataBase64: png.toString('base64') });
    const p2 = await admin('attachments.upload', { fileName: '考试.png', dataBase64: (await sharp({ create: { width: 64, height: 48, channels: 3, background: '#1d4ed8' } }).png().toBuffer()).toString('base64') });
    const upd = await admin('education.activityUpdate', { id: act.id, ...base, hours: 6, photoIds: [p2.id, p1.id] });
    expect(upd).toMatchObject({ hours: 6, photoIds: [p2.id, p1.id], photoCount: 2 });

    expect(await admin('education.activityDelete', { id: act.id })).toEqual({ deleted: true });
    expect(await titles({})).toEqual(['消防演练', '甲班班前会']);
    expect(await titles({ deleted: true })).toEqual(['新员工车间级安全教育']);
    expect((await refusal(admin('education.activityUpdate', { id: act.id, ...base }))).message).toBe('err.edu.act.deleted');
    expect(await admin('education.activityRestore', { id: act.id })).toMatchObject({ deletedAt: null, photoIds: [p2.id, p1.id] });
    expect((await refusal(admin('education.activityRestore', { id: act.id }))).message).toBe('err.edu.act.notDeleted');
    const log = tc!.core.store.db.prepare(`SELECT action FROM audit_log WHERE entity = 'edu_activity' AND entity_id = ? ORDER BY seq`).pluck().all(act.id);
    expect(log).toEqual(['create', 'update', 'delete', 'restore']);
  });

  it('refuses bad input with the field and its message, and changes nothing', async () => {
    const { admin, base, w } = await world();
    const doc = await admin('attachments.uploadDocument', { fileName: '通知.txt', dataBase64: Buffer.from('通知').toString('base64') });
    const before = tables(tc!.core);
    const cases: [Partial<ChannelInput<'education.activityCreate'>>, string, string][] = [
      [{ level: null }, 'level', 'v.edu.act.levelRequired'],
      [{ kind: 'drill' }, 'level', 'v.edu.act.levelNotApplicable'],
      [{ kind: 'post_change', level: 'company' }, 'level', 'v.edu.act.postChangeLevel'],
      [{ hours: 0 }, 'hours', 'v.edu.act.hoursMin'],
      [{ hours: 0.01 }, 'hours', 'v.edu.act.hoursMin'],
      [{ hours: 999 }, 'hours', 'v.edu.act.hours'],
      [{ hours: 200.5 }, 'hours', 'v.edu.act.hours'],
      [{ hours: 1.234 }, 'hours', 'v.edu.act.hours'],
      [{ title: '  ' }, 'title', 'v.required'],
      [{ date: '2199-01-01' }, 'date', 'v.edu.act.dateFuture'],
      [{ date: '2027-03-01' }, 'date', 'v.edu.act.dateFuture'],
      [{ date: '1990-03-01' }, 'date', 'v.edu.act.dateTooOld'],
      [{ date: '1999-12-31' }, 'date', 'v.edu.act.dateTooOld'],
      [{ date: '2026-02-30' }, 'date', 'v.date'],
    ];
    for (const [patch, path, message] of cases) {
      const e = await refusal(admin('education.activityCreate', { ...base, ...patch } as ChannelInput<'education.activityCreate'>));
      expect(e.details?.issues, JSON.stringify(patch)).toContainEqual({ path, message });
    }
    expect((await refusal(admin('education.activityCreate', { ...base, orgUnitId: 'nope' }))).message).toBe('err.edu.act.unitNotFound');
    expect((await refusal(admin('education.activityCreate', { ...base, photoIds: [doc.id] }))).message).toBe('err.attachment.notImage');
    expect((await refusal(admin('education.activityCreate', { ...base, photoIds: ['missing'] }))).message).toBe('err.photo.notFound');
    expect(tables(tc!.core)).toBe(before);
    // a worker who is not a writer
    const lp = await w('L001', '孙监督', { roles: ['lp_supervisor'] });
    const op = await admin('operators.add', { workerId: lp.id });
    const asLp = caller(tc!.core);
    await asLp.call('session.signIn', { operatorId: op.id });
    const before2 = tables(tc!.core);
    const e = await refusal(asLp.call('education.activityCreate', base));
    expect(e.code).toBe('FORBIDDEN');
    expect(say(e)).toBe('只有安全员、工会干部、班组长、职业卫生管理员或管理员可以录入教育活动');
    expect(tables(tc!.core)).toBe(before2);
    // a team leader may record (pre-shift meetings)
    const tl = await w('T001', '周班长', { roles: ['team_leader'] });
    const tlOp = await admin('operators.add', { workerId: tl.id });
    const asTl = caller(tc!.core);
    await asTl.call('session.signIn', { operatorId: tlOp.id });
    expect(await asTl.call('education.activityCreate', { kind: 'pre_shift', title: '班前会', date: '2026-03-01', hours: 0.5 })).toMatchObject({ enteredBy: '周班长' });
  });
});

describe('attendees ticked from the roster', () => {
  it('replaces the list: hours each (null = the activity’s), score → passed from 60, refusals change nothing', async () => {
    const { admin, a, b, c, w, base } = await world();
    const act = await admin('education.activityCreate', base);
    const r1 = await admin('education.attendanceSave', {
      activityId: act.id,
      attendees: [
        { workerId: a.id, score: 85 },
        { workerId: b.id, hours: 4, score: 59.5 },
        { workerId: c.id, passed: true },
      ],
    });
    expect(r1.attendees.map((x) => [x.empNo, x.hours, x.score, x.passed, x.source])).toEqual([
      ['W001', null, 85, true, 'manual'],
      ['W002', 4, 59.5, false, 'manual'],
      ['W003', null, null, true, 'manual'],
    ]);
    expect(r1.attendeeCount).toBe(3);
    const r2 = await admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: b.id, hours: 8, score: 60 }] });
    expect(r2.attendees.map((x) => [x.empNo, x.hours, x.passed])).toEqual([['W002', 8, true]]);

    const late = await w('W009', '新来的', { hireDate: '2026-03-11' });
    const before = tables(tc!.core);
    const e1 = await refusal(admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: a.id }, { workerId: late.id }] }));
    expect(e1.message).toBe('err.edu.act.hiredAfter');
    expect(say(e1)).toBe('新来的 于 2026-03-11 入职，不能参加 2026-03-10 的活动');
    expect(e1.details?.issues).toContainEqual({ path: 'attendees.1.workerId', message: 'err.edu.act.hiredAfter' });
    expect((await refusal(admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: 'ghost' }] }))).message).toBe('err.worker.notFound');
    const dup = await refusal(admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: a.id }, { workerId: a.id }] }));
    expect(dup.details?.issues).toContainEqual({ path: 'attendees.1.workerId', message: 'v.duplicate' });
    const bad = await refusal(admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: a.id, score: 101 }] }));
    expect(bad.details?.issues).toContainEqual({ path: 'attendees.0.score', message: 'v.edu.act.score' });
    // an attendee's own hours are at most the activity's (8 h): 50 is refused on the field, nothing written
    const over = await refusal(admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: a.id, hours: 50 }] }));
    expect(over.message).toBe('err.edu.act.attendeeHoursAbove');
    expect(say(over)).toBe('张三 的学时 50 超过活动学时 8');
    expect(over.details?.issues).toContainEqual({ path: 'attendees.0.hours', message: 'err.edu.act.attendeeHoursAbove' });
    const score150 = await refusal(admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: a.id, score: 150 }] }));
    expect(score150.details?.issues).toContainEqual({ path: 'attendees.0.score', message: 'v.edu.act.score' });
    expect(tables(tc!.core)).toBe(before);
    // and the activity's hours cannot drop below a worker's recorded ones
    await admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: b.id, hours: 6 }] });
    const snap0 = tables(tc!.core);
    const fewer = await refusal(admin('education.activityUpdate', { id: act.id, ...base, hours: 4 }));
    expect(fewer.message).toBe('err.edu.act.hoursBelowAttendee');
    expect(fewer.details?.issues).toContainEqual({ path: 'hours', message: 'v.edu.act.hoursBelowAttendee' });
    expect(tables(tc!.core)).toBe(snap0);
    // moving the activity before an attendee was hired is refused too
    await admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: a.id }] });
    tc!.core.store.db.prepare(`UPDATE workers SET hire_date = '2026-03-01' WHERE id = ?`).run(a.id);
    const snap = tables(tc!.core);
    const moved = await refusal(admin('education.activityUpdate', { id: act.id, ...base, date: '2026-02-01' }));
    expect(moved.message).toBe('err.edu.act.hiredAfter');
    expect(moved.details?.issues).toContainEqual({ path: 'date', message: 'err.edu.act.hiredAfter' });
    expect(tables(tc!.core)).toBe(snap);
  });
});

describe('the sign-in sheet', () => {
  it('a column the sheet does not have, or an empty cell, keeps the recorded hours and score; an update lists its changes', async () => {
    const { admin, a, b, c, w, base } = await world();
    const d = await w('W004', '赵四');
    const act = await admin('education.activityCreate', { ...base, hours: 8 });
    await admin('education.attendanceSave', {
      activityId: act.id,
      attendees: [{ workerId: a.id, hours: 6, score: 100 }, { workerId: b.id, score: 85 }, { workerId: c.id }, { workerId: d.id }],
    });
    // 工号 / 姓名 only: nothing changes for anyone
    const p = await admin('education.signinPreview', { activityId: act.id, fileName: 's.xlsx', dataBase64: await xlsx([['工号', '姓名'], ['W001', '张三'], ['W002', '李四']]) });
    expect(p.keptFields).toEqual(['hours', 'score']);
    expect(p.rows.map((r) => [r.action, r.changes])).toEqual([
      ['unchanged', []],
      ['unchanged', []],
    ]);
    expect(p.counts).toMatchObject({ update: 0, unchanged: 2 });
    await admin('education.signinCommit', { importId: p.importId });
    const kept = await admin('education.activity', { id: act.id });
    expect(kept.attendees.map((x) => [x.empNo, x.hours, x.score, x.passed])).toEqual([
      ['W001', 6, 100, true],
      ['W002', null, 85, true],
      ['W003', null, null, null],
      ['W004', null, null, null],
    ]);
    // a 成绩 column: the filled cells change the score (85 → 90, 100 → 不合格), an empty cell keeps it; hours stay
    const p2 = await admin('education.signinPreview', {
      activityId: act.id,
      fileName: 's.xlsx',
      dataBase64: await xlsx([['工号', '姓名', '成绩'], ['W001', '张三', '不合格'], ['W002', '李四', 90], ['W003', '王五', ''], ['W004', '赵四', 50]]),
    });
    expect(p2.keptFields).toEqual(['hours']);
    expect(p2.rows.map((r) => [r.who, r.action, r.changes])).toEqual([
      ['W001 张三', 'update', [{ field: 'score', from: 100, to: null }, { field: 'passed', from: true, to: false }]],
      ['W002 李四', 'update', [{ field: 'score', from: 85, to: 90 }]],
      ['W003 王五', 'unchanged', []],
      ['W004 赵四', 'update', [{ field: 'score', from: null, to: 50 }, { field: 'passed', from: null, to: false }]],
    ]);
    // hours above the activity's are a problem of the row
    const p3 = await admin('education.signinPreview', { activityId: act.id, fileName: 's.xlsx', dataBase64: await xlsx([['工号', '学时'], ['W003', 50], ['W004', 4]]) });
    expect(p3.rows.map((r) => [r.action, r.problems.map((x) => say(x))])).toEqual([
      ['invalid', ['本人学时不能超过活动学时 8']],
      ['update', []],
    ]);
    await admin('education.signinCancel', { importId: p3.importId });
    expect(await admin('education.signinCommit', { importId: p2.importId })).toMatchObject({ updated: 3, unchanged: 1 });
    const after = await admin('education.activity', { id: act.id });
    expect(after.attendees.map((x) => [x.empNo, x.hours, x.score, x.passed])).toEqual([
      ['W001', 6, null, false],
      ['W002', null, 90, true],
      ['W003', null, null, null],
      ['W004', null, 50, false],
    ]);
    // hours recorded before the rule above the activity's (50 of 8): the row says so instead of the commit failing
    tc!.core.store.db.prepare(`UPDATE edu_attendance SET hours = 50 WHERE worker_id = ?`).run(c.id);
    const p4 = await admin('education.signinPreview', { activityId: act.id, fileName: 's.xlsx', dataBase64: await xlsx([['工号', '成绩'], ['W003', 80]]) });
    expect(p4.rows.map((r) => [r.action, r.problems.map((x) => say(x))])).toEqual([['invalid', ['本人学时不能超过活动学时 8']]]);
  });

  it('previews without writing, names alone when unique, 签到 blanks absent, commit adds and updates, cancel writes nothing', async () => {
    const { admin, a, b, w, base } = await world();
    await w('W004', '李四'); // a second 李四: the name alone is ambiguous
    const d = await w('W005', '陈六');
    const act = await admin('education.activityCreate', base);
    await admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: a.id, score: 70 }] });
    const file = await xlsx([
      ['新员工车间级安全教育签到表'],
      ['序号', '工号', '姓名', '签到', '学时', '成绩'],
      [1, 'W001', '张三', '√', '', 90],
      [2, '', '陈六', '陈六', 6, '合格'],
      [3, 'W002', '李四', '', '', ''],
      [4, '', '李四', '√', '', ''],
      [5, 'W404', '无名', '√', '', ''],
      [6, 'W003', '王五', '√', 'abc', '优'],
      ['合计：6 人'],
    ]);
    const before = tables(tc!.core);
    const p = await admin('education.signinPreview', { activityId: act.id, fileName: '签到表.xlsx', dataBase64: file });
    expect(p.headerRow).toBe(2);
    expect(p.mapping).toMatchObject({ empNo: 1, name: 2, signed: 3, hours: 4, score: 5 });
    expect(p.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [3, 'update'],
      [4, 'create'],
      [5, 'absent'],
      [6, 'invalid'],
      [7, 'invalid'],
      [8, 'invalid'],
    ]);
    expect(p.counts).toMatchObject({ create: 1, update: 1, absent: 1, invalid: 3 });
    expect(p.skippedRows.map((r) => r.reason)).toEqual(['footer']);
    const msgs = p.rows.flatMap((r) => r.problems.map((x) => say(x)));
    expect(msgs).toContain('花名册中有 2 名职工叫“李四”，请填写工号');
    expect(msgs).toContain('花名册中没有工号 W404');
    expect(msgs).toContain('学时应为 0–200 的数字，最多两位小数');
    expect(msgs).toContain('成绩应为 0–100 的分数，或“合格”/“不合格”');
    expect(tables(tc!.core)).toBe(before);

    // with problems and no skip: refused, nothing written
    expect((await refusal(admin('education.signinCommit', { importId: p.importId }))).message).toBe('err.edu.act.signin.invalidRows');
    expect(tables(tc!.core)).toBe(before);
    const rej = await admin('education.signinRejected', { importId: p.importId });
    expect(rej.fileName).toMatch(/^签到表-.+\.xlsx$/);
    const r = await admin('education.signinCommit', { importId: p.importId, skipInvalid: true });
    expect(r).toEqual({ created: 1, updated: 1, unchanged: 0, absent: 1, skipped: 3 });
    const after = await admin('education.activity', { id: act.id });
    expect(after.attendees.map((x) => [x.empNo, x.hours, x.score, x.passed, x.source])).toEqual([
      ['W001', null, 90, true, 'manual'],
      ['W005', 6, null, true, 'import'],
    ]);
    expect(b.id).toBeTruthy();
    expect(d.id).toBeTruthy();
    expect(tc!.core.store.db.prepare(`SELECT action FROM audit_log WHERE entity = 'edu_activity' AND entity_id = ? ORDER BY seq`).pluck().all(act.id)).toEqual(['create', 'attendance', 'attendance_import']);
    // the session is gone after the commit
    expect((await refusal(admin('education.signinCommit', { importId: p.importId }))).message).toBe('err.import.expired');

    // the same sheet again: the two are unchanged; a cancel writes nothing
    const again = await admin('education.signinPreview', { activityId: act.id, fileName: '签到表.xlsx', dataBase64: file });
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    const snap = tables(tc!.core);
    expect(await admin('education.signinCancel', { importId: again.importId })).toEqual({ cancelled: true });
    expect(tables(tc!.core)).toBe(snap);
  });

  it('a sheet without a 签到 column takes everyone listed; a file with no header is refused; the template reads back', async () => {
    const { admin, base } = await world();
    const act = await admin('education.activityCreate', base);
    const p = await admin('education.signinPreview', { activityId: act.id, fileName: 's.xlsx', dataBase64: await xlsx([['工号', '姓名', '考试成绩'], ['W001', '张三', 55], ['W002', '李四', '']]) });
    expect(p.rows.map((r) => [r.action, r.parsed?.passed])).toEqual([
      ['create', false],
      ['create', null],
    ]);
    expect(await admin('education.signinCommit', { importId: p.importId })).toMatchObject({ created: 2 });
    const e = await refusal(admin('education.signinPreview', { activityId: act.id, fileName: 'x.xlsx', dataBase64: await xlsx([['随便'], ['什么']]) }));
    expect(e.message).toBe('err.edu.act.signin.noHeader');
    const tpl = await admin('education.signinTemplate', {});
    expect(tpl.fileName).toBe('教育活动签到表模板.xlsx');

    // a deleted activity takes no attendees and no sheet; one who does not record activities cannot import
    const sheetOk = await xlsx([['工号', '姓名'], ['W003', '王五']]);
    await admin('education.activityDelete', { id: act.id });
    const before = tables(tc!.core);
    expect((await refusal(admin('education.attendanceSave', { activityId: act.id, attendees: [] }))).message).toBe('err.edu.act.deleted');
    expect((await refusal(admin('education.signinPreview', { activityId: act.id, fileName: 's.xlsx', dataBase64: sheetOk }))).message).toBe('err.edu.act.deleted');
    expect(tables(tc!.core)).toBe(before);
    await admin('education.activityRestore', { id: act.id });
    const lp = await admin('workers.create', { empNo: 'L001', name: '孙监督', gender: 'M', roles: ['lp_supervisor'] });
    const op = await admin('operators.add', { workerId: lp.id });
    const asLp = caller(tc!.core);
    await asLp.call('session.signIn', { operatorId: op.id });
    const snap = tables(tc!.core);
    expect((await refusal(asLp.call('education.signinPreview', { activityId: act.id, fileName: 's.xlsx', dataBase64: sheetOk }))).code).toBe('FORBIDDEN');
    expect((await refusal(asLp.call('education.attendanceSave', { activityId: act.id, attendees: [] }))).code).toBe('FORBIDDEN');
    expect(tables(tc!.core)).toBe(snap);
  });
});
