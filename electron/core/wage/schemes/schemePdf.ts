// A scheme version's text (能级工资方案) as a PDF on the shared toolkit: its state and adoption, the indicators with their
// source, scoring rule in words, weight, safety flag and cap, how points become money, the total cap, the veto, pro rata
// and the one rounding rule; signature lines for the committee. Chinese, like the congress papers it is attached to.
// Deterministic for the same input and `now`.
import type { Enterprise } from '../../../../shared/enterprise/types';
import { term } from '../../../../shared/glossary';
import { skillGradeLabel, type IndicatorSource } from '../../../../shared/wage/catalogue';
import type { MoneyRule, ScoringRule } from '../../../../shared/wage/rules';
import type { SchemeIndicatorDef, SchemeVersion } from '../../../../shared/wage/schemes/types';
import { BLANK_DATE, createPdf, PdfTable, runningHeader, signatureLines, signatureLinesHeight, titleBlock, type PdfDoc } from '../../documents/pdf';

export interface SchemePdfContext {
  enterprise: Enterprise;
  fingerprint: string;
  now?: Date;
}

const zh = (key: string, vars?: Record<string, string | number>) => term(key, 'zh-CN', vars);
const dateCn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** points as written (up to two decimals, no trailing zeros) */
const pts = (n: number) => String(Number(n.toFixed(2)));
/** fen as 元 with two decimals */
export const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** a perEvent / lookup key in words: hazard grades by name, skill grades by the roster's names (1 → 一级（高级技师）) */
function keyWords(key: string, unit: string, source?: IndicatorSource): string {
  if (key === 'general' || key === 'major') return zh(`hazardGrade.${key}`);
  return /^[1-5]$/.test(key.trim()) && (source === 'roster.skillGrade' || unit === '级') ? skillGradeLabel(key, 'zh-CN') : key;
}

/** A scoring rule in words, e.g. 「满 80 小时 40 分；满 120 小时 60 分；不足 80 小时 0 分」. */
export function ruleWords(rule: ScoringRule, unit: string, source?: IndicatorSource): string {
  switch (rule.kind) {
    case 'tiers': {
      const parts = rule.tiers.map((t) => `满 ${pts(t.min)} ${unit} 得 ${pts(t.points)} 分`);
      if (rule.tiers.length > 0) parts.push(`不足 ${pts(rule.tiers[0]!.min)} ${unit} 得 ${pts(rule.below ?? 0)} 分`);
      return `分档计分：${parts.join('；')}`;
    }
    case 'linear':
      return `线性计分：每 1 ${unit} 计 ${pts(rule.perUnit)} 分，最低 ${pts(rule.floor)} 分，最高 ${pts(rule.cap)} 分`;
    case 'perEvent': {
      const parts = Object.entries(rule.points).map(([k, p]) => `${keyWords(k, unit, source)}每项 ${pts(p)} 分`);
      if (rule.other !== undefined) parts.push(`其他每项 ${pts(rule.other)} 分`);
      const bounds = [rule.floor !== undefined ? `最低 ${pts(rule.floor)} 分` : null, rule.cap !== undefined ? `最高 ${pts(rule.cap)} 分` : null].filter(Boolean);
      return `按次计分：${parts.join('；')}${bounds.length ? `；合计${bounds.join('，')}` : ''}`;
    }
    case 'lookup': {
      const parts = Object.entries(rule.table).map(([k, p]) => `${keyWords(k, unit, source)} ${pts(p)} 分`);
      return `对照表：${parts.join('；')}；无记录或不在表中 ${pts(rule.missing)} 分`;
    }
  }
}

/** How weighted points become money, in words. */
export function moneyWords(m: MoneyRule): string {
  switch (m.kind) {
    case 'pointValue':
      return `点值法：每分 ${yuan(m.fenPerPoint)} 元，各项金额 = 加权得分 × 点值`;
    case 'baseTimesCoefficient':
      return `基数 × 系数：基数 ${yuan(m.baseFen)} 元，系数 = 加权得分 ÷ ${pts(m.pointsPerUnit ?? 100)}，各项金额 = 基数 × 系数`;
    case 'budget':
      return `奖金总额分配：每期奖金总额 ${yuan(m.budgetFen)} 元，点值 = 奖金总额 ÷ 全员加权总分，各项金额 = 加权得分 × 点值`;
  }
}

