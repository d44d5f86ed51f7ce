// The one contract: every channel, its input schema and its output type.
// The backend handler map, the preload allow-list, both hosts, the typed client and the tests derive from it.
import { z } from 'zod';
import {
  enterpriseInput,
  idSchema,
  localeSchema,
  pinSchema,
  reqText,
  roleSchema,
  workerInput,
  workerQuery,
} from './schemas';
import { IMPORT_FIELDS } from './types';
import type {
  AppInfo,
  AuditEntry,
  Enterprise,
  FilePayload,
  ImportPreview,
  ImportResult,
  Operator,
  OrgUnit,
  Page,
  Worker,
  WorkerRow,
} from './types';
import type { Locale } from './glossary';
import type { HazardAction } from './hazard';
import {
  assignInput,
  cancelInput,
  confirmInput,
  hazardEdit,
  hazardInput,
  hazardQuery,
  lecSchema,
  statsInput,
  submitInput,
} from './hazardSchemas';
import type { AttachmentInfo, HazardDetail, HazardReminders, HazardRow, HazardRules, HazardStats, SavedView } from './types';

interface Channel<I extends z.ZodType, O> {
  input: I;
  /** false: callable before an operator signs in. */
  auth: boolean;
  /** only admins (the first operator and those they promote). */
  admin?: boolean;
  /** phantom: the output type */
  output?: O;
}
function ch<O>() {
  return <I extends z.ZodType>(input: I, opts: { auth?: boolean; admin?: boolean } = {}): Channel<I, O> => ({
    input,
    auth: opts.auth ?? true,
    admin: opts.admin ?? false,
  });
}

const none = z.object({}).strict().optional().default({});
const byId = z.object({ id: idSchema }).strict();

const mappingSchema = z
  .partialRecord(z.enum(IMPORT_FIELDS), z.union([z.number().int().min(0).max(500), z.null()]))
  .optional();

// ~20 MB of file content as base64
const fileData = z.object({
  fileName: z.string().min(1, { error: 'v.required' }).max(255),
  dataBase64: z.string().min(1, { error: 'v.required' }).max(28_000_000, { error: 'v.tooLong' }),
});

