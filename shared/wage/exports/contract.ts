// The payroll exports of an approved run — the wide xlsx, the long CSV, the slips and the monthly summary as PDFs — and
// the what-if of a scheme version over past months with its workbook. Exports need an approved run (a run still being
// reviewed is not payroll); the full ID number is for the wage runners only. Anyone signed in may run a what-if.
import { ch, defineContract } from '../../kernel/channel';
import type { FileRef } from '../../files';
import type { WhatIfResult } from '../whatif';
import { payrollCsvInput, payrollXlsxInput, slipsPdfInput, summaryPdfInput, whatIfInput } from './schemas';

export const exportsContract = defineContract(['wage'], {
  /** 工号, 姓名, 身份证号 (masked or full), 车间, 班组, one column per component, 合计; a totals row */
  'wage.payrollXlsx': ch<FileRef>()(payrollXlsxInput),
  /** long: worker, component, amount (元), period — UTF-8 with a BOM or GBK */
  'wage.payrollCsv': ch<FileRef>()(payrollCsvInput),
  /** 工资条, several to a page */
  'wage.slipsPdf': ch<FileRef>()(slipsPdfInput),
  /** by workshop, with the signature lines and the audit-chain fingerprint */
  'wage.summaryPdf': ch<FileRef>()(summaryPdfInput),
  /** a version applied to past months, compared with the version effective in each */
  'wage.whatIf': ch<WhatIfResult>()(whatIfInput),
  /** the same as a workbook: by month, distribution, gainers, losers, by workshop */
  'wage.whatIfXlsx': ch<FileRef>()(whatIfInput),
});
