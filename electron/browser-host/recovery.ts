// The browser host when the store cannot be opened (damaged, zero bytes, not SQLite, tampered, foreign): the server
// still starts and serves a small recovery page instead of the app — what is wrong (in both languages: the chosen
// language lives in the store that cannot be read), the newest backups, and a button per backup that runs the same
// checked restore as `cli restore` (backup.ts restoreInto) and then opens the core; the page reloads into the app.
//   GET  /              the recovery page (any path that is not /api/…)
//   GET  /recover.js    its script (CSP: no inline scripts, no form posts)
//   POST /api/recover   {name} with X-Ankang-Token → { ok, value: { enterprise, workers } } or { ok: false, error }
import http from 'node:http';
import path from 'node:path';
import { backupName } from '../../shared/app/contract';
import { term } from '../../shared/glossary';
import type { Vars } from '../../shared/kernel/i18n';
import { AppError, type AppErrorData } from '../../shared/result';
import { listBackups, restoreInto } from '../core/backup';
import type { Core } from '../core/core';
import type { StoreProblem } from '../core/db/health';
import { log } from '../core/log';
import { dataPaths } from '../core/paths';
import { localTime } from '../core/recovery';

export interface RecoveryOptions {
  dataDir: string;
  /** why the store did not open (Core.open's AppError as data) */
  error: AppErrorData;
  /** opens the core once a backup is in place (Core.open) */
  open(): Promise<Core>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** both languages, Chinese first */
const both = (key: string, vars?: Vars) => {
  const zh = term(key, 'zh-CN', vars);
  const en = term(key, 'en', vars);
  return zh === en ? esc(zh) : `${esc(zh)}<br><span class="en">${esc(en)}</span>`;
};
const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** SQLite's own words (quick_check's lines), folded away: a union chair reads the sentence, whoever repairs the file the rest. */
function technical(problems: StoreProblem[], error: AppErrorData): string {
  const details = [...problems.map((p) => p.params?.detail), (error.details as { detail?: unknown } | undefined)?.detail].filter(
    (d, i, all): d is string | number => (typeof d === 'string' || typeof d === 'number') && all.indexOf(d) === i,
  );
  if (details.length === 0) return '';
  return `<details class="muted"><summary>${both('err.db.technicalDetail')}</summary><pre style="white-space:pre-wrap">${esc(details.join('\n'))}</pre></details>`;
}

export function recoveryPage(opts: { dataDir: string; error: AppErrorData; message?: string }): string {
  const paths = dataPaths(opts.dataDir);
  const backups = listBackups(paths.backups, { inspect: true, limit: 8 });
  const problems = ((opts.error.details as { problems?: StoreProblem[] } | undefined)?.problems ?? []).slice(0, 12);
  const rows = backups
    .map((b) => {
      const what = b.problem ? `<td colspan="2" class="bad">${both(b.problem)}</td>` : `<td>${esc(b.enterprise ?? '—')}</td><td>${b.workers ?? '—'}</td>`;
      const btn = b.problem
        ? ''
        : `<button type="button" data-name="${esc(b.name)}" data-confirm="${esc(`${term('recover.confirm', 'zh-CN', { name: b.name })}\n${term('recover.confirm', 'en', { name: b.name })}`)}">${both('recover.restore')}</button>`;
      return `<tr><td><code>${esc(b.name)}</code></td><td>${esc(localTime(b.modifiedAt))}</td><td>${kb(b.bytes)}</td>${what}<td>${btn}</td></tr>`;
    })
    .join('');
  const table = backups.length
    ? `<table><thead><tr><th>备份 Backup</th><th>时间 Time</th><th>大小 Size</th><th>企业 Enterprise</th><th>职工 Workers</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${both('recover.none', { dir: paths.backups })}</p><p>${both('recover.noneHint')}</p>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>安康 Ankang</title>
<style>
body{font-family:system-ui,"Noto Sans SC",sans-serif;margin:0;background:#f5f5f5;color:#222}
main{max-width:880px;margin:40px auto;background:#fff;padding:28px 32px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.1)}
h1{font-size:22px;margin:0 0 16px;color:#cf1322}.en{color:#666;font-size:.92em}.err{background:#fff1f0;border:1px solid #ffa39e;padding:12px 16px;border-radius:6px}
table{border-collapse:collapse;width:100%;margin-top:12px}th,td{text-align:left;padding:8px;border-bottom:1px solid #eee;font-size:14px;vertical-align:top}
button{background:#1677ff;color:#fff;border:0;border-radius:6px;padding:6px 12px;cursor:pointer;font-size:13px}button .en{color:#e6f0ff}button:disabled{background:#999}button:focus-visible{outline:3px solid #91caff;outline-offset:2px}
.bad{color:#cf1322}.muted{color:#666;font-size:13px}#status{margin-top:16px;font-weight:600}
</style></head><body><main>
<h1>${both('recover.title')}</h1>
<div class="err" role="alert">${both(opts.error.message, opts.error.details as Vars)}</div>
${problems.length > 1 || (problems.length === 1 && problems[0]!.key !== opts.error.message) ? `<p>${both('recover.problems')}</p><ul>${problems.map((p) => `<li>${both(p.key, p.params)}</li>`).join('')}</ul>` : ''}
${technical(problems, opts.error)}
<p>${both('recover.intro')}</p>
<p class="muted">${both('recover.dataDir', { dir: opts.dataDir })}</p>
${table}
<div id="status" role="status">${opts.message ?? ''}</div>
<script src="/recover.js"></script>
</main></body></html>`;
}

