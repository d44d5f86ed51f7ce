// The backend core: opens the store, owns the handler map, and dispatches contract calls.
// It imports nothing from electron; both hosts (Electron main, browser host) and the CLI use it.
import fs from 'node:fs';
import { contract, isChannel, type ChannelName, type ChannelOutput, type ChannelParsed } from '../../shared/contract';
import { AppError, type Result } from '../../shared/result';
import { toFieldIssues } from '../../shared/kernel/schemas';
import { workerInput } from '../../shared/roster/schemas';
import type { Operator } from '../../shared/operators/types';
import { type Actor } from './audit';
import { LATEST_VERSION, migrate, schemaVersion } from './db/migrations';
import { openDatabase, Store } from './db/store';
import { commitImport, ImportSessions, planImport } from './io/rosterImport';
import { exportRosterXlsx } from './io/rosterExport';
import { readTable } from './io/tabular';
import { log } from './log';
import { progressReporter, type CallOptions, type ProgressReporter } from './kernel/jobs';
import { OutputFiles } from './kernel/outputFiles';
import { dataPaths } from './paths';
import { createEnterprise, findEnterprise, getEnterprise, updateEnterprise } from './services/enterprise';
import * as org from './services/org';
import * as ops from './services/operators';
import { getLocale, setSetting } from './services/settings';
import * as workers from './services/workers';
import * as hz from './services/hazards';
import { photoAsJpeg, readAttachment, uploadPhoto } from './services/attachments';
import { renderAcceptanceRecord, renderRectificationNotice, renderStatsTable } from './pdf/hazardPdf';
import { exportLedgerXlsx, exportStatsXlsx } from './io/hazardExport';
import { lecScore, riskColor } from '../../shared/hazards/rules';
import { nowIso, stamp, uuidv7 } from './util';

export const APP_VERSION = '0.1.0';

/** Per-connection state: one per Electron window or browser-host token. */
export interface Session {
  operatorId: string | null;
}

export interface Ctx {
  store: Store;
  session: Session;
  operator: Operator | null;
  actor: Actor;
  /** progress and cancellation of long jobs (no-ops when the host does not listen) */
  job: ProgressReporter;
}

type Handler<K extends ChannelName> = (input: ChannelParsed<K>, ctx: Ctx) => ChannelOutput<K> | Promise<ChannelOutput<K>>;
export type Handlers = { [K in ChannelName]: Handler<K> };

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'browser' | 'cli' | 'test';
}

export class Core {
  readonly paths: ReturnType<typeof dataPaths>;
  readonly imports = new ImportSessions();
  /** files produced for the user, delivered by the host (see kernel/outputFiles) */
  readonly files: OutputFiles;
  private handlers: Handlers;

  private constructor(
    readonly store: Store,
    readonly opts: CoreOptions,
  ) {
    this.paths = dataPaths(opts.dataDir);
    this.files = new OutputFiles(this.paths.exports);
    this.handlers = makeHandlers(this);
  }

  /** Opens (creating if needed) and migrates the store in dataDir. */
  static async open(opts: CoreOptions): Promise<Core> {
    const p = dataPaths(opts.dataDir);
    fs.mkdirSync(p.dataDir, { recursive: true });
    const db = openDatabase(p.db);
    try {
      await migrate(db, { backupDir: p.backups });
    } catch (e) {
      db.close();
      throw e;
    }
    return new Core(new Store(db), opts);
  }

  get schemaVersion(): number {
    return schemaVersion(this.store.db);
  }

  initialized(): boolean {
    return findEnterprise(this.store) !== null && ops.listOperators(this.store).length > 0;
  }

