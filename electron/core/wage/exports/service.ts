// The payroll exports of an approved run as output files: the wide xlsx, the long CSV, the slips and the monthly
// summary. Each reads the run's lines once, lays them out with the pure layouts (shared/wage/exports/layout.ts) and hands
// them to its writer; a run not approved is refused (payroll is what was approved, nothing else), and the full ID
// number only goes to the wage runners. Exceljs and pdfkit load on the first export.
import type { FileRef } from '../../../../shared/files';
import { AppError } from '../../../../shared/result';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { WAGE_RUNNERS } from '../../../../shared/wage/scheme';
import {
  longCsv,
  slipBlocks,
  wideSheet,
  workshopSummary,
  type ComponentHead,
  type CsvEncoding,
  type IdCardMode,
} from '../../../../shared/wage/exports/layout';
import type { RunDetail, RunLine } from '../../../../shared/wage/runs/types';
import { chainHead } from '../../auditChain';
import type { Store } from '../../db/store';
import { writeOutputFile } from '../../documents/output';
import { getEnterprise } from '../../enterprise/service';
import { signedIn, type Ctx } from '../../kernel/handlers';
import { PDF_MIME, XLSX_MIME } from '../../kernel/mime';
import { allRunLines, getRun } from '../runs/service';

const CSV_MIME = 'text/csv';

/** The component columns of a run, named as its scheme version named them (Chinese, like the paper). */
export const runHeads = (run: RunDetail): ComponentHead[] => run.indicators.map((i) => ({ code: i.code, name: i.name['zh-CN'] }));

/** An approved run with its lines; anything else is refused with the run's period and version. */
export function approvedRun(store: Store, runId: string, idCard: IdCardMode = 'masked'): { run: RunDetail; lines: RunLine[]; heads: ComponentHead[] } {
  const run = getRun(store, runId);
  if (run.state !== 'approved') throw new AppError('CONFLICT', 'err.wage.export.notApproved', { period: run.period, version: run.version });
  return { run, lines: allRunLines(store, runId, idCard), heads: runHeads(run) };
}

const docCtx = (ctx: Ctx, run: RunDetail) => ({ enterprise: getEnterprise(ctx.store), run, fingerprint: chainHead(ctx.store).fingerprint });

export async function payrollXlsx(ctx: Ctx, i: { runId: string; idCard: IdCardMode }): Promise<FileRef> {
  if (i.idCard === 'full' && !holdsAnyRole(signedIn(ctx), WAGE_RUNNERS)) throw new AppError('FORBIDDEN', 'err.wage.export.fullIdRunnersOnly');
  const { run, lines, heads } = approvedRun(ctx.store, i.runId, i.idCard);
  const sheet = wideSheet(lines, heads, i.idCard);
  const { writePayrollXlsx } = await import('./payrollXlsx');
  const name = `${run.period} 能级工资发放表${i.idCard === 'full' ? '' : '（身份证号脱敏）'}.xlsx`;
  return writeOutputFile(ctx.env.files, name, XLSX_MIME, (p) => writePayrollXlsx(p, sheet, docCtx(ctx, run)));
}

export async function payrollCsv(ctx: Ctx, i: { runId: string; encoding: CsvEncoding }): Promise<FileRef> {
  const { run, lines, heads } = approvedRun(ctx.store, i.runId);
  const { encodeCsv } = await import('./csv');
  const bytes = encodeCsv(longCsv(lines, heads, run.period), i.encoding);
  return ctx.env.files.fromBuffer(`${run.period} 能级工资明细（${i.encoding === 'gbk' ? 'GBK' : 'UTF-8'}）.csv`, CSV_MIME, bytes);
}

export async function slipsPdf(ctx: Ctx, i: { runId: string; workerIds?: string[] | undefined }): Promise<FileRef> {
  const { run, lines, heads } = approvedRun(ctx.store, i.runId);
  let chosen = lines;
  if (i.workerIds) {
    const want = new Set(i.workerIds);
    chosen = lines.filter((l) => want.has(l.workerId));
    const missing = want.size - chosen.length;
    if (missing > 0) throw new AppError('NOT_FOUND', 'err.wage.export.unknownWorkers', { count: missing });
  }
  const { renderSlips } = await import('./slipsPdf');
  const buffer = await renderSlips(slipBlocks(chosen, heads, run.period), docCtx(ctx, run));
  const who = chosen.length === 1 ? ` ${chosen[0]!.empNo} ${chosen[0]!.name}` : '';
  return ctx.env.files.fromBuffer(`${run.period} 能级工资条${who}.pdf`, PDF_MIME, buffer);
}

export async function summaryPdf(ctx: Ctx, i: { runId: string }): Promise<FileRef> {
  const { run, lines, heads } = approvedRun(ctx.store, i.runId);
  const { renderSummary } = await import('./summaryPdf');
  const order = new Map(ctx.store.all<{ id: string; sort_order: number }>(`SELECT id, sort_order FROM org_units WHERE kind = 'workshop'`).map((u) => [u.id, u.sort_order]));
  const buffer = await renderSummary(workshopSummary(lines, heads, order), docCtx(ctx, run));
  return ctx.env.files.fromBuffer(`${run.period} 能级工资汇总表.pdf`, PDF_MIME, buffer);
}
