// The worker roster (职工花名册): workers, import and export.
import { z } from 'zod';
import { byId, ch, defineContract, fileData } from '../kernel/channel';
import { idSchema, localeSchema } from '../kernel/schemas';
import type { AuditEntry, Page } from '../kernel/types';
import type { FileRef } from '../files';
import { workerInput, workerQuery } from './schemas';
import { IMPORT_TARGETS, type ImportPreview, type ImportResult, type Worker, type WorkerRow } from './types';

const mappingSchema = z.partialRecord(z.enum(IMPORT_TARGETS), z.union([z.number().int().min(0).max(500), z.null()])).optional();

export const rosterContract = defineContract(['workers', 'roster'], {
  'workers.list': ch<Page<WorkerRow>>()(workerQuery),
  'workers.get': ch<Worker>()(byId),
  'workers.create': ch<Worker>()(workerInput),
  'workers.update': ch<Worker>()(z.object({ id: idSchema, data: workerInput }).strict()),
  'workers.remove': ch<{ id: string }>()(byId),
  'workers.restore': ch<Worker>()(byId),
  'workers.history': ch<AuditEntry[]>()(byId),

  'roster.importPreview': ch<ImportPreview>()(fileData.extend({ mapping: mappingSchema }).strict()),
  /** a new mapping, or a new header row (1-based; the mapping is made again from it unless one is given) */
  'roster.importRemap': ch<ImportPreview>()(z.object({ importId: idSchema, mapping: mappingSchema, headerRow: z.number().int().min(1).max(1_000_000).optional() }).strict()),
  'roster.importCommit': ch<ImportResult>()(z.object({ importId: idSchema, skipInvalid: z.boolean().optional().default(false) }).strict()),
  /** the rows the import refuses, as an .xlsx: the file's own cells and the reasons */
  'roster.importRejected': ch<FileRef>()(z.object({ importId: idSchema, locale: localeSchema.optional() }).strict()),
  /** an empty roster to fill in (.xlsx) with a sheet that explains each column */
  'roster.importTemplate': ch<FileRef>()(z.object({ locale: localeSchema.optional() }).strict().optional().default({})),
  'roster.importCancel': ch<{ cancelled: boolean }>()(z.object({ importId: idSchema }).strict()),
  'roster.export': ch<FileRef>()(workerQuery.omit({ page: true, pageSize: true })),
});
