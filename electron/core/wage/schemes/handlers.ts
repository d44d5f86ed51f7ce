import { schemesContract } from '../../../../shared/wage/schemes/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import * as catalogue from './catalogue';
import * as schemes from './service';

export const schemesHandlers = defineHandlers(schemesContract, {
  'wage.catalogue': (i, ctx) => catalogue.listCatalogue(ctx.store, i),
  'wage.catalogueSave': (i, ctx) => catalogue.saveCatalogue(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.catalogueDelete': (i, ctx) => catalogue.deleteCatalogue(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.catalogueRestore': (i, ctx) => catalogue.restoreCatalogue(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.schemes': (_i, ctx) => schemes.listSchemes(ctx.store),
  'wage.scheme': (i, ctx) => schemes.getScheme(ctx.store, i.id),
  'wage.schemeCreate': (i, ctx) => schemes.createScheme(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.schemeUpdate': (i, ctx) => schemes.updateScheme(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.schemeDelete': (i, ctx) => schemes.deleteScheme(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.schemeRestore': (i, ctx) => schemes.restoreScheme(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'wage.schemeAction': (i, ctx) => schemes.schemeAction(ctx, signedIn(ctx), i),
  'wage.schemeCorrectDates': (i, ctx) => schemes.correctDates(ctx.store, signedIn(ctx), ctx.actor, i),
  'wage.schemeAgendaItems': (i, ctx) => schemes.agendaChoices(ctx.store, i.id),
  'wage.schemePdf': (i, ctx) => schemes.schemePdf(ctx, i.id),
});