/** The page's script: confirm, POST /api/recover with the token of the URL's fragment, then reload into the app. */
export const RECOVER_JS = `(function(){
var token=(location.hash.match(/token=([^&]+)/)||[])[1]||'';
var status=document.getElementById('status');
document.querySelectorAll('button[data-name]').forEach(function(b){b.addEventListener('click',function(){
  if(!confirm(b.getAttribute('data-confirm')))return;
  document.querySelectorAll('button').forEach(function(x){x.disabled=true});
  status.textContent='…';
  fetch('/api/recover',{method:'POST',headers:{'Content-Type':'application/json','X-Ankang-Token':token},body:JSON.stringify({name:b.getAttribute('data-name')})})
  .then(function(r){return r.json()}).then(function(r){
    if(r.ok){status.textContent=r.value.message;setTimeout(function(){location.reload()},600)}
    else{status.textContent=r.error.text||r.error.message;document.querySelectorAll('button').forEach(function(x){x.disabled=false})}
  },function(e){status.textContent=String(e)});
})});
})();`;

/**
 * Restores the named backup of the data folder's backups folder (a name, never a path) and opens the core.
 * Refusals come back as AppError (the store stays as it was).
 */
export async function recoverFromBackup(opts: RecoveryOptions, name: unknown): Promise<{ core: Core; enterprise: string | null; workers: number }> {
  const parsed = backupName.safeParse(name);
  if (!parsed.success) throw new AppError('VALIDATION', 'err.validation');
  const paths = dataPaths(opts.dataDir);
  let core: Core | null = null;
  const r = await restoreInto(paths, path.join(paths.backups, parsed.data), {
    reopen: async () => {
      core = await opts.open();
    },
  });
  log('info', `recovered the store from backup ${parsed.data}${r.aside ? `; the damaged one is kept as ${r.aside}` : ''}`);
  return { core: core!, enterprise: r.enterprise, workers: r.workers };
}

/** Words of an error for the page: both languages. */
export function errorText(e: unknown): { code: string; message: string; text: string } {
  const data: AppErrorData = e instanceof AppError ? e.toData() : { code: 'INTERNAL', message: 'err.internal' };
  const vars = data.details as Vars | undefined;
  return { code: data.code, message: data.message, text: `${term(data.message, 'zh-CN', vars)} / ${term(data.message, 'en', vars)}` };
}

export type RecoveryRequest = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => void;

/**
 * A store that opened but then failed its integrity check (run in the background, see Core.ready): nothing was
 * written to it. The host closes the core and serves the recovery page from the next page load on; the renderer's
 * calls meet a `storeFailed` error and reload into it. Resolves with the failure, or null for a sound store.
 */
export async function recoverWhenDamaged(
  core: Pick<Core, 'ready' | 'failure' | 'close'>,
  host: { enterRecovery(error: AppErrorData): void },
  onClosed: (failure: AppError) => void,
): Promise<AppError | null> {
  await core.ready();
  const failure = core.failure;
  if (!failure) return null;
  host.enterRecovery(failure.toData());
  core.close();
  onClosed(failure);
  return failure;
}
