// The minutes of a session (职工代表大会会议纪要) as one paper-ready PDF on the shared toolkit: the cover lines
// (enterprise, 第X届第Y次, kind, date, place, convenor), the attendance with the quorum sentence, the agenda, and per
// item what was heard, the figures shown (item 5: the hazard ledger and the handling of proposals, frozen with the
// papers), the votes with their base and verdict in words, the resolution; signature lines for the chair and the
// recorder; page numbers and the audit-chain fingerprint on every page. Chinese, like the paper. Deterministic for the
// same input and `now`.
import type { Enterprise } from '../../../../shared/enterprise/types';
import type { AgendaItem, SessionDetail, Vote } from '../../../../shared/congress/sessions/types';
import { term } from '../../../../shared/glossary';
import { countsText, hazardText } from '../proposals/text';
import { BLANK_DATE, createPdf, PdfTable, runningHeader, signatureLines, signatureLinesHeight, titleBlock, type PdfDoc, type TableColumn } from '../../documents/pdf';

export interface MinutesContext {
  enterprise: Enterprise;
  fingerprint: string;
  now?: Date;
}

const zh = (key: string, vars?: Record<string, string | number>) => term(key, 'zh-CN', vars);
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一, 二 … 十, 十一 … 九十九 */
export function cnOrdinal(n: number): string {
  if (n <= 10) return CN_NUM[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_NUM[tens - 1]}十${ones ? CN_NUM[ones - 1] : ''}`;
}
const dateCn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export function sessionTitleCn(s: Pick<SessionDetail, 'termNumber' | 'seq'>): string {
  return zh('congress.session.title', { term: s.termNumber, seq: s.seq });
}

/** A vote's result line: method, counts, then the verdict in words with its base. */
export function voteLines(v: Vote): string[] {
  const head = `${v.candidate ? `候选人 ${v.candidate}，` : ''}${zh(`congress.voteMethod.${v.method}`)}`;
  if (!v.counts || !v.verdict) return [`${head}：${zh(`congress.voteStatus.${v.status}`)}。`];
  const c = v.counts;
  const tally = `发出表决票 ${c.issued} 张，收回 ${c.yes + c.no + c.abstain + c.invalid} 张；赞成 ${c.yes} 票，反对 ${c.no} 票，弃权 ${c.abstain} 票，无效 ${c.invalid} 票。`;
  const vars = { base: v.entitled, yes: c.yes, needed: v.needed, candidate: v.candidate ?? '' };
  const verdict = v.verdict === 'noQuorum' ? zh('congress.verdict.noQuorum') : v.candidate ? zh(`congress.elected.${v.verdict}`, vars) : zh(`congress.verdict.${v.verdict}`, vars);
  const lines = [`${head}：${tally}`, verdict];
  if (v.status !== 'announced') lines.push('（结果尚未宣布）');
  if (v.corrections > 0) lines.push(`（结果经更正 ${v.corrections} 次，理由：${v.correctionReason ?? ''}）`);
  return lines;
}

function heading(pdf: PdfDoc, text: string, keep = 40) {
  pdf.gap(6);
  pdf.ensure(pdf.paraHeight(text, { bold: true, size: 12 }) + keep);
  pdf.para(text, { bold: true, size: 12, gap: 4 });
}

const AGENDA_COLUMNS: TableColumn[] = [
  { header: '序号', width: 34, align: 'center' },
  { header: '议题', flex: 1 },
  { header: '类别', width: 70, align: 'center' },
  { header: '报告人', width: 80, align: 'center' },
  { header: '时长\n（分钟）', width: 60, align: 'center' },
];
const MAJOR_COLUMNS: TableColumn[] = [
  { header: '隐患编号', width: 84 },
  { header: '隐患描述', flex: 1 },
  { header: '车间', width: 70 },
  { header: '状态', width: 62, align: 'center' },
  { header: '整改期限', width: 66, align: 'center' },
];

const PROPOSAL_COLUMNS: TableColumn[] = [
  { header: '提案编号', width: 84 },
  { header: '案由', flex: 1 },
  { header: '类别', width: 58, align: 'center' },
  { header: '状态', width: 90, align: 'center' },
  { header: '答复\n类别', width: 36, align: 'center' },
  { header: '提案人\n意见', width: 50, align: 'center' },
  { header: '关联隐患', width: 70 },
];

/** 提案办理情况 under item 5: the counts in words, then one row per proposal (frozen with the papers). */
function proposalBlock(pdf: PdfDoc, s: SessionDetail) {
  const p = s.hazards.proposals;
  // a snapshot frozen before the proposals were recorded with it
  if (!p) return;
  pdf.gap(4);
  pdf.ensure(pdf.paraHeight('提案办理情况', { bold: true }) + 40);
  pdf.para('提案办理情况', { indent: 12, bold: true, gap: 2 });
  if (p.counts.total === 0) {
    pdf.para('本次会议及以前各次会议未收到提案。', { indent: 12 });
    return;
  }
  const when = s.hazardsFrozen ? `数据截至${dateCn(p.asOf)}会议通知发出时` : '实时数据';
  pdf.para(`（${when}）${countsText({ termId: s.termId, termNumber: s.termNumber, asOf: p.asOf, rows: [], counts: p.counts })}`, { indent: 12 });
  const table = new PdfTable(pdf, PROPOSAL_COLUMNS, { minRow: 18, padY: 3, padX: 4 }).begin();
  for (const r of p.rows) {
    table.row([
      r.serial,
      r.title,
      zh(`congress.proposal.category.${r.category}`),
      zh(`congress.proposal.state.${r.state}`) + (r.overdue ? '（逾期）' : ''),
      r.answerClass ?? '',
      r.feedback ? zh(`congress.proposal.feedback.${r.feedback}`) : '',
      hazardText({ ...r.hazards, allClosed: r.hazards.total > 0 && r.hazards.closed === r.hazards.total }),
    ]);
  }
  table.end();
  pdf.gap(6);
}

function itemBlock(pdf: PdfDoc, s: SessionDetail, item: AgendaItem) {
  heading(pdf, `${cnOrdinal(item.position)}、${item.title}（${zh(`congress.itemKind.${item.kind}`)}）`);
  if (item.presenter) pdf.para(`报告人：${item.presenter}`, { indent: 12 });
  if (item.materials.length > 0) pdf.para(`会议材料：${item.materials.map((m) => m.title).join('；')}`, { indent: 12 });
  if (item.templateKey === 'hazards') {
    const h = s.hazards;
    pdf.para(
      `隐患排查治理情况（${dateCn(h.from)}至${dateCn(h.to)}${s.hazardsFrozen ? `，数据截至${dateCn(h.asOf)}会议通知发出时` : '，实时数据'}）：发现隐患 ${h.found} 项，整改销号 ${h.closed} 项，尚未整改 ${h.open} 项，其中逾期 ${h.overdue} 项；重大隐患 ${h.majors.length} 项。`,
      { indent: 12 },
    );
    if (h.majors.length > 0) {
      const table = new PdfTable(pdf, MAJOR_COLUMNS, { minRow: 18, padY: 3 }).begin();
      for (const m of h.majors) table.row([m.serial, m.description, m.workshop ?? '', zh(`hazardStatus.${m.status}`), m.dueDate ?? '']);
      table.end();
      pdf.gap(6);
    }
    proposalBlock(pdf, s);
  }
  // the opening and the closing need no record of what was heard
  if (item.summary || (item.templateKey !== 'opening' && item.templateKey !== 'closing')) pdf.para(`审议情况：${item.summary ?? '（未记录）'}`, { indent: 12 });
  for (const v of item.votes) for (const line of voteLines(v)) pdf.para(line, { indent: 12, gap: 2 });
  if (item.resolution) pdf.para(`决议：${item.resolution}`, { indent: 12, bold: true });
}

export async function renderMinutes(s: SessionDetail, ctx: MinutesContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = `${sessionTitleCn(s)}纪要`;
  const pdf = createPdf({ title, subject: `${ctx.enterprise.name} ${title}`, createdAt: now });
  titleBlock(pdf, { enterprise: ctx.enterprise.name, title: sessionTitleCn(s), left: `会议类型：${zh(`congress.sessionKind.${s.kind}`)}`, right: `会议纪要` });
  runningHeader(pdf, `${ctx.enterprise.name}  ${title}（续）`, dateCn(s.date));
  pdf.para(`会议时间：${dateCn(s.date)}${s.time ? ` ${s.time}` : ''}`);
  pdf.para(`会议地点：${s.place ?? ''}`);
  pdf.para(`召集人：${s.convenor ?? ''}`);

  heading(pdf, '出席情况');
  const c = s.counts;
  pdf.para(`应到代表 ${c.entitled} 人，实到 ${c.present} 人，请假 ${c.leave} 人，缺席 ${c.absent} 人。`, { indent: 12 });
  pdf.para(
    `${zh(`congress.quorum.${s.termQuorumRule}`)}出席方为有效，须至少 ${c.quorum.needed} 人；实到 ${c.present} 人，${c.quorum.met ? '符合法定人数，会议有效' : '未达法定人数'}。`,
    { indent: 12 },
  );

  heading(pdf, '会议议程');
  const agenda = new PdfTable(pdf, AGENDA_COLUMNS, { minRow: 18, padY: 3 }).begin();
  if (s.agenda.length === 0) agenda.note('（无议程）');
  for (const i of s.agenda) agenda.row([i.position, i.title, zh(`congress.itemKind.${i.kind}`), i.presenter ?? '', i.plannedMinutes ?? '']);
  agenda.end();

  heading(pdf, '会议内容');
  // the signature lines stay on the page of the last item
  const signH = 24 + signatureLinesHeight(2, { spacing: 6 }) + 12;
  s.agenda.forEach((item, k) => (k === s.agenda.length - 1 ? pdf.keepWithNext(signH, () => itemBlock(pdf, s, item)) : itemBlock(pdf, s, item)));

  pdf.gap(24);
  pdf.ensure(signatureLinesHeight(2) + 12);
  signatureLines(pdf, [[{ label: '主持人（签字）：' }, { label: '记录人（签字）：' }], [{ label: '日期：', value: BLANK_DATE }]], { gap: 20 });
  return pdf.finish({ left: title, fingerprint: ctx.fingerprint });
}
