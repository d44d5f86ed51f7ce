// The exports of the "Minutes" section of issue 8 beyond the minutes themselves, through the real dispatch: the
// resolutions alone as PDF (决议: every resolution with its vote result, signature lines, page numbers, the audit-chain
// fingerprint, fonts embedded) and the vote results as xlsx (per vote: method, base, present, issued, the counts, the
// yes votes needed, the verdict in words, when announced) — both refused before the session opens.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { openTestCore, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

type Call = <K extends ChannelName>(channel: K, input?: ChannelInput<K>) => Promise<ChannelOutput<K>>;
type Err = { code: string; message: string };
async function refusal(p: Promise<unknown>): Promise<Err> {
  try {
    await p;
  } catch (e) {
    return (e as { data: Err }).data;
  }
  throw new Error('expected a refusal');
}

const DAY = '2026-12-20';

/**
 * 15 representatives, 12 present; the wage item passes (9 yes), the X item fails (7 yes: most of those voting, not
 * more than half of all 15), an election with two candidates (one elected), resolutions on the passed items.
 */
async function heldSession(close = true) {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  for (let k = 1; k <= 15; k++) {
    await admin('workers.create', { empNo: `R${String(k).padStart(3, '0')}`, name: `代表${k}`, gender: k % 3 === 0 ? 'F' : 'M', orgUnitId: ws.id, isRepresentative: true });
  }
  const term = await admin('congress.termCreate', { number: 3, startDate: '2024-01-01', endDate: '2028-12-31' });
  await admin('congress.importFromRoster', { termId: term.id, joinedOn: '2024-01-01' });
  let s = await admin('congress.sessionCreate', { termId: term.id, date: DAY, time: '08:30', place: '职工活动中心', convenor: '公司工会' });
  const early = { pdf: await refusal(admin('congress.sessionResolutionsPdf', { id: s.id })), xlsx: await refusal(admin('congress.sessionVotesXlsx', { id: s.id })) };
  s = await admin('congress.agendaAdd', { sessionId: s.id, title: '审议《职工劳动防护用品发放标准》', kind: 'vote', presenter: '李经理', plannedMinutes: 20 });
  s = await admin('congress.agendaAdd', { sessionId: s.id, title: '选举劳动保护监督检查委员会委员', kind: 'election' });
  await admin('congress.sessionStep', { id: s.id, action: 'issue' });
  const issued = { pdf: await refusal(admin('congress.sessionResolutionsPdf', { id: s.id })), xlsx: await refusal(admin('congress.sessionVotesXlsx', { id: s.id })) };
  s = await admin('congress.sessionStep', { id: s.id, action: 'open' });
  const all = await admin('congress.attendance', { sessionId: s.id });
  await admin('congress.attendanceSet', { sessionId: s.id, memberIds: all.rows.slice(0, 12).map((r) => r.memberId), status: 'present' });
  await admin('congress.attendanceSet', { sessionId: s.id, memberIds: [all.rows[12]!.memberId], status: 'leave' });
  const wage = s.agenda.find((i) => i.templateKey === 'wage')!;
  const x = s.agenda.find((i) => i.title.startsWith('审议《职工劳动防护'))!;
  const elect = s.agenda.find((i) => i.kind === 'election')!;
  for (const [item, yes] of [[wage, 9], [x, 7]] as const) {
    const d = await admin('congress.voteOpen', { itemId: item.id });
    const v = d.agenda.find((i) => i.id === item.id)!.votes[0]!;
    await admin('congress.voteCount', { id: v.id, counts: { issued: 12, yes, no: 12 - yes - 1, abstain: 1, invalid: 0 } });
    await admin('congress.voteAnnounce', { id: v.id });
  }
  for (const [candidate, yes] of [['张三', 10], ['李四', 6]] as const) {
    const d = await admin('congress.voteOpen', { itemId: elect.id, candidate });
    const v = d.agenda.find((i) => i.id === elect.id)!.votes.find((c) => c.candidate === candidate)!;
    await admin('congress.voteCount', { id: v.id, counts: { issued: 12, yes, no: 11 - yes, abstain: 0, invalid: 1 } });
    await admin('congress.voteAnnounce', { id: v.id });
  }
  await admin('congress.agendaRecord', { id: wage.id, summary: '代表分组讨论了能级工资方案', resolution: '大会通过安全生产“能级工资”专题协商方案，自2027年1月1日起执行。' });
  await admin('congress.agendaRecord', { id: elect.id, summary: '差额选举', resolution: '张三当选劳动保护监督检查委员会委员。' });
  if (close) await admin('congress.sessionStep', { id: s.id, action: 'close' });
  return { admin, s: await admin('congress.session', { id: s.id }), early, issued };
}

