// The hazard ledger (隐患排查治理台账).
import { z } from 'zod';
import { byId, ch, defineContract, none } from '../kernel/channel';
import { idSchema } from '../kernel/schemas';
import type { Page } from '../kernel/types';
import type { FileRef } from '../files';
import type { HazardRules } from './rules';
import { assignInput, cancelInput, confirmInput, hazardEdit, hazardInput, hazardQuery, lecSchema, majorEvaluateInput, majorReportInput, majorSuperviseInput, statsInput, submitInput } from './schemas';
import type { HazardDetail, HazardReminders, HazardRow, HazardStats } from './types';
import type { MyTasks } from './mine';

export const hazardRulesInput = z
  .object({
    thresholds: z
      .object({ red: z.number().positive(), orange: z.number().positive(), yellow: z.number().positive() })
      .refine((t) => t.red > t.orange && t.orange > t.yellow, { error: 'v.thresholdOrder', path: ['orange'] }),
    responseDays: z.number().int().min(1).max(90),
    acceptDays: z.number().int().min(1).max(90),
    dueSoonDays: z.number().int().min(1).max(60),
  })
  .strict();

const reasonText = z.string().trim().min(1, { error: 'v.reason' }).max(1000);
const withComment = z.object({ id: idSchema, comment: z.string().max(1000).optional() }).strict();
const pair = z.object({ id: idSchema, otherId: idSchema }).strict();

export const hazardsContract = defineContract(['hazards'], {
  'hazards.report': ch<HazardDetail>()(hazardInput),
  'hazards.get': ch<HazardDetail>()(byId),
  'hazards.list': ch<Page<HazardRow>>()(hazardQuery),
  'hazards.edit': ch<HazardDetail>()(z.object({ id: idSchema, changes: hazardEdit }).strict()),
  'hazards.correct': ch<HazardDetail>()(z.object({ id: idSchema, changes: hazardEdit, reason: reasonText }).strict()),
  'hazards.confirm': ch<HazardDetail>()(confirmInput),
  'hazards.assign': ch<HazardDetail>()(assignInput),
  'hazards.start': ch<HazardDetail>()(withComment),
  'hazards.submit': ch<HazardDetail>()(submitInput),
  'hazards.accept': ch<HazardDetail>()(withComment),
  'hazards.reject': ch<HazardDetail>()(z.object({ id: idSchema, reason: reasonText }).strict()),
  'hazards.cancel': ch<HazardDetail>()(cancelInput),
  'hazards.majorReport': ch<HazardDetail>()(majorReportInput),
  'hazards.majorSupervise': ch<HazardDetail>()(majorSuperviseInput),
  'hazards.majorEvaluate': ch<HazardDetail>()(majorEvaluateInput),
  'hazards.addPhoto': ch<HazardDetail>()(z.object({ id: idSchema, attachmentId: idSchema, phase: z.enum(['before', 'after']) }).strict()),
  'hazards.removePhoto': ch<HazardDetail>()(z.object({ id: idSchema, attachmentId: idSchema }).strict()),
  'hazards.link': ch<HazardDetail>()(pair),
  'hazards.unlink': ch<HazardDetail>()(pair),
  'hazards.reminders': ch<HazardReminders>()(
    z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict().optional().default({ limit: 20 }),
  ),
  // 待我处理 on the home page (shared/hazards/mine.ts)
  'hazards.mine': ch<MyTasks>()(z.object({ limit: z.number().int().min(1).max(100).default(10) }).strict().optional().default({ limit: 10 })),
  'hazards.stats': ch<HazardStats>()(statsInput),
  'hazards.exportLedger': ch<FileRef>()(hazardQuery.omit({ page: true, pageSize: true })),
  'hazards.ledgerPdf': ch<FileRef>()(hazardQuery.omit({ page: true, pageSize: true })),
  'hazards.exportStats': ch<FileRef>()(statsInput),
  'hazards.statsPdf': ch<FileRef>()(statsInput),
  'hazards.noticePdf': ch<FileRef>()(byId),
  'hazards.acceptancePdf': ch<FileRef>()(byId),
  'hazards.rules': ch<HazardRules>()(none),
  'hazards.setRules': ch<HazardRules>()(hazardRulesInput, { admin: true }),
  'hazards.lecPreview': ch<{ d: number; risk: string }>()(lecSchema),
});
