import { certsContract } from '../../../../shared/health/certs/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import * as certs from './service';

export const certsHandlers = defineHandlers(certsContract, {
  'health.certs': (i, ctx) => certs.listCerts(ctx.store, i),
  'health.certGet': (i, ctx) => certs.getCert(ctx.store, i.id, { includeDeleted: true }),
  'health.certCreate': (i, ctx) => certs.createCert(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.certUpdate': (i, ctx) => certs.updateCert(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.certReview': (i, ctx) => certs.reviewCert(ctx.store, signedIn(ctx), ctx.actor, i),
  'health.certDelete': (i, ctx) => certs.deleteCert(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'health.certRestore': (i, ctx) => certs.restoreCert(ctx.store, signedIn(ctx), ctx.actor, i.id),
});
