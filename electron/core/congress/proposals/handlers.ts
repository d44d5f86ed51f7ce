import { proposalsContract } from '../../../../shared/congress/proposals/contract';
import { defineHandlers, signedIn, type Ctx } from '../../kernel/handlers';
import { getProposal, listProposals, proposalSettings } from './queries';
import { proposalReport, proposalReportPdf, proposalReportXlsx } from './report';
import * as wf from './workflow';

const pctx = (ctx: Ctx): wf.ProposalCtx => ({ store: ctx.store, actor: ctx.actor, operator: signedIn(ctx) });

export const proposalsHandlers = defineHandlers(proposalsContract, {
  'congress.proposalSettings': (i, ctx) => proposalSettings(ctx.store, i.termId),
  'congress.proposalSettingsSave': (i, ctx) => wf.saveSettings(ctx.store, signedIn(ctx), ctx.actor, i),
  'congress.proposals': (i, ctx) => listProposals(ctx.store, i),
  'congress.proposal': (i, ctx) => getProposal(ctx.store, i.id, ctx.operator),
  'congress.proposalSubmit': (i, ctx) => wf.submitProposal(pctx(ctx), i),
  'congress.proposalReview': (i, ctx) => wf.reviewProposal(pctx(ctx), i),
  'congress.proposalAssign': (i, ctx) => wf.assignProposal(pctx(ctx), i),
  'congress.proposalAnswer': (i, ctx) => wf.answerProposal(pctx(ctx), i),
  'congress.proposalFeedback': (i, ctx) => wf.feedbackProposal(pctx(ctx), i),
  'congress.proposalArchive': (i, ctx) => wf.archiveProposal(pctx(ctx), i.id),
  'congress.proposalHazardCreate': (i, ctx) => wf.createLinkedHazard(pctx(ctx), i),
  'congress.proposalHazardLink': (i, ctx) => wf.linkHazard(pctx(ctx), i),
  'congress.proposalReport': (i, ctx) => proposalReport(ctx.store, i.termId),
  'congress.proposalReportXlsx': (i, ctx) => proposalReportXlsx(ctx, i.termId),
  'congress.proposalReportPdf': (i, ctx) => proposalReportPdf(ctx, i.termId),
});
