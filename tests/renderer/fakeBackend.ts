// An in-memory stand-in for the Ankang backend, for renderer tests.
//
// It is installed with setTransport() and answers the channels the UI uses. Like the real Core.dispatch it
//  - rejects unknown channels (UNKNOWN_CHANNEL),
//  - parses every input with the real zod schema from shared/contract.ts and answers VALIDATION with
//    field issues when the UI sends bad input,
//  - enforces sign-in (UNAUTHENTICATED) and admin-only channels (FORBIDDEN),
// and records every call (raw input, parsed input, result) so tests can assert what the UI sent.
import { contract, isChannel, type ChannelName, type ChannelOutput, type ChannelParsed } from '../../shared/contract';
import type { Locale } from '../../shared/kernel/i18n';
import type { AppErrorData, ErrorCode, Result } from '../../shared/result';
import { idCardCheckChar, maskIdCard } from '../../shared/roster/idcard';
import { usccCheckChar } from '../../shared/enterprise/uscc';
import { toFieldIssues } from '../../shared/kernel/schemas';
import { type WorkerData } from '../../shared/roster/schemas';
import type { AppInfo } from '../../shared/app/types';
import type { Enterprise } from '../../shared/enterprise/types';
import type { ImportPreview, Worker, WorkerRow } from '../../shared/roster/types';
import type { Operator } from '../../shared/operators/types';
import type { OrgUnit } from '../../shared/org/types';
import type { FileRef } from '../../shared/files';
import { CERT_STATUSES } from '../../shared/health/certs/rules';
import type { CertPage } from '../../shared/health/certs/types';
import { ALERT_KINDS, type DuePage } from '../../shared/health/plan/types';
import type { HoursResult } from '../../shared/education/hours/types';
import { setTransport, type CallOptions, type Transport } from '../../renderer/src/lib/api';
import { congressRepsHandlers, newCongressRepsState, type CongressRepsState } from './congressRepsFake';
import { newWageRecordsState, wageRecordsHandlers, type WageRecordsState } from './wageRecordsFake';
import { newWageRunsState, wageRunsHandlers, type WageRunsState } from './wageRunsFake';
import { newWageSchemesState, wageSchemesHandlers, type WageSchemesState } from './wageSchemesFake';

/** Thrown by a handler; becomes `{ ok: false, error }` like AppError in the real backend. */
export class FakeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: AppErrorData['details'],
  ) {
    super(message);
  }
}

export interface RecordedCall {
  channel: string;
  /** exactly what the UI passed to the transport */
  input: unknown;
  /** the zod-parsed input (undefined when parsing failed or the channel is unknown) */
  parsed: unknown;
  result: Result<unknown>;
  /** the UI asked for progress / passed an AbortSignal (a long job) */
  progress: boolean;
  cancellable: boolean;
}

/** job: the call's options, so a handler can report progress and watch for cancel like a real long job */
type Handler = (input: never, be: FakeBackend, job: CallOptions) => unknown;

interface StoredOperator extends Operator {
  pin: string | null;
}

const NOW = '2024-05-01T08:00:00.000Z';

/** A valid 18-character ID card number from its first 17 digits. */
export function validIdCard(first17: string): string {
  return first17 + idCardCheckChar(first17);
}
/** A valid unified social credit code from its first 17 characters. */
export function validUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}

export const VALID_USCC = validUscc('91321200MA1XXXXX0');

let idSeq = 0;
function newId(prefix: string) {
  idSeq += 1;
  return `${prefix}-${idSeq}`;
}

export function makeWorker(p: Partial<Worker> & { empNo: string; name: string }): Worker {
  const idCard = p.idCard ?? null;
  return {
    id: p.id ?? newId('w'),
    gender: 'M',
    phone: null,
    workshopId: null,
    workshopName: null,
    teamId: null,
    teamName: null,
    post: null,
    hireDate: null,
    skillGrade: null,
    status: 'active',
    roles: [],
    isRepresentative: false,
    certExpiry: null,
    updatedAt: NOW,
    orgUnitId: null,
    isFrontline: true,
    isManager: false,
    certType: null,
    certNo: null,
    hazardFactors: [],
    createdAt: NOW,
    deletedAt: null,
    ...p,
    idCard,
    idCardMasked: maskIdCard(idCard),
  };
}

