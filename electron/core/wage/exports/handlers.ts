import { exportsContract } from '../../../../shared/wage/exports/contract';
import { defineHandlers } from '../../kernel/handlers';
import * as exp from './service';
import { whatIf, whatIfXlsx } from './whatIf';

export const exportsHandlers = defineHandlers(exportsContract, {
  'wage.payrollXlsx': (i, ctx) => exp.payrollXlsx(ctx, i),
  'wage.payrollCsv': (i, ctx) => exp.payrollCsv(ctx, i),
  'wage.slipsPdf': (i, ctx) => exp.slipsPdf(ctx, i),
  'wage.summaryPdf': (i, ctx) => exp.summaryPdf(ctx, i),
  'wage.whatIf': (i, ctx) => whatIf(ctx.store, i),
  'wage.whatIfXlsx': (i, ctx) => whatIfXlsx(ctx, i),
});