function stateLines(s: SchemeVersion): string[] {
  const out = [`状态：${zh(`wage.scheme.state.${s.state}`)}`];
  if (s.sessionLabel) out.push(`提交：${s.sessionLabel}表决${s.state === 'proposed' ? '（待表决）' : ''}`);
  if (s.verdict) out.push(`职代会表决结果：${s.verdict === 'passed' ? '通过' : '未通过'}${s.adoptedOn && s.verdict === 'passed' ? `（${dateCn(s.adoptedOn)}）` : ''}`);
  if (s.adoption) out.push(`其他方式通过：文号 ${s.adoption.docNo}，${dateCn(s.adoption.date)}`);
  if (s.effectiveFrom) out.push(`自${dateCn(s.effectiveFrom)}起执行`);
  if (s.supersededOn) out.push(`自${dateCn(s.supersededOn)}起废止`);
  return out;
}

function indicatorTable(pdf: PdfDoc, indicators: readonly SchemeIndicatorDef[]) {
  const table = new PdfTable(pdf, [
    { header: '序号', width: 36, align: 'center' },
    { header: '指标', width: 100, onSplit: 'repeat' },
    { header: '数据来源', width: 84 },
    { header: '计分规则', flex: 1 },
    { header: '权重', width: 48, align: 'right' },
    { header: '单项封顶\n（元）', width: 64, align: 'right' },
  ]).begin();
  indicators.forEach((ind, k) =>
    table.row([
      k + 1,
      `${ind.name['zh-CN']}（${ind.code}）${ind.safety ? '\n安全类' : ''}`,
      zh(`wage.indicatorSource.${ind.source}`),
      ruleWords(ind.rule, ind.unit['zh-CN'], ind.source),
      `${ind.weightPct}%`,
      ind.capFen === null ? '不封顶' : yuan(ind.capFen),
    ]),
  );
  table.row(['', '合计', '', '', `${indicators.reduce((s, i) => s + i.weightPct, 0)}%`, ''], 'total');
  table.end();
}

/** A numbered section: its heading kept on the page of its first paragraph. */
function section(pdf: PdfDoc, head: string, paras: readonly string[]) {
  pdf.ensure(pdf.paraHeight(head, { bold: true, size: 12 }) + 4 + pdf.paraHeight(paras[0] ?? '', { indent: 24 }) + 6);
  pdf.para(head, { bold: true, size: 12, gap: 4 });
  paras.forEach((t, k) => pdf.para(t, { indent: 24, gap: k === paras.length - 1 ? 6 : 2 }));
}

export async function renderSchemePdf(s: SchemeVersion, ctx: SchemePdfContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = `${s.name}（第${s.version}版）`;
  const pdf = createPdf({ title, subject: `${ctx.enterprise.name} ${title}`, createdAt: now });
  titleBlock(pdf, { enterprise: ctx.enterprise.name, title: s.name, left: `第 ${s.version} 版`, right: s.effectiveFrom ? `自${dateCn(s.effectiveFrom)}起执行` : '' });
  runningHeader(pdf, `${ctx.enterprise.name}  ${title}（续）`, zh(`wage.scheme.state.${s.state}`));
  for (const line of stateLines(s)) pdf.para(line, { gap: 2 });
  if (s.note) pdf.para(`说明：${s.note}`, { gap: 2 });
  const c = s.content;
  pdf.gap(8);
  section(pdf, '一、考核指标与计分规则', ['每项指标按本期原始数据计分，得分乘以权重为加权得分。']);
  indicatorTable(pdf, c.indicators);
  pdf.gap(10);
  section(pdf, '二、得分折算金额', [
    moneyWords(c.money),
    c.totalCapFen === null ? '个人合计不封顶。' : `个人合计封顶 ${yuan(c.totalCapFen)} 元：超出部分按各项金额比例扣减。`,
    '金额以分为单位，各项金额四舍五入到分，个人合计为各项金额之和。',
  ]);
  const safety = c.indicators.filter((i) => i.safety).map((i) => i.name['zh-CN']);
  section(pdf, '三、一票否决', [
    c.veto.severities.length === 0
      ? '本方案不设一票否决。'
      : `当期发生${c.veto.severities.map((v) => zh(`wage.severity.${v}`)).join('、')}事故的，事故当事职工${c.veto.team ? '及事故所在班组全体职工' : ''}当期安全类指标（${safety.join('、') || '无'}）金额为零。`,
  ]);
  section(pdf, '四、折算', [c.proRata ? '月中入职或离职的职工，各项金额按当月在册天数 ÷ 当月天数折算。' : '月中入职或离职的职工不折算，按全月计发。']);
  pdf.gap(20);
  const signH = signatureLinesHeight(2, { spacing: 6 }) + 12;
  pdf.ensure(signH);
  signatureLines(pdf, [[{ label: '工会（盖章）：' }, { label: '企业（盖章）：' }], [{ label: '日期：', value: BLANK_DATE }]], { gap: 20 });
  return pdf.finish({ left: title, fingerprint: ctx.fingerprint });
}
