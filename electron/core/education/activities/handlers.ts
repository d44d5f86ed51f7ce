import { activitiesContract } from '../../../../shared/education/activities/contract';
import { decodeBase64 } from '../../kernel/base64';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import { uuidv7 } from '../../util';
import * as act from './service';
import { commitSignin, planSignin, signinSheetFits, SigninSessions } from './signin';

const sessions = (ctx: { env: { state<T>(k: string, init: () => T): T } }) => ctx.env.state('education.signin', () => new SigninSessions());

export const activitiesHandlers = defineHandlers(activitiesContract, {
  'education.activities': (i, ctx) => act.listActivities(ctx.store, i),
  'education.activity': (i, ctx) => act.getActivity(ctx.store, i.id),
  'education.activityCreate': (i, ctx) => act.createActivity(ctx.store, signedIn(ctx), ctx.actor, i),
  'education.activityUpdate': (i, ctx) => act.updateActivity(ctx.store, signedIn(ctx), ctx.actor, i),
  'education.activityDelete': (i, ctx) => act.deleteActivity(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'education.activityRestore': (i, ctx) => act.restoreActivity(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'education.attendanceSave': (i, ctx) => act.writeAttendance(ctx.store, signedIn(ctx), ctx.actor, i.activityId, i.attendees, { replace: true, source: 'manual' }),
  'education.signinPreview': async (i, ctx) => {
    // only those who record activities import a sheet: refused before the file is read
    act.assertEduWriter(signedIn(ctx));
    act.getActivity(ctx.store, i.activityId, 'live');
    const { readTable } = await import('../../documents/tabular');
    const { table } = await readTable(i.fileName, decodeBase64(i.dataBase64), signinSheetFits);
    const s = sessions(ctx).open(uuidv7(), i.activityId, i.fileName, table, i.mapping);
    return planSignin(ctx.store, s).preview;
  },
  'education.signinRemap': (i, ctx) => {
    const all = sessions(ctx);
    const s = all.get(i.importId);
    if (i.headerRow !== undefined) all.setHeaderRow(s, i.headerRow, i.mapping);
    else if (i.mapping) s.mapping = i.mapping;
    return planSignin(ctx.store, s).preview;
  },
  'education.signinCommit': (i, ctx) => {
    const all = sessions(ctx);
    const r = commitSignin(ctx.store, signedIn(ctx), ctx.actor, all.get(i.importId), i.skipInvalid);
    all.cancel(i.importId);
    return r;
  },
  'education.signinRejected': async (i, ctx) => (await import('./signinFiles')).signinRejectedFile(ctx, sessions(ctx).get(i.importId), i.locale),
  'education.signinTemplate': async (i, ctx) => (await import('./signinFiles')).signinTemplateFile(ctx, i.locale),
  'education.signinCancel': (i, ctx) => ({ cancelled: sessions(ctx).cancel(i.importId) }),
});
