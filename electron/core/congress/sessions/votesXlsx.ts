// The vote results of a session (表决结果统计表) as xlsx on the shared toolkit (electron/core/documents/xlsx): one row per
// vote (an election has one per candidate) — method, the base (all representatives entitled), present, ballots issued,
// yes / no / abstain / invalid, the yes votes needed, the verdict in words, the status and when it was announced, and
// any correction with its reason; then the attendance with the quorum sentence and the signature lines of the tellers.
// Chinese, like the paper.
import type { SessionDetail, Vote } from '../../../../shared/congress/sessions/types';
import type { Enterprise } from '../../../../shared/enterprise/types';
import { term } from '../../../../shared/glossary';
import { writeXlsxFile, type XlsxColumn } from '../../documents/xlsx';
import { sessionTitleCn } from './minutesPdf';

export const VOTE_COLUMNS = [
  { header: '序号', width: 6, format: 'integer', align: 'center' },
  { header: '议题', width: 30, wrap: true },
  { header: '类别', width: 10, align: 'center' },
  { header: '候选人', width: 10, align: 'center' },
  { header: '表决方式', width: 11, align: 'center' },
  { header: '应到代表\n（基数）', width: 9, format: 'integer' },
  { header: '实到', width: 7, format: 'integer' },
  { header: '发出票数', width: 8, format: 'integer' },
  { header: '赞成', width: 7, format: 'integer' },
  { header: '反对', width: 7, format: 'integer' },
  { header: '弃权', width: 7, format: 'integer' },
  { header: '无效', width: 7, format: 'integer' },
  { header: '通过所需\n赞成票', width: 9, format: 'integer' },
  { header: '结果', width: 9, align: 'center' },
  { header: '结果说明', width: 46, wrap: true },
  { header: '状态', width: 8, align: 'center' },
  { header: '宣布时间', width: 17, format: 'datetime' },
  { header: '更正', width: 24, wrap: true },
] as const satisfies readonly XlsxColumn[];

const zh = (key: string, vars?: Record<string, string | number>) => term(key, 'zh-CN', vars);

/** The verdict in one or two words: 通过 / 未通过 / 当选 / 未当选 / 表决无效; empty while not counted. */
export function verdictWord(v: Pick<Vote, 'verdict' | 'candidate'>): string {
  if (!v.verdict) return '';
  if (v.verdict === 'noQuorum') return '表决无效';
  if (v.candidate) return v.verdict === 'passed' ? '当选' : '未当选';
  return v.verdict === 'passed' ? '通过' : '未通过';
}

/** The verdict as a sentence with its base, as the minutes state it. */
export function verdictSentence(v: Vote): string {
  if (!v.counts || !v.verdict) return '';
  if (v.verdict === 'noQuorum') return zh('congress.verdict.noQuorum');
  const vars = { base: v.entitled, yes: v.counts.yes, needed: v.needed, candidate: v.candidate ?? '' };
  return v.candidate ? zh(`congress.elected.${v.verdict}`, vars) : zh(`congress.verdict.${v.verdict}`, vars);
}

export async function writeVoteResultsXlsx(filePath: string, s: SessionDetail, ctx: { enterprise: Enterprise; fingerprint?: string; now?: Date }): Promise<number> {
  const now = ctx.now ?? new Date();
  const n = VOTE_COLUMNS.length;
  return writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({
        name: '表决结果',
        columns: VOTE_COLUMNS,
        title: `${ctx.enterprise.name}${sessionTitleCn(s)}表决结果统计表`,
        subtitle: { left: `会议日期：${s.date}${s.place ? `\u3000地点：${s.place}` : ''}\u3000会议类型：${zh(`congress.sessionKind.${s.kind}`)}`, right: `应到 ${s.counts.entitled} 人\u3000实到 ${s.counts.present} 人` },
        freezeColumns: 2,
        headerHeight: 32,
        print: { ...(ctx.fingerprint ? { footerLeft: `数据指纹 ${ctx.fingerprint}` } : {}) },
      });
      let rows = 0;
      for (const item of s.agenda) {
        for (const v of item.votes) {
          const c = v.counts;
          sheet.addRow([
            item.position,
            item.title,
            zh(`congress.itemKind.${item.kind}`),
            v.candidate ?? '',
            zh(`congress.voteMethod.${v.method}`),
            v.entitled,
            v.present,
            c?.issued,
            c?.yes,
            c?.no,
            c?.abstain,
            c?.invalid,
            v.needed,
            verdictWord(v),
            verdictSentence(v),
            zh(`congress.voteStatus.${v.status}`),
            v.announcedAt ?? '',
            v.corrections > 0 ? `更正 ${v.corrections} 次：${v.correctionReason ?? ''}` : '',
          ]);
          rows++;
        }
      }
      if (rows === 0) sheet.addText([{ text: '本次会议尚无表决。', from: 1, to: n }], { height: 22 });
      const q = s.counts;
      sheet.addText(
        [
          {
            text:
              `说明：应到代表 ${q.entitled} 人，实到 ${q.present} 人，请假 ${q.leave} 人，缺席 ${q.absent} 人；${zh(`congress.quorum.${s.termQuorumRule}`)}出席方为有效，须至少 ${q.quorum.needed} 人，` +
              `${q.quorum.met ? '符合法定人数' : '未达法定人数'}。表决事项和选举须经全体职工代表的过半数（不是出席或投票代表的过半数）赞成方为通过。`,
            from: 1,
            to: n,
          },
        ],
        { height: 36, wrap: true, gapBefore: 1 },
      );
      sheet.addText(
        [
          { text: '监票人（签字）：', from: 1, to: 4 },
          { text: '计票人（签字）：', from: 5, to: 10 },
          { text: '主持人（签字）：', from: 11, to: 15 },
          { text: '日期：      年    月    日', from: 16, to: n },
        ],
        { height: 30, gapBefore: 1 },
      );
      sheet.commit();
    },
    { createdAt: now },
  );
}
