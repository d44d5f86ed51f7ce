// The integrity check the app runs once in the background after the store opens: the audit chain and its protective
// triggers (auditChain.ts), in slices that leave the core free to answer the UI meanwhile. app.info starts it (the
// first call every window makes), app.integrity waits for its result; the shell shows a warning when it finds problems.
import type { IntegrityReport } from '../../../shared/app/types';
import { auditChainReportAsync, chainHead } from '../auditChain';
import type { Store } from '../db/store';
import type { CoreEnv, Ctx } from '../kernel/handlers';
import { log } from '../log';

async function check(store: Store): Promise<IntegrityReport> {
  try {
    const r = await auditChainReportAsync(store.db);
    const report: IntegrityReport = { problems: r.problems, entries: r.entries, head: chainHead(store).fingerprint, ms: Math.round(r.ms) };
    if (report.problems.length > 0) log('warn', `integrity check at start: ${report.problems.map((p) => `${p.code} ${JSON.stringify(p.params ?? {})}`).join('; ')}`);
    else log('info', `integrity check at start: ${report.entries} audit entries verified in ${report.ms} ms, head ${report.head}`);
    return report;
  } catch (e) {
    // never an unhandled rejection (e.g. the store closed while the check ran): the check says it could not finish
    log('warn', 'integrity check at start failed', e);
    const cause = String((e as Error)?.message ?? e).slice(0, 200);
    return { problems: [{ code: 'CHECK_FAILED', key: 'problem.audit.checkFailed', params: { cause } }], entries: 0, head: '', ms: 0 };
  }
}

/** The check of this core's store: started on the first call, then the same promise (per store: a restore starts anew). */
export function integrityCheck(env: CoreEnv): Promise<IntegrityReport> {
  return env.state('app.integrity', () => check(env.store));
}

/** `value`, once the check has been started (not in the CLI: it has `check`, and exits right after a call). */
export function withIntegrityCheckStarted<T>(ctx: Ctx, value: T): T {
  if (ctx.env.host !== 'cli') void integrityCheck(ctx.env);
  return value;
}
