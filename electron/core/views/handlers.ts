import { viewsContract } from '../../../shared/views/contract';
import { defineHandlers, signedIn } from '../kernel/handlers';
import * as views from './service';

export const viewsHandlers = defineHandlers(viewsContract, {
  'views.list': (i, ctx) => views.listViews(ctx.store, signedIn(ctx), i.kind),
  'views.save': (i, ctx) => views.saveView(ctx.store, ctx.actor, signedIn(ctx), i.kind, i.name, i.query),
  'views.remove': (i, ctx) => views.removeView(ctx.store, ctx.actor, signedIn(ctx), i.id),
  'drafts.get': (i, ctx) => views.getDraft(ctx.store, signedIn(ctx), i.kind),
  'drafts.save': (i, ctx) => views.saveDraft(ctx.store, signedIn(ctx), i.kind, i.data),
  'drafts.clear': (i, ctx) => views.clearDraft(ctx.store, signedIn(ctx), i.kind),
});
