// The skill-level wage's schemes (issue 9, "The scheme"): the indicator catalogue and the scheme versions — a set of
// indicators with weights, how points become money, caps, vetoes — with their lifecycle (shared/wage/scheme.ts).
// Owned by the SCHEMES area; the RUNS area and the what-if read SchemeContent.
import type { IndicatorDef } from '../catalogue';
import type { AccidentSeverity } from '../records/types';
import type { MoneyRule } from '../rules';
import type { SchemeState } from '../scheme';

/** An entry of the catalogue (editable; ships with DEFAULT_CATALOGUE). */
export interface CatalogueIndicator extends IndicatorDef {
  id: string;
  /** shipped with the app (its code cannot change) or added by the committee */
  builtIn: boolean;
  note: string | null;
  updatedAt: string;
  deletedAt: string | null;
}

/** One indicator as a scheme version uses it: a copy of the catalogue entry, changed in negotiation. */
export interface SchemeIndicatorDef extends IndicatorDef {
  /** the component's cap in fen (null: uncapped) */
  capFen: number | null;
}

/**
 * 一票否决: an accident whose severity is in `severities` zeroes the safety components of the workers involved for the
 * period of the accident — and, when `team` is set, of every worker of the accident's team.
 */
export interface VetoRule {
  severities: AccidentSeverity[];
  team: boolean;
}

/** What a scheme version computes with (immutable once adopted). */
export interface SchemeContent {
  indicators: SchemeIndicatorDef[];
  money: MoneyRule;
  /** a worker's total cap in fen (null: uncapped) */
  totalCapFen: number | null;
  veto: VetoRule;
  /** a worker who joined or left mid-period is paid by days on the roster / days in the period */
  proRata: boolean;
}

export interface SchemeVersion {
  id: string;
  /** the scheme's name, e.g. 2027年度能级工资方案 */
  name: string;
  /** 1, 2, 3… in the order versions were made */
  version: number;
  state: SchemeState;
  content: SchemeContent;
  /** the version this one was copied from */
  basedOnId: string | null;
  note: string | null;
  /** proposed: the congress agenda item (item 4, 能级工资) it is put to, and the session it belongs to */
  agendaItemId: string | null;
  sessionId: string | null;
  sessionLabel: string | null;
  /** the session's term and number, for a label in the reader's language (congress.session.title) */
  sessionNo?: { term: number; seq: number } | null;
  /** the vote that decided it (linked when recorded) and its verdict */
  voteId: string | null;
  verdict: 'passed' | 'failed' | null;
  /** an adoption recorded outside Ankang */
  adoption: { docNo: string; date: string } | null;
  adoptedOn: string | null;
  effectiveFrom: string | null;
  supersededOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A congress agenda item a scheme may be put to (wage.schemeAgendaItems): of a session not closed, not an election. */
export interface SchemeAgendaChoice {
  itemId: string;
  sessionId: string;
  /** 第X届第Y次职工代表大会 as the papers write it */
  sessionLabel: string;
  /** the session's term and number, for a label in the reader's language (congress.session.title) */
  sessionNo?: { term: number; seq: number };
  sessionDate: string;
  sessionStatus: 'preparing' | 'issued' | 'in_session';
  position: number;
  title: string;
  templateKey: string | null;
  kind: 'report' | 'deliberate' | 'vote';
  /** the item the wage scheme belongs to: template_key 'wage' (item 4 of the 5+X agenda) */
  preferred: boolean;
  /** another version is already put to this item (it cannot take a second) */
  takenBy: { id: string; name: string; version: number } | null;
  /** a vote of the item was already announced (too late to put a scheme to it) */
  decided: boolean;
}
