// The session's papers as PDF on the shared toolkit: the notice with the agenda (会议通知), the sign-in sheet (签到表)
// of the representatives serving on the session date, and the ballots (表决票) — one per representative and item to
// vote on, three to a page with cutting lines and the instructions. Chinese, like the paper.
import type { AgendaItem, AttendanceRow, SessionDetail } from '../../../../shared/congress/sessions/types';
import type { Enterprise } from '../../../../shared/enterprise/types';
import { term } from '../../../../shared/glossary';
import { createPdf, PdfTable, PDF_STYLE, runningHeader, titleBlock, type PdfDoc, type TableColumn } from '../../documents/pdf';
import { cnOrdinal, sessionTitleCn } from './minutesPdf';

const zh = (key: string, vars?: Record<string, string | number>) => term(key, 'zh-CN', vars);
const dateCn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export interface PapersContext {
  enterprise: Enterprise;
  fingerprint: string;
  now?: Date;
}

const AGENDA_COLUMNS: TableColumn[] = [
  { header: '序号', width: 34, align: 'center' },
  { header: '议题', flex: 1 },
  { header: '类别', width: 70, align: 'center' },
  { header: '报告人', width: 80, align: 'center' },
];

/** 关于召开第X届职工代表大会第Y次会议的通知 */
export async function renderNotice(s: SessionDetail, ctx: PapersContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const name = sessionTitleCn(s);
  const title = `关于召开${name}的通知`;
  const pdf = createPdf({ title, subject: `${ctx.enterprise.name} ${title}`, createdAt: now });
  titleBlock(pdf, { enterprise: ctx.enterprise.name, title });
  runningHeader(pdf, `${title}（续）`, dateCn(s.date));
  pdf.para('各代表团（组）、各位职工代表：', { gap: 8 });
  pdf.para(
    `经研究，定于${dateCn(s.date)}${s.time ? ` ${s.time}` : ''}在${s.place ?? '（地点另行通知）'}召开${name}${s.kind === 'safety' ? '（安全生产专题）' : ''}。现将有关事项通知如下：`,
    { indent: 0, gap: 8 },
  );
  pdf.para(`一、会议时间：${dateCn(s.date)}${s.time ? ` ${s.time}` : ''}`, { bold: true });
  pdf.para(`二、会议地点：${s.place ?? '另行通知'}`, { bold: true });
  pdf.para('三、会议议程：', { bold: true });
  const table = new PdfTable(pdf, AGENDA_COLUMNS, { minRow: 18, padY: 3 }).begin();
  for (const i of s.agenda) table.row([i.position, i.title, zh(`congress.itemKind.${i.kind}`), i.presenter ?? '']);
  table.end();
  pdf.gap(8);
  pdf.para('四、有关要求：', { bold: true });
  pdf.para('（一）请各位代表提前阅读会议材料，广泛听取所在单位职工的意见和建议，做好审议准备。', { indent: 12 });
  pdf.para('（二）请各位代表准时出席，凭本人签到；因故不能出席的，须事先向所在代表团（组）组长请假。', { indent: 12 });
  pdf.para(
    `（三）大会须有${zh(`congress.quorum.${s.termQuorumRule}`)}出席方可召开；表决事项须经全体职工代表的过半数同意方为通过。`,
    { indent: 12, gap: 24 },
  );
  const issued = s.issuedAt ? s.issuedAt.slice(0, 10) : null;
  pdf.ensure(48);
  pdf.para(s.convenor ?? `${ctx.enterprise.name}工会`, { align: 'right' });
  pdf.para(issued ? dateCn(issued) : '年　　月　　日', { align: 'right' });
  return pdf.finish({ left: title, fingerprint: ctx.fingerprint });
}

const SIGN_COLUMNS: TableColumn[] = [
  { header: '序号', width: 34, align: 'center' },
  { header: '代表团（组）', width: 110 },
  { header: '工号', width: 70, align: 'center' },
  { header: '姓名', width: 80, align: 'center' },
  { header: '本人签到', flex: 1 },
  { header: '备注\n（请假/缺席）', width: 80, align: 'center' },
];

/** 签到表: every representative serving on the session date, by group; the secretary ticks the returned sheet in. */
export async function renderSignIn(s: SessionDetail, rows: readonly AttendanceRow[], ctx: PapersContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = `${sessionTitleCn(s)}代表签到表`;
  const pdf = createPdf({ title, subject: `${ctx.enterprise.name} ${title}`, createdAt: now });
  titleBlock(pdf, { enterprise: ctx.enterprise.name, title: '职工代表签到表', left: `${sessionTitleCn(s)} · ${dateCn(s.date)}${s.place ? ` · ${s.place}` : ''}`, right: `应到 ${s.counts.entitled} 人` });
  runningHeader(pdf, `${title}（续）`, dateCn(s.date));
  const table = new PdfTable(pdf, SIGN_COLUMNS, { minRow: 26, padY: 4 }).begin();
  if (rows.length === 0) table.note('会议当天没有在任的职工代表');
  rows.forEach((r, k) => table.row([k + 1, r.groupName ?? '', r.empNo, r.name, '', '']));
  table.end();
  pdf.gap(12);
  pdf.para('实到　　　人　　请假　　　人　　缺席　　　人　　　　统计人（签字）：＿＿＿＿＿＿', { gap: 4 });
  return pdf.finish({ left: title, fingerprint: ctx.fingerprint });
}