function pdfTextAndFonts(bytes: Buffer): { flat: string; fonts: string; pages: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-resolutions-'));
  const file = path.join(dir, 'r.pdf');
  fs.writeFileSync(file, bytes);
  if (process.env.ANKANG_KEEP_MINUTES) fs.copyFileSync(file, `${process.env.ANKANG_KEEP_MINUTES}.resolutions.pdf`); // to look at it
  try {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    return { flat: text.replace(/\s+/g, ''), fonts, pages };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the resolutions alone (决议 PDF)', () => {
  it('refused before the session opens; then every resolution with its vote result, the attendance, signature lines, page numbers, the fingerprint; fonts embedded', async () => {
    const { admin, s, early, issued } = await heldSession();
    for (const r of [early.pdf, issued.pdf]) expect(r).toMatchObject({ code: 'CONFLICT', message: 'err.congress.session.resolutionsNotYet' });
    expect(say(early.pdf as never)).toBe('会议开幕后才能生成决议');
    const ref = await admin('congress.sessionResolutionsPdf', { id: s.id });
    expect(ref).toMatchObject({ fileName: '第3届职工代表大会第1次会议决议.pdf', mime: 'application/pdf' });
    const { flat, fonts } = pdfTextAndFonts(tc!.fileBytes(ref));
    for (const want of [
      '测试化工有限公司',
      '第3届职工代表大会第1次会议决议',
      '会议类型：安全生产专题',
      '2026年12月20日在职工活动中心召开',
      '应到代表15人，实到12人，请假1人，缺席2人，符合法定人数',
      '一、关于“安全生产“能级工资”专题协商”',
      '大会通过安全生产“能级工资”专题协商方案，自2027年1月1日起执行。',
      '无记名投票：赞成9票，反对2票，弃权1票，无效0票。应到代表15人，赞成9票，超过全体代表的半数（须至少8票），通过。',
      '二、关于“选举劳动保护监督检查委员会委员”',
      '张三当选劳动保护监督检查委员会委员。',
      '张三：赞成10票（全体代表15人，须至少8票），当选。',
      '主持人（签字）：',
      '记录人（签字）：',
      '第1页/共1页',
      '数据指纹',
    ]) {
      expect(flat, want).toContain(want);
    }
    // only items with a resolution: the failed X item is not resolved, and the draft note is absent once closed
    expect(flat).not.toContain('职工劳动防护用品发放标准');
    expect(flat).not.toContain('会议尚在进行中');
    const rows = fonts.split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it('while the session runs it is a draft that says so; with no resolution yet it says that', async () => {
    tc = await openTestCore();
    const admin = tc.call as Call;
    const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    for (let k = 1; k <= 3; k++) await admin('workers.create', { empNo: `R${k}`, name: `代表${k}`, gender: 'M', orgUnitId: ws.id, isRepresentative: true });
    const term = await admin('congress.termCreate', { number: 2, startDate: '2024-01-01', endDate: '2028-12-31' });
    await admin('congress.importFromRoster', { termId: term.id, joinedOn: '2024-01-01' });
    const s = await admin('congress.sessionCreate', { termId: term.id, date: DAY, kind: 'regular', template: false });
    await admin('congress.agendaAdd', { sessionId: s.id, title: '听取工作报告', kind: 'report' });
    await admin('congress.sessionStep', { id: s.id, action: 'issue' });
    await admin('congress.sessionStep', { id: s.id, action: 'open' });
    const { flat } = pdfTextAndFonts(tc.fileBytes(await admin('congress.sessionResolutionsPdf', { id: s.id })));
    expect(flat).toContain('第2届职工代表大会第1次会议决议');
    expect(flat).toContain('（本次会议尚无决议。）');
    expect(flat).toContain('（会议尚在进行中，本决议以闭会时的文本为准。）');
    expect(flat).toContain('应到代表3人，实到0人，请假0人，缺席3人，未达法定人数');
  });
});

describe('the vote results (xlsx)', () => {
  it('refused before the session opens; one row per vote with method, base, present, issued, counts, needed, verdict in words and announced at', async () => {
    const { admin, s, early, issued } = await heldSession();
    for (const r of [early.xlsx, issued.xlsx]) expect(r).toMatchObject({ code: 'CONFLICT', message: 'err.congress.session.votesNotYet' });
    const ref = await admin('congress.sessionVotesXlsx', { id: s.id });
    expect(ref).toMatchObject({ fileName: '第3届职工代表大会第1次会议表决结果.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc!.fileBytes(ref) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('表决结果')!;
    expect(ws).toBeDefined();
    expect(ws.getCell('A1').value).toBe('测试化工有限公司第3届职工代表大会第1次会议表决结果统计表');
    expect(String(ws.getCell('A2').value)).toContain('会议日期：2026-12-20');
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '议题', '类别', '候选人', '表决方式', '应到代表\n（基数）', '实到', '发出票数', '赞成', '反对', '弃权', '无效', '通过所需\n赞成票', '结果', '结果说明', '状态', '宣布时间', '更正']);
    const rows = [4, 5, 6, 7].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    const wagePos = s.agenda.find((i) => i.templateKey === 'wage')!.position;
    expect(rows.map((r) => r.slice(0, 14))).toEqual([
      [wagePos, '安全生产“能级工资”专题协商', '表决事项', undefined, '无记名投票', 15, 12, 12, 9, 2, 1, 0, 8, '通过'],
      [wagePos + 2, '审议《职工劳动防护用品发放标准》', '表决事项', undefined, '无记名投票', 15, 12, 12, 7, 4, 1, 0, 8, '未通过'],
      [wagePos + 3, '选举劳动保护监督检查委员会委员', '选举', '张三', '无记名投票', 15, 12, 12, 10, 1, 0, 1, 8, '当选'],
      [wagePos + 3, '选举劳动保护监督检查委员会委员', '选举', '李四', '无记名投票', 15, 12, 12, 6, 5, 0, 1, 8, '未当选'],
    ]);
    // the failing item: most of those present voted yes, not more than half of all representatives
    expect(rows[1]![14]).toBe('应到代表 15 人，赞成 7 票，未超过全体代表的半数（须至少 8 票），未通过。');
    expect(rows[0]![15]).toBe('已宣布');
    // announced at: an Excel date-time of the recorded wall-clock time
    const at = ws.getRow(4).getCell(17);
    expect(at.value).toBeInstanceOf(Date);
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm');
    const announced = s.agenda.find((i) => i.templateKey === 'wage')!.votes[0]!.announcedAt!;
    expect((at.value as Date).toISOString().slice(0, 16)).toBe(announced.slice(0, 16));
    // the item numbers and counts are numbers, not text
    expect(ws.getRow(4).getCell(9).numFmt).toBe('0');
    const notes = [9, 10, 11].map((r) => String(ws.getRow(r).getCell(1).value ?? ''));
    expect(notes.join('|')).toContain('说明：应到代表 15 人，实到 12 人，请假 1 人，缺席 2 人');
    expect(notes.join('|')).toContain('全体职工代表的过半数');
    expect(notes.join('|')).toContain('监票人（签字）：');
  });

  it('a corrected result shows the correction and its reason; a vote still open has no counts and no verdict', async () => {
    const { admin, s } = await heldSession(false);
    const x = s.agenda.find((i) => i.title.startsWith('审议《职工劳动防护'))!;
    await admin('congress.voteCorrect', { id: x.votes[0]!.id, counts: { issued: 12, yes: 8, no: 3, abstain: 1, invalid: 0 }, reason: '监票人复核，误将一张赞成票计入反对' });
    const resolutions = s.agenda.find((i) => i.templateKey === 'resolutions')!;
    await admin('congress.voteOpen', { itemId: resolutions.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc!.fileBytes(await admin('congress.sessionVotesXlsx', { id: s.id })) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows = [4, 5, 6, 7, 8].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    const corrected = rows.find((r) => r[1] === '审议《职工劳动防护用品发放标准》')!;
    expect(corrected.slice(8, 14)).toEqual([8, 3, 1, 0, 8, '通过']);
    expect(corrected[17]).toBe('更正 1 次：监票人复核，误将一张赞成票计入反对');
    const open = rows.find((r) => r[1] === '通过大会决议')!;
    expect(open[15]).toBe('表决中');
    expect(open[13]).toBeUndefined();
    expect(open[8]).toBeUndefined();
    expect(open[16]).toBeUndefined();
  });
});