  /**
   * The one entry point for every call from a host. Unknown channels, bad input, missing sign-in and
   * thrown errors all come back as data: { ok: false, error: { code, message, details } }.
   */
  async dispatch(channel: unknown, rawInput: unknown, session: Session, callOpts?: CallOptions): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      // never String() an arbitrary value here: an object with a bad toString would throw
      const name = typeof channel === 'string' ? channel.slice(0, 80) : `(${typeof channel})`;
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${name}` } };
    }
    const def = contract[channel];
    const parsed = def.input.safeParse(rawInput === null ? undefined : rawInput);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: '输入有误，请检查标出的字段', details: { issues: toFieldIssues(parsed.error) } },
      };
    }
    try {
      let operator: Operator | null = null;
      if (session.operatorId) {
        operator = ops.findOperator(this.store, session.operatorId);
        if (!operator) session.operatorId = null;
      }
      if (def.auth && !operator) throw new AppError('UNAUTHENTICATED', '请先选择操作员登录');
      if (def.admin && !operator?.isAdmin) throw new AppError('FORBIDDEN', '此操作需要管理员权限');
      const actor: Actor = operator ? { id: operator.id, name: operator.name } : { id: null, name: '系统' };
      const handler = this.handlers[channel] as (i: unknown, c: Ctx) => unknown;
      const value = await handler(parsed.data, { store: this.store, session, operator, actor, job: progressReporter(callOpts) });
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorData(e, channel) };
    }
  }

  close(): void {
    this.files.releaseAll();
    this.store.close();
  }
}

export function toErrorData(e: unknown, channel: string) {
  if (e instanceof AppError) return e.toData();
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT' as const, message: '数据冲突：记录重复或仍被引用', details: { sqlite: err.code } };
  }
  log('error', `handler ${channel} failed`, e);
  return { code: 'INTERNAL' as const, message: '内部错误，操作未完成，数据未改变' };
}

function makeHandlers(core: Core): Handlers {
  const { store } = core;
  return {
    'app.info': (_i, ctx) => ({
      version: APP_VERSION,
      schemaVersion: core.schemaVersion,
      dataDir: core.paths.dataDir,
      host: core.opts.host === 'electron' ? 'electron' : 'browser',
      initialized: core.initialized(),
      locale: getLocale(store),
      operator: ctx.operator,
    }),
    'setup.init': (i, ctx) =>
      store.tx(() => {
        if (core.initialized()) throw new AppError('CONFLICT', '已完成初始化');
        const now = nowIso();
        const actor: Actor = { id: null, name: i.operator.name };
        createEnterprise(store, actor, i.enterprise);
        // the first operator is a worker like any other: the shared schema fills the defaults
        const w = workers.insertWorker(
          store,
          actor,
          workerInput.parse({ empNo: i.operator.empNo, name: i.operator.name, gender: i.operator.gender, roles: i.operator.roles }),
          now,
        );
        const op = ops.insertOperator(store, actor, { workerId: w, isAdmin: true, pin: i.operator.pin || null }, now);
        ctx.session.operatorId = op.id;
        return op;
      }),
    'session.operators': () => ops.listOperators(store),
    'session.signIn': (i, ctx) => {
      const op = ops.signIn(store, i.operatorId, i.pin);
      ctx.session.operatorId = op.id;
      return op;
    },
    'session.signOut': (_i, ctx) => {
      ctx.session.operatorId = null;
      return { signedOut: true as const };
    },
    'settings.setLocale': (i) => {
      setSetting(store, 'locale', i.locale);
      return { locale: i.locale };
    },
    'enterprise.get': () => getEnterprise(store),
    'enterprise.update': (i, ctx) => updateEnterprise(store, ctx.actor, i),
    'org.tree': (i) => org.listUnits(store, i.includeRetired),
    'org.create': (i, ctx) => org.createUnit(store, ctx.actor, i),
    'org.rename': (i, ctx) => org.renameUnit(store, ctx.actor, i.id, i.name),
    'org.move': (i, ctx) => org.moveUnit(store, ctx.actor, i.id, i.parentId),
    'org.retire': (i, ctx) => org.retireUnit(store, ctx.actor, i.id),
    'org.restore': (i, ctx) => org.restoreUnit(store, ctx.actor, i.id),
    'workers.list': (i) => workers.listWorkers(store, i),
    'workers.get': (i) => workers.getWorker(store, i.id),
    'workers.create': (i, ctx) => workers.createWorker(store, ctx.actor, i),
    'workers.update': (i, ctx) => workers.updateWorker(store, ctx.actor, i.id, i.data),
    'workers.remove': (i, ctx) => workers.removeWorker(store, ctx.actor, i.id),
    'workers.restore': (i, ctx) => workers.restoreWorker(store, ctx.actor, i.id),
    'workers.history': (i) => workers.workerHistory(store, i.id),
    'roster.importPreview': async (i) => {
      const buf = decodeBase64(i.dataBase64);
      const { table } = await readTable(i.fileName, buf);
      const s = core.imports.open(uuidv7(), i.fileName, table, i.mapping);
      return planImport(store, s).preview;
    },
    'roster.importRemap': (i) => {
      const s = core.imports.get(i.importId);
      if (i.mapping) s.mapping = i.mapping;
      return planImport(store, s).preview;
    },
    'roster.importCommit': (i, ctx) => {
      const s = core.imports.get(i.importId);
      const r = commitImport(store, ctx.actor, s, { skipInvalid: i.skipInvalid });
      core.imports.cancel(i.importId);
      if (r.created + r.updated >= 1000) store.analyze();
      return r;
    },
    'roster.importCancel': (i) => ({ cancelled: core.imports.cancel(i.importId) }),
    'roster.export': async (i) => {
      const { fileName, buffer } = await exportRosterXlsx(store, i);
      return core.files.fromBuffer(fileName, XLSX_MIME, buffer);
    },
    'operators.list': () => ops.listOperators(store),
    'operators.add': (i, ctx) => ops.addOperator(store, ctx.actor, { workerId: i.workerId, isAdmin: i.isAdmin, pin: i.pin || null }),
    'operators.setPin': (i, ctx) => ops.setOperatorPin(store, ctx.actor, ctx.operator!, i.operatorId, i.pin),
    'operators.remove': (i, ctx) => ops.removeOperator(store, ctx.actor, ctx.operator!, i.id),

    // ---- hazard ledger ----
    'attachments.upload': (i, ctx) => uploadPhoto(store, core.paths.attachments, ctx.actor, i.fileName, decodeBase64(i.dataBase64)),
    'attachments.get': (i) => {
      const a = readAttachment(store, core.paths.attachments, i.id, i.size);
      return { fileName: a.fileName, mime: a.mime, dataBase64: a.data.toString('base64') };
    },
    'hazards.report': (i, ctx) => hz.reportHazard(hctx(ctx), i),
    'hazards.get': (i, ctx) => hz.getHazard(store, i.id, ctx.operator),
    'hazards.list': (i) => hz.listHazards(store, i),
    'hazards.edit': (i, ctx) => hz.editHazard(hctx(ctx), i.id, i.changes),
    'hazards.correct': (i, ctx) => hz.correctHazard(hctx(ctx), i.id, i.changes, i.reason),
    'hazards.confirm': (i, ctx) => hz.confirmHazard(hctx(ctx), i),
    'hazards.assign': (i, ctx) => hz.assignHazard(hctx(ctx), i),
    'hazards.start': (i, ctx) => hz.startHazard(hctx(ctx), i.id, i.comment?.trim() || null),
    'hazards.submit': (i, ctx) => hz.submitHazard(hctx(ctx), i),
    'hazards.accept': (i, ctx) => hz.acceptHazard(hctx(ctx), i.id, i.comment?.trim() || null),
    'hazards.reject': (i, ctx) => hz.rejectHazard(hctx(ctx), i.id, i.reason),
    'hazards.cancel': (i, ctx) => hz.cancelHazard(hctx(ctx), i),
    'hazards.addPhoto': (i, ctx) => hz.addPhoto(hctx(ctx), i.id, i.attachmentId, i.phase),
    'hazards.removePhoto': (i, ctx) => hz.removePhoto(hctx(ctx), i.id, i.attachmentId),
    'hazards.link': (i, ctx) => hz.linkHazards(hctx(ctx), i.id, i.otherId, true),
    'hazards.unlink': (i, ctx) => hz.linkHazards(hctx(ctx), i.id, i.otherId, false),
    'hazards.reminders': (i) => hz.reminders(store, i.limit),
    'hazards.stats': (i) => hz.hazardStats(store, i.year, i.quarter),
    'hazards.exportLedger': async (i) => {
      const buffer = await exportLedgerXlsx(hz.iterateHazards(store, i), { enterprise: getEnterprise(store) });
      return core.files.fromBuffer(`隐患台账-${stamp()}.xlsx`, XLSX_MIME, buffer);
    },
    'hazards.exportStats': async (i) => {
      const buffer = await exportStatsXlsx(hz.hazardStats(store, i.year, i.quarter), { enterprise: getEnterprise(store) });
      const period = i.quarter ? `${i.year}年第${i.quarter}季度` : `${i.year}年度`;
      return core.files.fromBuffer(`隐患排查治理统计表-${period}.xlsx`, XLSX_MIME, buffer);
    },
    'hazards.statsPdf': async (i) => {
      const buffer = await renderStatsTable(hz.hazardStats(store, i.year, i.quarter), { enterprise: getEnterprise(store) });
      const period = i.quarter ? `${i.year}年第${i.quarter}季度` : `${i.year}年度`;
      return core.files.fromBuffer(`隐患排查治理统计表-${period}.pdf`, PDF_MIME, buffer);
    },
    'hazards.noticePdf': async (i, ctx) => {
      const h = hz.getHazard(store, i.id, ctx.operator);
      const photos = await pdfPhotos(h, 'before');
      const buffer = await renderRectificationNotice(h, { enterprise: getEnterprise(store), issuedBy: ctx.actor.name, photos });
      return core.files.fromBuffer(`整改通知单-${h.serial}.pdf`, PDF_MIME, buffer);
    },
    'hazards.acceptancePdf': async (i, ctx) => {
      const h = hz.getHazard(store, i.id, ctx.operator);
      if (h.status !== 'closed' && h.status !== 'submitted') throw new AppError('CONFLICT', '提交验收后才能生成验收记录');
      const photos = await pdfPhotos(h, 'after');
      const buffer = await renderAcceptanceRecord(h, { enterprise: getEnterprise(store), issuedBy: ctx.actor.name, photos });
      return core.files.fromBuffer(`验收记录-${h.serial}.pdf`, PDF_MIME, buffer);
    },
    'hazards.rules': () => hz.getRules(store),
    'hazards.setRules': (i, ctx) => hz.setRules(store, ctx.actor, i),
    'hazards.lecPreview': (i) => {
      const d = lecScore(i.l, i.e, i.c);
      return { d, risk: riskColor(d, hz.getRules(store).thresholds) };
    },
    'views.list': (i, ctx) => hz.listViews(store, ctx.operator!, i.kind),
    'views.save': (i, ctx) => hz.saveView(store, ctx.actor, ctx.operator!, i.kind, i.name, i.query),
    'views.remove': (i, ctx) => hz.removeView(store, ctx.actor, ctx.operator!, i.id),
    'drafts.get': (i, ctx) => hz.getDraft(store, ctx.operator!, i.kind),
    'drafts.save': (i, ctx) => hz.saveDraft(store, ctx.operator!, i.kind, i.data),
    'drafts.clear': (i, ctx) => hz.clearDraft(store, ctx.operator!, i.kind),
  };

  function hctx(ctx: Ctx): hz.HazardCtx {
    return { store, actor: ctx.actor, operator: ctx.operator! };
  }
  async function pdfPhotos(h: { photos: { id: string; phase: 'before' | 'after' }[] }, phase: 'before' | 'after') {
    const out: { phase: 'before' | 'after'; data: Buffer; mime: string }[] = [];
    for (const p of h.photos.filter((x) => x.phase === phase).slice(0, 4)) {
      out.push({ phase, data: await photoAsJpeg(store, core.paths.attachments, p.id), mime: 'image/jpeg' });
    }
    return out;
  }
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF_MIME = 'application/pdf';

function decodeBase64(s: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw new AppError('BAD_FILE', '文件内容编码无效');
  return Buffer.from(s, 'base64');
}

export { LATEST_VERSION };