export function makeOperator(p: Partial<Operator> & { name: string }, pin: string | null = null): StoredOperator {
  return {
    id: p.id ?? newId('op'),
    workerId: p.workerId ?? newId('w'),
    empNo: 'A0001',
    roles: ['union_officer'],
    isAdmin: false,
    lastSignInAt: null,
    ...p,
    hasPin: pin !== null,
    pin,
  };
}

function toRow(w: Worker): WorkerRow {
  return {
    id: w.id,
    empNo: w.empNo,
    name: w.name,
    gender: w.gender,
    idCardMasked: maskIdCard(w.idCard),
    phone: w.phone,
    workshopId: w.workshopId,
    workshopName: w.workshopName,
    teamId: w.teamId,
    teamName: w.teamName,
    post: w.post,
    hireDate: w.hireDate,
    skillGrade: w.skillGrade,
    status: w.status,
    roles: w.roles,
    isRepresentative: w.isRepresentative,
    certExpiry: w.certExpiry,
    // like the real list: whether certExpiry is the worst certificate's review or its expiry (a test may set it)
    certDue: w.certDue ?? (w.certExpiry ? 'expiry' : null),
    updatedAt: w.updatedAt,
    deletedAt: w.deletedAt,
  };
}

function publicOperator(o: StoredOperator): Operator {
  const { pin: _pin, ...rest } = o;
  return { ...rest, hasPin: o.pin !== null };
}

export interface FakeSeed {
  initialized?: boolean;
  locale?: Locale;
  enterprise?: Enterprise | null;
  operators?: StoredOperator[];
  /** id of the signed-in operator, if any */
  signedIn?: string | null;
  workers?: Worker[];
  units?: OrgUnit[];
  /** what roster.importPreview answers (importId/fileName are filled in) */
  importPreview?: Omit<ImportPreview, 'importId' | 'fileName'>;
}

export class FakeBackend {
  initialized: boolean;
  locale: Locale;
  enterprise: Enterprise | null;
  operators: StoredOperator[];
  sessionOperatorId: string | null;
  workers: Worker[];
  units: OrgUnit[];
  importPreview: Omit<ImportPreview, 'importId' | 'fileName'> | null;
  imports = new Map<string, ImportPreview>();
  /** decoded text of every file sent to roster.importPreview */
  uploadedFiles: { fileName: string; text: string }[] = [];
  calls: RecordedCall[] = [];
  /** the workers' congress representatives (terms, groups, stints): see congressRepsFake.ts */
  congressReps: CongressRepsState = newCongressRepsState();
  /** the wage records (timekeeping, behaviour, accidents, manual figures): see wageRecordsFake.ts */
  wageRecords: WageRecordsState = newWageRecordsState();
  /** the wage runs (runs, lines, explanations): see wageRunsFake.ts (seedWageRun) */
  wageRuns: WageRunsState = newWageRunsState();
  /** the wage catalogue and scheme versions (agenda items, announced votes): see wageSchemesFake.ts (seedScheme) */
  wageSchemes: WageSchemesState = newWageSchemesState();
  private overrides = new Map<string, Handler>();

  constructor(seed: FakeSeed = {}) {
    this.initialized = seed.initialized ?? true;
    this.locale = seed.locale ?? 'zh-CN';
    this.enterprise =
      seed.enterprise !== undefined
        ? seed.enterprise
        : this.initialized
          ? { id: 'ent-1', name: '测试化工有限公司', uscc: VALID_USCC, address: null, industry: null, headcount: 100, updatedAt: NOW }
          : null;
    this.operators = seed.operators ?? [];
    this.sessionOperatorId = seed.signedIn ?? null;
    this.workers = seed.workers ?? [];
    this.units = seed.units ?? [];
    this.importPreview = seed.importPreview ?? null;
  }

  /** The transport to hand to setTransport(). */
  readonly transport: Transport = async (channel, input, opts) => {
    const rec: RecordedCall = {
      channel,
      input: structuredClone(input),
      parsed: undefined,
      result: { ok: true, value: null },
      progress: Boolean(opts?.onProgress),
      cancellable: Boolean(opts?.signal),
    };
    this.calls.push(rec);
    rec.result = await this.dispatch(channel, input, rec, opts ?? {});
    return rec.result;
  };

