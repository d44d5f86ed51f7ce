// The resolutions of a session alone (职工代表大会决议) as a PDF on the shared toolkit: the preamble (when and where the
// congress met, the attendance and the quorum), then one numbered resolution per item whose vote passed and was
// announced, each with its vote result (base and verdict in words); signature lines for the chair and the recorder;
// page numbers and the audit-chain fingerprint on every page. Chinese, like the paper. Deterministic for the same
// input and `now`.
import type { AgendaItem, SessionDetail } from '../../../../shared/congress/sessions/types';
import type { Enterprise } from '../../../../shared/enterprise/types';
import { term } from '../../../../shared/glossary';
import { BLANK_DATE, createPdf, runningHeader, signatureLines, signatureLinesHeight, titleBlock, type PdfDoc } from '../../documents/pdf';
import { cnOrdinal, sessionTitleCn } from './minutesPdf';

export interface ResolutionsContext {
  enterprise: Enterprise;
  fingerprint: string;
  now?: Date;
}

const zh = (key: string, vars?: Record<string, string | number>) => term(key, 'zh-CN', vars);
const dateCn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The items carrying a resolution, in agenda order. */
export const resolvedItems = (s: SessionDetail): AgendaItem[] => s.agenda.filter((i) => !!i.resolution?.trim());

/** The result under a resolution: the counts, then the verdict in words with its base (announced votes only). */
function resultLines(item: AgendaItem): string[] {
  const out: string[] = [];
  for (const v of item.votes) {
    if (v.status !== 'announced' || !v.counts || !v.verdict) continue;
    const c = v.counts;
    const vars = { base: v.entitled, yes: c.yes, needed: v.needed, candidate: v.candidate ?? '' };
    const verdict = v.verdict === 'noQuorum' ? zh('congress.verdict.noQuorum') : v.candidate ? zh(`congress.elected.${v.verdict}`, vars) : zh(`congress.verdict.${v.verdict}`, vars);
    out.push(`（${zh(`congress.voteMethod.${v.method}`)}：赞成 ${c.yes} 票，反对 ${c.no} 票，弃权 ${c.abstain} 票，无效 ${c.invalid} 票。${verdict}）`);
  }
  return out;
}

function resolutionBlock(pdf: PdfDoc, item: AgendaItem, n: number) {
  const head = `${cnOrdinal(n)}、关于“${item.title}”`;
  pdf.gap(4);
  pdf.ensure(pdf.paraHeight(head, { bold: true, size: 12 }) + 40);
  pdf.para(head, { bold: true, size: 12, gap: 4 });
  pdf.para(item.resolution!.trim(), { indent: 24, gap: 4 });
  for (const line of resultLines(item)) pdf.para(line, { indent: 24, gap: 2, color: '#333333' });
}

export async function renderResolutions(s: SessionDetail, ctx: ResolutionsContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const name = sessionTitleCn(s);
  const title = `${name}决议`;
  const pdf = createPdf({ title, subject: `${ctx.enterprise.name} ${title}`, createdAt: now });
  titleBlock(pdf, { enterprise: ctx.enterprise.name, title, left: `会议类型：${zh(`congress.sessionKind.${s.kind}`)}`, right: `${dateCn(s.date)}通过` });
  runningHeader(pdf, `${ctx.enterprise.name}  ${title}（续）`, dateCn(s.date));
  const c = s.counts;
  pdf.para(
    `${ctx.enterprise.name}${name}${s.kind === 'safety' ? '（安全生产专题）' : ''}于${dateCn(s.date)}${s.place ? `在${s.place}` : ''}召开。` +
      `应到代表 ${c.entitled} 人，实到 ${c.present} 人，请假 ${c.leave} 人，缺席 ${c.absent} 人，${c.quorum.met ? '符合法定人数' : '未达法定人数'}。` +
      '会议按照全体职工代表过半数同意方为通过的规则，经表决作出如下决议：',
    { gap: 10 },
  );
  const items = resolvedItems(s);
  if (items.length === 0) pdf.para('（本次会议尚无决议。）', { indent: 24 });
  // the signature lines stay on the page of the last resolution
  const signH = 28 + signatureLinesHeight(2, { spacing: 6 }) + 12;
  items.forEach((item, k) => (k === items.length - 1 ? pdf.keepWithNext(signH, () => resolutionBlock(pdf, item, k + 1)) : resolutionBlock(pdf, item, k + 1)));
  if (s.status !== 'closed') pdf.para('（会议尚在进行中，本决议以闭会时的文本为准。）', { indent: 24, gap: 4 });
  pdf.gap(24);
  pdf.ensure(signatureLinesHeight(2) + 12);
  signatureLines(pdf, [[{ label: '主持人（签字）：' }, { label: '记录人（签字）：' }], [{ label: '日期：', value: BLANK_DATE }]], { gap: 20 });
  return pdf.finish({ left: title, fingerprint: ctx.fingerprint });
}
