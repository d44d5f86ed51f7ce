// Imports of the wage records from xlsx/csv sheets (timekeeping, behaviour records, accidents): a preview first (each
// row's problems and row number; nothing written), then a commit in one transaction; cancel forgets the file. The
// writers are the records' (WAGE_RECORDERS), through the same validation as entry by hand.
import { z } from 'zod';
import { ch, defineContract, fileData } from '../../kernel/channel';
import { idSchema, localeSchema } from '../../kernel/schemas';
import type { FileRef } from '../../files';
import { period } from '../records/schemas';
import { WAGE_IMPORT_FIELDS, WAGE_IMPORT_KINDS, type WageImportPreview, type WageImportResult } from './types';

const kind = z.enum(WAGE_IMPORT_KINDS, { error: 'v.invalid' });
const mapping = z.partialRecord(z.enum(WAGE_IMPORT_FIELDS), z.union([z.number().int().min(0).max(500), z.null()])).optional();
/** timekeeping: the month of rows the file gives none for (a sheet with no month column); null forgets the choice */
const chosenPeriod = z.union([period, z.null()]).optional();

export const importsContract = defineContract(['wage'], {
  'wage.importPreview': ch<WageImportPreview>()(fileData.extend({ kind, mapping, period: chosenPeriod }).strict()),
  /** a new mapping, header row (1-based; the mapping is made again from it unless one is given) or month */
  'wage.importRemap': ch<WageImportPreview>()(
    z.object({ importId: idSchema, mapping, headerRow: z.number().int().min(1).max(1_000_000).optional(), period: chosenPeriod }).strict(),
  ),
  'wage.importCommit': ch<WageImportResult>()(z.object({ importId: idSchema, skipInvalid: z.boolean().optional().default(false) }).strict()),
  /** the rows the import refuses, as an .xlsx: the file's own cells and the reasons */
  'wage.importRejected': ch<FileRef>()(z.object({ importId: idSchema, locale: localeSchema.optional() }).strict()),
  /** an empty sheet of the kind to fill in (.xlsx), with a sheet that explains each column */
  'wage.importTemplate': ch<FileRef>()(z.object({ kind, locale: localeSchema.optional() }).strict()),
  'wage.importCancel': ch<{ cancelled: boolean }>()(z.object({ importId: idSchema }).strict()),
});