  install(): this {
    setTransport(this.transport);
    return this;
  }

  /** Raw inputs of every call to `channel`, in order. */
  inputs(channel: ChannelName): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input);
  }
  count(channel: ChannelName): number {
    return this.inputs(channel).length;
  }
  last(channel: ChannelName): unknown {
    return this.inputs(channel).at(-1);
  }
  /** What the fake answered to the last successful call to `channel`. */
  lastValue<K extends ChannelName>(channel: K): ChannelOutput<K> | undefined {
    const c = [...this.calls].reverse().find((x) => x.channel === channel && x.result.ok);
    return c && c.result.ok ? (c.result.value as ChannelOutput<K>) : undefined;
  }
  /** Every call the UI made that the fake answered with VALIDATION — should be empty in most tests. */
  validationFailures(): RecordedCall[] {
    return this.calls.filter((c) => !c.result.ok && c.result.error.code === 'VALIDATION' && c.parsed === undefined);
  }

  /** Replace a channel's handler (after input validation), e.g. to make it fail. */
  on<K extends ChannelName>(channel: K, handler: (input: ChannelParsed<K>, be: FakeBackend, job: CallOptions) => unknown): this {
    this.overrides.set(channel, handler as Handler);
    return this;
  }
  /** Make a channel fail with the given error (after input validation). */
  fail(channel: ChannelName, code: ErrorCode, message: string, details?: AppErrorData['details']): this {
    return this.on(channel, () => {
      throw new FakeError(code, message, details);
    });
  }
  /** Back to the built-in handler. */
  reset(channel: ChannelName): this {
    this.overrides.delete(channel);
    return this;
  }

  get currentOperator(): Operator | null {
    const o = this.operators.find((x) => x.id === this.sessionOperatorId);
    return o ? publicOperator(o) : null;
  }

  private async dispatch(channel: string, rawInput: unknown, rec: RecordedCall, job: CallOptions): Promise<Result<unknown>> {
    await Promise.resolve();
    if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
    const def = contract[channel];
    const parsed = def.input.safeParse(rawInput === null ? undefined : rawInput);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'err.validation', details: { issues: toFieldIssues(parsed.error) } },
      };
    }
    rec.parsed = parsed.data;
    try {
      const me = this.currentOperator;
      if (def.auth && !me) throw new FakeError('UNAUTHENTICATED', '请先选择操作员登录');
      if (def.admin && !me?.isAdmin) throw new FakeError('FORBIDDEN', '此操作需要管理员权限');
      const h = this.overrides.get(channel) ?? (this.handlers as Record<string, Handler>)[channel];
      if (!h) throw new FakeError('INTERNAL', `fake backend has no handler for ${channel}`);
      const value = await h(parsed.data as never, this, job);
      return { ok: true, value: structuredClone(value) };
    } catch (e) {
      if (e instanceof FakeError) {
        return { ok: false, error: e.details ? { code: e.code, message: e.message, details: e.details } : { code: e.code, message: e.message } };
      }
      return { ok: false, error: { code: 'INTERNAL', message: `fake backend: ${(e as Error).message}` } };
    }
  }

  private worker(id: string, includeDeleted = false): Worker {
    const w = this.workers.find((x) => x.id === id && (includeDeleted || !x.deletedAt));
    if (!w) throw new FakeError('NOT_FOUND', '找不到该职工');
    return w;
  }

  private applyData(target: Worker | null, d: WorkerData): Worker {
    const unit = d.orgUnitId ? this.units.find((u) => u.id === d.orgUnitId) : undefined;
    if (d.orgUnitId && !unit) throw new FakeError('NOT_FOUND', '找不到该车间/班组');
    const workshop = unit ? (unit.kind === 'workshop' ? unit : this.units.find((u) => u.id === unit.parentId)) : undefined;
    const team = unit?.kind === 'team' ? unit : undefined;
    return makeWorker({
      ...(target ?? {}),
      ...d,
      id: target?.id ?? newId('w'),
      workshopId: workshop?.id ?? null,
      workshopName: workshop?.name ?? null,
      teamId: team?.id ?? null,
      teamName: team?.name ?? null,
      updatedAt: new Date().toISOString(),
      deletedAt: null,
    });
  }

  private checkUnique(d: WorkerData, exceptId: string | null) {
    const dupEmp = this.workers.find((w) => w.empNo === d.empNo && w.id !== exceptId);
    if (dupEmp) throw new FakeError('CONFLICT', `工号 ${d.empNo} 已存在`, { issues: [{ path: 'empNo', message: 'v.duplicate' }] });
    const dupId = d.idCard ? this.workers.find((w) => !w.deletedAt && w.idCard === d.idCard && w.id !== exceptId) : undefined;
    if (dupId) {
      throw new FakeError('CONFLICT', `身份证号已被工号 ${dupId.empNo} 的职工使用`, { issues: [{ path: 'idCard', message: 'v.duplicate' }] });
    }
  }

  /** Built-in handlers; they receive zod-parsed input. */
  private handlers: { [K in ChannelName]?: (i: ChannelParsed<K>, be: FakeBackend) => unknown } = {
    'app.info': (): AppInfo => ({
      version: '0.1.0-test',
      schemaVersion: 1,
      dataDir: '/tmp/ankang-fake',
      host: 'browser',
      initialized: this.initialized,
      locale: this.locale,
      operator: this.currentOperator,
    }),
    'app.integrity': () => ({ problems: [], entries: 0, head: '0000-0000-0000 #0', ms: 0 }),
    'setup.init': (i) => {
      if (this.initialized) throw new FakeError('CONFLICT', '已完成初始化');
      this.enterprise = { id: 'ent-1', ...i.enterprise, updatedAt: NOW };
      const w = makeWorker({ empNo: i.operator.empNo, name: i.operator.name, gender: i.operator.gender, roles: i.operator.roles });
      this.workers.push(w);
      const op = makeOperator(
        { workerId: w.id, name: w.name, empNo: w.empNo, roles: i.operator.roles, isAdmin: true },
        i.operator.pin || null,
      );
      this.operators.push(op);
      this.sessionOperatorId = op.id;
      this.initialized = true;
      return publicOperator(op);
    },
    'session.operators': () => this.operators.map(publicOperator),
    'session.signIn': (i) => {
      const op = this.operators.find((o) => o.id === i.operatorId);
      if (!op) throw new FakeError('NOT_FOUND', '找不到该操作员');
      if (op.pin !== null && i.pin !== op.pin) throw new FakeError('BAD_PIN', 'PIN 不正确');
      op.lastSignInAt = NOW;
      this.sessionOperatorId = op.id;
      return publicOperator(op);
    },
    'session.signOut': () => {
      this.sessionOperatorId = null;
      return { signedOut: true };
    },
    'settings.setLocale': (i) => {
      this.locale = i.locale;
      return { locale: i.locale };
    },
    'enterprise.get': () => {
      if (!this.enterprise) throw new FakeError('NOT_FOUND', '尚未创建企业档案');
      return this.enterprise;
    },
    'enterprise.update': (i) => {
      this.enterprise = { id: 'ent-1', ...i, updatedAt: new Date().toISOString() };
      return this.enterprise;
    },
    'org.tree': (i) => this.units.filter((u) => i.includeRetired || !u.retiredAt),
    'org.create': (i) => {
      const u: OrgUnit = { id: newId('u'), parentId: i.parentId, kind: i.kind, name: i.name, sortOrder: this.units.length, retiredAt: null, workerCount: 0 };
      this.units.push(u);
      return u;
    },
    'org.rename': (i) => {
      const u = this.units.find((x) => x.id === i.id);
      if (!u) throw new FakeError('NOT_FOUND', '找不到该单位');
      u.name = i.name;
      return u;
    },
    'workers.list': (q) => {
      let rows = this.workers.filter((w) => (q.status === 'deleted' ? !!w.deletedAt : !w.deletedAt));
      if (q.status !== 'all' && q.status !== 'deleted') rows = rows.filter((w) => w.status === q.status);
      if (q.certDue) {
        const today = new Date().toISOString().slice(0, 10);
        const soon = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
        rows = rows.filter((w) => !!w.certExpiry && (q.certDue === 'expired' ? w.certExpiry < today : q.certDue === 'soon' ? w.certExpiry >= today && w.certExpiry <= soon : w.certExpiry <= soon));
      }
      if (q.search) {
        const s = q.search.toLowerCase();
        rows = rows.filter((w) => [w.name, w.empNo, w.phone, w.post].some((v) => v?.toLowerCase().includes(s)));
      }
      if (q.orgUnitId) rows = rows.filter((w) => w.workshopId === q.orgUnitId || w.teamId === q.orgUnitId);
      if (q.role === 'any') rows = rows.filter((w) => w.roles.length > 0);
      else if (q.role) rows = rows.filter((w) => w.roles.includes(q.role as never));
      if (q.gender) rows = rows.filter((w) => w.gender === q.gender);
      const f = q.sortField;
      const dir = q.sortDir === 'desc' ? -1 : 1;
      rows = [...rows].sort((a, b) => {
        const av = a[f] ?? '';
        const bv = b[f] ?? '';
        return (av < bv ? -1 : av > bv ? 1 : 0) * dir;
      });
      const start = (q.page - 1) * q.pageSize;
      return { rows: rows.slice(start, start + q.pageSize).map(toRow), total: rows.length, page: q.page, pageSize: q.pageSize };
    },
    'workers.get': (i) => this.worker(i.id),
    'workers.create': (d) => {
      this.checkUnique(d, null);
      const w = this.applyData(null, d);
      this.workers.push(w);
      return w;
    },
    'workers.update': (i) => {
      const before = this.worker(i.id);
      this.checkUnique(i.data, before.id);
      const w = this.applyData(before, i.data);
      this.workers[this.workers.indexOf(before)] = w;
      return w;
    },
    'workers.remove': (i) => {
      const w = this.worker(i.id);
      if (this.operators.some((o) => o.workerId === w.id)) throw new FakeError('CONFLICT', '该职工是系统操作员，请先在“操作员”中移除');
      w.deletedAt = new Date().toISOString();
      return { id: w.id };
    },
    'workers.restore': (i) => {
      const w = this.worker(i.id, true);
      w.deletedAt = null;
      return w;
    },
    'workers.history': () => [],
    'roster.importPreview': (i) => {
      // the renderer sends base64 of the raw file; decode it so tests can check the bytes made it through
      this.uploadedFiles.push({ fileName: i.fileName, text: new TextDecoder().decode(Uint8Array.from(atob(i.dataBase64), (c) => c.charCodeAt(0))) });
      if (!this.importPreview) throw new FakeError('BAD_FILE', '无法读取文件');
      const p: ImportPreview = { ...structuredClone(this.importPreview), importId: newId('imp'), fileName: i.fileName };
      this.imports.set(p.importId, p);
      return p;
    },
    'roster.importRemap': (i) => {
      const p = this.imports.get(i.importId);
      if (!p) throw new FakeError('NOT_FOUND', '导入已过期，请重新选择文件');
      if (i.headerRow !== undefined) p.headerRow = i.headerRow;
      if (i.mapping) p.mapping = i.mapping;
      return p;
    },
    'roster.importRejected': (i) => {
      const p = this.imports.get(i.importId);
      if (!p) throw new FakeError('NOT_FOUND', '导入已过期，请重新选择文件');
      return fakeFile(`${p.fileName.replace(/\.[^.]+$/, '')}-未导入的行.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    },
    'roster.importTemplate': () => fakeFile('职工花名册导入模板.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    'roster.importCommit': (i) => {
      const p = this.imports.get(i.importId);
      if (!p) throw new FakeError('NOT_FOUND', '导入已过期，请重新选择文件');
      if (p.counts.invalid > 0 && !i.skipInvalid) throw new FakeError('VALIDATION', `有 ${p.counts.invalid} 行存在问题`);
      this.imports.delete(i.importId);
      return { created: p.counts.create, updated: p.counts.update, skipped: p.counts.invalid, orgUnitsCreated: p.newOrgUnits.length };
    },
    'roster.importCancel': (i) => ({ cancelled: this.imports.delete(i.importId) }),
    'roster.export': () => fakeFile('花名册.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ...congressRepsHandlers(this),
    ...wageRecordsHandlers(this),
    ...wageRunsHandlers(this),
    ...wageSchemesHandlers(this),
    // the home page's yearly check: a term or not; tests of the card answer with their own (be.on)
    'congress.sessionYearCheck': () => {
      const today = new Date().toISOString().slice(0, 10);
      return { year: Number(today.slice(0, 4)), today, hasTerm: this.congressReps.terms.length > 0, held: null, planned: null, lastYearMissed: false };
    },
    ...HOME_CARD_DEFAULTS,
    'operators.list': () => this.operators.map(publicOperator),
    'operators.add': (i) => {
      const w = this.worker(i.workerId);
      if (this.operators.some((o) => o.workerId === w.id)) throw new FakeError('CONFLICT', `${w.name} 已经是操作员`);
      const op = makeOperator({ workerId: w.id, name: w.name, empNo: w.empNo, roles: w.roles, isAdmin: i.isAdmin }, i.pin || null);
      this.operators.push(op);
      return publicOperator(op);
    },
    'operators.setPin': (i) => {
      const op = this.operators.find((o) => o.id === i.operatorId);
      if (!op) throw new FakeError('NOT_FOUND', '找不到该操作员');
      op.pin = i.pin;
      op.hasPin = i.pin !== null;
      return publicOperator(op);
    },
    'operators.remove': (i) => {
      const n = this.operators.length;
      this.operators = this.operators.filter((o) => o.id !== i.id);
      if (this.operators.length === n) throw new FakeError('NOT_FOUND', '找不到该操作员');
      return { id: i.id };
    },
  };
}

/**
 * What the home page's module cards (PageDef.cards in renderer/src/app/pages.ts) read, answered as if nothing were
 * recorded yet: FakeBackend's built-in handlers, and homeCardDefault() for tests with a transport of their own
 * (dashboard.test.tsx). Inputs are the zod-parsed ones.
 */
export const HOME_CARD_DEFAULTS: { [K in ChannelName]?: (i: ChannelParsed<K>) => unknown } = {
  // the home page's subsidy card: nothing recorded, every criterion red; tests of the card answer with their own (be.on)
  'subsidy.scorecard': (i) => ({
    year: i.year,
    asOf: new Date().toISOString().slice(0, 10),
    green: 0,
    criteria: (['education', 'capability', 'wage', 'congress', 'health'] as const).map((criterion) => ({ criterion, light: 'red' as const, reasons: [], figures: [], evidence: [], unavailable: false })),
  }),
  // the home page's health card: nothing due; tests of the plan answer with their own (healthPlanFake.ts, be.on)
  // (typed so that it holds with or without the privacy area's `restricted`)
  'health.due': (): Omit<DuePage, 'restricted'> & { restricted: boolean } => ({
    today: new Date().toISOString().slice(0, 10),
    rows: [],
    total: 0,
    counts: Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as DuePage['counts'],
    restricted: false,
  }),
  // the home page's certificates card: no certificates recorded; tests of the certificates answer with their own (be.on)
  'health.certs': (q): CertPage => ({
    rows: [],
    total: 0,
    page: q.page,
    pageSize: q.pageSize,
    counts: Object.fromEntries(CERT_STATUSES.map((s) => [s, 0])) as CertPage['counts'],
  }),
  // the home page's education hours card: no requirement set, no training yet; tests of the hours answer with their own (be.on)
  'education.hours': (q): HoursResult => ({
    year: q.year,
    sector: 'general',
    asOf: new Date().toISOString().slice(0, 10),
    rows: [],
    total: 0,
    page: q.page,
    pageSize: q.pageSize,
    summary: { workers: 0, required: 0, meeting: 0, below: 0, gapHours: 0, personHours: 0 },
    units: [],
  }),
};

/** The default answer of a home card's channel to a raw input (parsed with the real schema), or undefined when `channel` is none of theirs. */
export function homeCardDefault(channel: string, input: unknown): { value: unknown } | undefined {
  if (!isChannel(channel)) return undefined;
  const h = HOME_CARD_DEFAULTS[channel] as ((i: unknown) => unknown) | undefined;
  return h ? { value: h(contract[channel].input.parse(input === null ? undefined : input)) } : undefined;
}

let fileSeq = 0;
/** A FileRef as the export channels answer (the bytes stay in the core; the host delivers them). */
export function fakeFile(fileName: string, mime: string, bytes = 1024): FileRef {
  return { fileId: `file-${++fileSeq}`, fileName, mime, bytes };
}

/** Creates a fake backend and installs it as the renderer's transport. */
export function installFakeBackend(seed: FakeSeed = {}): FakeBackend {
  return new FakeBackend(seed).install();
}
