import { appContract } from '../../../shared/app/contract';
import { backupList, backupNow, restoreBackup } from './backups';
import { defineHandlers } from '../kernel/handlers';
import { listOperators, signIn } from '../operators/service';
import { integrityCheck, withIntegrityCheckStarted } from './integrity';
import { getLocale, setSetting } from './settings';
import { initialize, isInitialized } from './setup';

export const appHandlers = defineHandlers(appContract, {
  // the first call of every window; the integrity check starts in the background with it (app.integrity: its result)
  'app.info': (_i, ctx) => withIntegrityCheckStarted(ctx, {
    version: ctx.env.version,
    schemaVersion: ctx.env.schemaVersion(),
    dataDir: ctx.env.paths.dataDir,
    host: ctx.env.host === 'electron' ? ('electron' as const) : ('browser' as const),
    initialized: isInitialized(ctx.store),
    locale: getLocale(ctx.store),
    operator: ctx.operator,
  }),
  'app.integrity': (_i, ctx) => integrityCheck(ctx.env),
  'app.backups': (_i, ctx) => backupList(ctx),
  'app.backupNow': (_i, ctx) => backupNow(ctx),
  'app.restore': (i, ctx) => restoreBackup(i.name, ctx),
  'setup.init': (i, ctx) => {
    const op = initialize(ctx.store, i);
    ctx.session.operatorId = op.id;
    return op;
  },
  'session.operators': (_i, ctx) => listOperators(ctx.store),
  'session.signIn': (i, ctx) => {
    const op = signIn(ctx.store, i.operatorId, i.pin);
    ctx.session.operatorId = op.id;
    return op;
  },
  'session.signOut': (_i, ctx) => {
    ctx.session.operatorId = null;
    return { signedOut: true as const };
  },
  'settings.setLocale': (i, ctx) => {
    setSetting(ctx.store, 'locale', i.locale);
    return { locale: i.locale };
  },
});