export const contract = {
  'app.info': ch<AppInfo>()(none, { auth: false }),
  'setup.init': ch<Operator>()(
    z
      .object({
        enterprise: enterpriseInput,
        operator: z.object({
          empNo: workerInput.shape.empNo,
          name: reqText(50),
          gender: z.enum(['M', 'F'], { error: 'v.gender' }),
          roles: z.array(roleSchema).min(1, { error: 'v.required' }),
          pin: z.union([pinSchema, z.literal(''), z.null()]).optional(),
        }),
      })
      .strict(),
    { auth: false },
  ),
  'session.operators': ch<Operator[]>()(none, { auth: false }),
  'session.signIn': ch<Operator>()(
    z.object({ operatorId: idSchema, pin: z.string().max(12).optional().nullable() }).strict(),
    { auth: false },
  ),
  'session.signOut': ch<{ signedOut: true }>()(none, { auth: false }),
  'settings.setLocale': ch<{ locale: Locale }>()(z.object({ locale: localeSchema }).strict(), { auth: false }),

  'enterprise.get': ch<Enterprise>()(none),
  'enterprise.update': ch<Enterprise>()(enterpriseInput, { admin: true }),

  'org.tree': ch<OrgUnit[]>()(z.object({ includeRetired: z.boolean().optional().default(false) }).strict()),
  'org.create': ch<OrgUnit>()(
    z
      .object({
        kind: z.enum(['workshop', 'team']),
        parentId: z.union([idSchema, z.null()]).optional().default(null),
        name: reqText(50),
      })
      .strict(),
  ),
  'org.rename': ch<OrgUnit>()(z.object({ id: idSchema, name: reqText(50) }).strict()),
  'org.move': ch<OrgUnit>()(z.object({ id: idSchema, parentId: idSchema }).strict()),
  'org.retire': ch<OrgUnit>()(byId),
  'org.restore': ch<OrgUnit>()(byId),

  'workers.list': ch<Page<WorkerRow>>()(workerQuery),
  'workers.get': ch<Worker>()(byId),
  'workers.create': ch<Worker>()(workerInput),
  'workers.update': ch<Worker>()(z.object({ id: idSchema, data: workerInput }).strict()),
  'workers.remove': ch<{ id: string }>()(byId),
  'workers.restore': ch<Worker>()(byId),
  'workers.history': ch<AuditEntry[]>()(byId),

  'roster.importPreview': ch<ImportPreview>()(fileData.extend({ mapping: mappingSchema }).strict()),
  'roster.importRemap': ch<ImportPreview>()(z.object({ importId: idSchema, mapping: mappingSchema }).strict()),
  'roster.importCommit': ch<ImportResult>()(
    z.object({ importId: idSchema, skipInvalid: z.boolean().optional().default(false) }).strict(),
  ),
  'roster.importCancel': ch<{ cancelled: boolean }>()(z.object({ importId: idSchema }).strict()),
  'roster.export': ch<FilePayload>()(workerQuery.omit({ page: true, pageSize: true })),

  'operators.list': ch<Operator[]>()(none),
  'operators.add': ch<Operator>()(
    z
      .object({
        workerId: idSchema,
        isAdmin: z.boolean().optional().default(false),
        pin: z.union([pinSchema, z.literal(''), z.null()]).optional(),
      })
      .strict(),
    { admin: true },
  ),
  'operators.setPin': ch<Operator>()(
    z.object({ operatorId: idSchema, pin: z.union([pinSchema, z.null()]) }).strict(),
  ),
  'operators.remove': ch<{ id: string }>()(byId, { admin: true }),

  // ---- hazard ledger ----
  'attachments.upload': ch<AttachmentInfo>()(fileData.strict()),
  'attachments.get': ch<FilePayload>()(z.object({ id: idSchema, size: z.enum(['thumb', 'full']).default('thumb') }).strict()),
  'hazards.report': ch<HazardDetail>()(hazardInput),
  'hazards.get': ch<HazardDetail>()(byId),
  'hazards.list': ch<Page<HazardRow>>()(hazardQuery),
  'hazards.edit': ch<HazardDetail>()(z.object({ id: idSchema, changes: hazardEdit }).strict()),
  'hazards.correct': ch<HazardDetail>()(
    z.object({ id: idSchema, changes: hazardEdit, reason: z.string().trim().min(1, { error: 'v.reason' }).max(1000) }).strict(),
  ),
  'hazards.confirm': ch<HazardDetail>()(confirmInput),
  'hazards.assign': ch<HazardDetail>()(assignInput),
  'hazards.start': ch<HazardDetail>()(z.object({ id: idSchema, comment: z.string().max(1000).optional() }).strict()),
  'hazards.submit': ch<HazardDetail>()(submitInput),
  'hazards.accept': ch<HazardDetail>()(z.object({ id: idSchema, comment: z.string().max(1000).optional() }).strict()),
  'hazards.reject': ch<HazardDetail>()(
    z.object({ id: idSchema, reason: z.string().trim().min(1, { error: 'v.reason' }).max(1000) }).strict(),
  ),
  'hazards.cancel': ch<HazardDetail>()(cancelInput),
  'hazards.addPhoto': ch<HazardDetail>()(
    z.object({ id: idSchema, attachmentId: idSchema, phase: z.enum(['before', 'after']) }).strict(),
  ),
  'hazards.removePhoto': ch<HazardDetail>()(z.object({ id: idSchema, attachmentId: idSchema }).strict()),
  'hazards.link': ch<HazardDetail>()(z.object({ id: idSchema, otherId: idSchema }).strict()),
  'hazards.unlink': ch<HazardDetail>()(z.object({ id: idSchema, otherId: idSchema }).strict()),
  'hazards.reminders': ch<HazardReminders>()(z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict().optional().default({ limit: 20 })),
  'hazards.stats': ch<HazardStats>()(statsInput),
  'hazards.exportLedger': ch<FilePayload>()(hazardQuery.omit({ page: true, pageSize: true })),
  'hazards.exportStats': ch<FilePayload>()(statsInput),
  'hazards.statsPdf': ch<FilePayload>()(statsInput),
  'hazards.noticePdf': ch<FilePayload>()(byId),
  'hazards.acceptancePdf': ch<FilePayload>()(byId),
  'hazards.rules': ch<HazardRules>()(none),
  'hazards.setRules': ch<HazardRules>()(
    z
      .object({
        thresholds: z
          .object({ red: z.number().positive(), orange: z.number().positive(), yellow: z.number().positive() })
          .refine((t) => t.red > t.orange && t.orange > t.yellow, { error: 'v.invalid' }),
        responseDays: z.number().int().min(1).max(90),
        acceptDays: z.number().int().min(1).max(90),
        dueSoonDays: z.number().int().min(1).max(60),
      })
      .strict(),
    { admin: true },
  ),
  'hazards.lecPreview': ch<{ d: number; risk: string }>()(lecSchema),
  'views.list': ch<SavedView[]>()(z.object({ kind: z.enum(['hazards']) }).strict()),
  'views.save': ch<SavedView>()(
    z.object({ kind: z.enum(['hazards']), name: reqText(40), query: z.record(z.string(), z.unknown()) }).strict(),
  ),
  'views.remove': ch<{ id: string }>()(byId),
  'drafts.get': ch<{ data: unknown | null; savedAt: string | null }>()(z.object({ kind: z.enum(['hazard']) }).strict()),
  'drafts.save': ch<{ savedAt: string }>()(
    z.object({ kind: z.enum(['hazard']), data: z.record(z.string(), z.unknown()) }).strict().refine((v) => JSON.stringify(v.data).length < 200_000, { error: 'v.tooLong' }),
  ),
  'drafts.clear': ch<{ cleared: boolean }>()(z.object({ kind: z.enum(['hazard']) }).strict()),
} as const;

export type { HazardAction };

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelParsed<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = NonNullable<Contract[K]['output']>;
export const CHANNELS = Object.keys(contract) as ChannelName[];
export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
