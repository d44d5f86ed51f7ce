import { dossierContract } from '../../../../shared/subsidy/dossier/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import { dossierPdf } from './document';
import { getDossier, nomineeCandidates, saveDossier } from './service';

export const dossierHandlers = defineHandlers(dossierContract, {
  'subsidy.dossier': (i, ctx) => getDossier(ctx.store, i.year),
  'subsidy.dossierSave': (i, ctx) => saveDossier(ctx.store, signedIn(ctx), ctx.actor, i),
  'subsidy.nomineeCandidates': (i, ctx) => nomineeCandidates(ctx.store, i),
  'subsidy.dossierPdf': (i, ctx) => dossierPdf(ctx, i.year),
});
