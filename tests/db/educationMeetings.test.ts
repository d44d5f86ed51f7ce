// Pre-shift meetings (班前会) are counted as meetings, never hours (shared/education/hours/rules.ts MEETING_KINDS): the
// backend refuses per-attendee hours, scores and results for one (typed error, nothing written), the sign-in import
// does not read a meeting sheet's 学时 / 成绩 columns, and the worker's training file shows the meetings as a count per
// month (not a row each with its full text), with long content cut short and a company-wide activity as 全厂.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { type Call, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const tables = (core: Core) =>
  JSON.stringify(['edu_activities', 'edu_attendance', 'audit_log'].map((t) => core.store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const a = await admin('workers.create', { empNo: 'W001', name: '张三', gender: 'M', orgUnitId: team.id, hireDate: '2020-01-01' });
  const b = await admin('workers.create', { empNo: 'W002', name: '李四', gender: 'M', orgUnitId: team.id, hireDate: '2020-01-01' });
  const meeting = await admin('education.activityCreate', { kind: 'pre_shift', title: '甲班班前会', date: '2026-04-02', hours: 0.25, orgUnitId: team.id });
  return { admin, ws, team, a, b, meeting };
}

describe('pre-shift meetings: attendance only', () => {
  it('refuses hours, a score or a result per attendee (typed, nothing written); plain attendance is saved', async () => {
    const { admin, a, b, meeting } = await world();
    const before = tables(tc!.core);
    for (const [patch, field] of [
      [{ score: 90 }, 'score'],
      [{ passed: true }, 'passed'],
      [{ hours: 0.5 }, 'hours'],
    ] as const) {
      const e = await refusal(admin('education.attendanceSave', { activityId: meeting.id, attendees: [{ workerId: a.id }, { workerId: b.id, ...patch }] }));
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toBe('err.edu.act.meetingNoScore');
      expect(say(e)).toContain('李四');
      expect(e.details?.issues).toEqual([{ path: `attendees.1.${field}`, message: 'err.edu.act.meetingNoScore' }]);
      expect(tables(tc!.core)).toBe(before);
    }
    const ok = await admin('education.attendanceSave', { activityId: meeting.id, attendees: [{ workerId: a.id }, { workerId: b.id }] });
    expect(ok.attendees.map((x) => [x.empNo, x.hours, x.score, x.passed])).toEqual([
      ['W001', null, null, null],
      ['W002', null, null, null],
    ]);
  });

  it('an activity with scored attendees cannot become a meeting', async () => {
    const { admin, a, team } = await world();
    const base = { kind: 'retraining' as const, title: '年度再培训', date: '2026-03-01', hours: 4, orgUnitId: team.id };
    const act = await admin('education.activityCreate', base);
    await admin('education.attendanceSave', { activityId: act.id, attendees: [{ workerId: a.id, score: 80 }] });
    const before = tables(tc!.core);
    const e = await refusal(admin('education.activityUpdate', { id: act.id, ...base, kind: 'pre_shift' }));
    expect(e.message).toBe('err.edu.act.meetingNoScore');
    expect(tables(tc!.core)).toBe(before);
  });

  it("the sign-in import of a meeting reads who came, not the sheet's 学时 / 成绩", async () => {
    const { admin, meeting } = await world();
    const wb = new ExcelJS.Workbook();
    const sh = wb.addWorksheet('Sheet1');
    [
      ['工号', '姓名', '签到', '学时', '成绩'],
      ['W001', '张三', '√', 1, 95],
      ['W002', '李四', '√', 'abc', '合格'],
    ].forEach((r) => sh.addRow(r));
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await admin('education.signinPreview', { activityId: meeting.id, fileName: 's.xlsx', dataBase64 });
    expect(p.rows.map((r) => [r.action, r.parsed])).toEqual([
      ['create', { hours: null, score: null, passed: null }],
      ['create', { hours: null, score: null, passed: null }],
    ]);
    expect(await admin('education.signinCommit', { importId: p.importId })).toMatchObject({ created: 2 });
    const after = await admin('education.activity', { id: meeting.id });
    expect(after.attendees.map((x) => [x.hours, x.score, x.passed])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
  });
});

describe('the training file PDF with a year of weekly meetings', () => {
  it('meetings as a count per month, the activities with short content, 全厂 for a company-wide one (pdftotext)', async () => {
    const { admin, a, team } = await world();
    const db = tc!.core.store.db;
    const now = new Date().toISOString();
    const ins = db.prepare(
      `INSERT INTO edu_activities (id, kind, level, title, date, hours, host, org_unit_id, content, entered_by_name, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, '王', ?, ?)`,
    );
    const att = db.prepare(`INSERT INTO edu_attendance (activity_id, worker_id, source, created_at) VALUES (?, ?, 'manual', ?)`);
    const long = '班组长讲评上一班安全情况，强调高处作业系挂安全带与动火作业票证管理，检查劳动防护用品佩戴，明确当班风险点与应急处置要求';
    for (let week = 0; week < 52; week++) {
      const d = new Date(Date.UTC(2025, 0, 6 + week * 7)).toISOString().slice(0, 10);
      ins.run(`m-${week}`, 'pre_shift', `班前会：第${week + 1}周`, d, 0.25, '周班长', team.id, long, now, now);
      att.run(`m-${week}`, a.id, now);
    }
    ins.run('r-1', 'retraining', '2025年度从业人员安全再培训', '2025-03-15', 8, '安全环保部', null, `${long}${long}`, now, now);
    att.run('r-1', a.id, now);

    const ref = await admin('education.trainingFilePdf', { workerId: a.id, year: 2025 });
    const file = path.join(tc!.dir, 'meetings.pdf');
    fs.writeFileSync(file, tc!.fileBytes(ref));
    if (process.env.EDU_PDF_OUT) fs.copyFileSync(file, process.env.EDU_PDF_OUT);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['三、教育培训记录（不含班前会）', '年度再培训', '全厂/安全', '四、班前会参加情况（按月计次，不计学时）', '1月2月3月4月5月6月7月8月9月10月11月12月合计', '202544544544544552次', '…']) {
      expect(text).toContain(s);
    }
    // no meeting row of its own: neither its title nor its text is listed
    expect(text).not.toContain('第1周');
    expect(text.split('明确当班风险点').length - 1).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(1);
  });
});