const BALLOT_H = 232;
const CUT = 14;

function drawBallot(pdf: PdfDoc, s: SessionDetail, item: AgendaItem, candidates: readonly string[]) {
  const doc = pdf.doc;
  const x = pdf.left;
  const w = pdf.width;
  const y0 = pdf.y;
  doc.lineWidth(0.8).strokeColor(PDF_STYLE.border).rect(x, y0, w, BALLOT_H).stroke();
  let y = y0 + 10;
  pdf.font(true, 16);
  pdf.draw(item.kind === 'election' ? '选　举　票' : '表　决　票', x, y, { width: w, align: 'center' });
  y += 24;
  pdf.font(false, PDF_STYLE.body);
  pdf.draw(sessionTitleCn(s), x, y, { width: w, align: 'center' });
  y += 18;
  pdf.font(true, 11.5);
  const topic = `${cnOrdinal(item.position)}、${item.title}`;
  pdf.draw(topic, x + 16, y, { width: w - 32 });
  y += pdf.measure(topic, { width: w - 32 }) + 8;
  // the choice grid: one row for a motion, one per candidate (or blank lines) for an election
  const labels = item.kind === 'election' ? (candidates.length > 0 ? candidates : ['', '', '']) : [''];
  const first = item.kind === 'election' ? 120 : 0;
  const cols = ['赞成', '反对', '弃权'];
  const gx = x + 40;
  const gw = w - 80;
  const cw = (gw - first) / 3;
  const head = 18;
  const rowH = item.kind === 'election' ? 24 : 44;
  pdf.font(true, PDF_STYLE.body);
  if (first) pdf.draw('候选人', gx, y + 4, { width: first, align: 'center' });
  cols.forEach((c, k) => pdf.draw(c, gx + first + k * cw, y + 4, { width: cw, align: 'center' }));
  doc.lineWidth(0.6);
  const rows = labels.length;
  doc.rect(gx, y, gw, head + rows * rowH).stroke();
  doc.moveTo(gx, y + head).lineTo(gx + gw, y + head).stroke();
  for (let r = 1; r < rows; r++) doc.moveTo(gx, y + head + r * rowH).lineTo(gx + gw, y + head + r * rowH).stroke();
  const vx = [...(first ? [gx + first] : []), gx + first + cw, gx + first + 2 * cw];
  for (const v of vx) doc.moveTo(v, y).lineTo(v, y + head + rows * rowH).stroke();
  pdf.font(false, PDF_STYLE.body);
  labels.forEach((l, r) => l && pdf.draw(l, gx + 4, y + head + r * rowH + 3, { width: first - 8, align: 'center' }));
  y += head + rows * rowH + 8;
  pdf.font(false, PDF_STYLE.small);
  const help =
    item.kind === 'election'
      ? '说明：请在每位候选人对应的“赞成”“反对”或“弃权”栏内划“○”，每位候选人只能划一处；多划、不划或无法辨认的，对该候选人为无效票。'
      : '说明：请在“赞成”“反对”或“弃权”栏内划“○”，只能划一处；多划、不划或无法辨认的为无效票。不得涂改。';
  pdf.draw(help, x + 16, Math.min(y, y0 + BALLOT_H - 34), { width: w - 32 });
  pdf.y = y0 + BALLOT_H;
}

/** 表决票: for every item to vote on (and every election), one ballot per representative entitled, three to a page. */
export async function renderBallots(s: SessionDetail, ctx: PapersContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = `${sessionTitleCn(s)}表决票`;
  const pdf = createPdf({ title, subject: `${ctx.enterprise.name} ${title}`, createdAt: now });
  const items = s.agenda.filter((i) => i.kind === 'vote' || i.kind === 'election');
  if (items.length === 0) {
    titleBlock(pdf, { enterprise: ctx.enterprise.name, title: '表决票' });
    pdf.para('本次会议议程中没有表决事项或选举。');
  }
  const copies = Math.max(1, s.counts.entitled);
  let first = true;
  for (const item of items) {
    const candidates = [...new Set(item.votes.map((v) => v.candidate).filter((c): c is string => !!c))];
    for (let k = 0; k < copies; k++) {
      if (!first && pdf.avail < BALLOT_H + CUT) pdf.newPage();
      else if (!first) {
        // a dashed cutting line between two ballots
        const y = pdf.y + CUT / 2;
        pdf.doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor(PDF_STYLE.muted).moveTo(pdf.left - 20, y).lineTo(pdf.left + pdf.width + 20, y).stroke().undash().restore();
        pdf.gap(CUT);
      }
      drawBallot(pdf, s, item, candidates);
      first = false;
    }
  }
  return pdf.finish({ left: title, fingerprint: ctx.fingerprint });
}
