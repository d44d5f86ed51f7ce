// Proposals (提案) to the workers' congress: collection, review by the proposal committee, assignment, answers, the
// proposer's feedback, the link to the hazard ledger and the handling report. Anyone signed in reads; each step is
// allowed to whom shared/congress/proposals/workflow.ts says.
import { z } from 'zod';
import { byId, ch, defineContract } from '../../kernel/channel';
import { idSchema } from '../../kernel/schemas';
import type { FileRef } from '../../files';
import {
  proposalAnswer,
  proposalAssign,
  proposalFeedback,
  proposalHazardCreate,
  proposalHazardLink,
  proposalReportQuery,
  proposalReview,
  proposalSettingsInput,
  proposalsQuery,
  proposalSubmit,
} from './schemas';
import type { ProposalDetail, ProposalReport, ProposalRow, ProposalSettings } from './types';

export const proposalsContract = defineContract(['congress'], {
  'congress.proposalSettings': ch<ProposalSettings>()(z.object({ termId: idSchema }).strict()),
  'congress.proposalSettingsSave': ch<ProposalSettings>()(proposalSettingsInput),
  'congress.proposals': ch<ProposalRow[]>()(proposalsQuery),
  'congress.proposal': ch<ProposalDetail>()(byId),
  'congress.proposalSubmit': ch<ProposalDetail>()(proposalSubmit),
  'congress.proposalReview': ch<ProposalDetail>()(proposalReview),
  'congress.proposalAssign': ch<ProposalDetail>()(proposalAssign),
  'congress.proposalAnswer': ch<ProposalDetail>()(proposalAnswer),
  'congress.proposalFeedback': ch<ProposalDetail>()(proposalFeedback),
  'congress.proposalArchive': ch<ProposalDetail>()(byId),
  'congress.proposalHazardCreate': ch<ProposalDetail>()(proposalHazardCreate),
  'congress.proposalHazardLink': ch<ProposalDetail>()(proposalHazardLink),
  'congress.proposalReport': ch<ProposalReport>()(proposalReportQuery),
  'congress.proposalReportXlsx': ch<FileRef>()(proposalReportQuery),
  'congress.proposalReportPdf': ch<FileRef>()(proposalReportQuery),
});
