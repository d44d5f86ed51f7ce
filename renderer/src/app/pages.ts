// THE registration point of the renderer: one entry per page — its route name, its menu label, whether its records
// open by address (#/<page>/<id>), its UI messages (merged into the one catalog, renderer/src/i18n/catalog.ts) and
// how to load it (each page is its own chunk). A new module adds one entry here and nothing else in app/ or i18n/.
import type { ComponentType } from 'react';
import type { MessagePart } from '../../../shared/kernel/i18n';
import { messages as congress } from '../features/congress/messages';
import { messages as dashboard } from '../features/dashboard/messages';
import { messages as education } from '../features/education/messages';
import { messages as enterprise } from '../features/enterprise/messages';
import { messages as hazards } from '../features/hazards/messages';
import { messages as health } from '../features/health/messages';
import { messages as operators } from '../features/operators/messages';
import { messages as roster } from '../features/roster/messages';
import { messages as settings } from '../features/settings/messages';
import { messages as subsidy } from '../features/subsidy/messages';
import { messages as wage } from '../features/wage/messages';

/** What every page receives from the frame. */
export interface PageProps {
  /** opens a hazard by its address (the dashboard's reminders use it) */
  onOpenHazard(id: string): void;
}

export interface PageDef {
  page: string;
  /** message key of the menu entry */
  label: string;
  /** records of this page open in a drawer with their own address */
  records?: boolean;
  /** the record's address may have several segments (#/wage/<tab>/<YYYY-MM>/<kind>/<id>): at most this many */
  segments?: number;
  messages?: MessagePart;
  /** the module's cards on the home page (each its own chunk), shown below the built-in ones in this list's order */
  cards?: readonly (() => Promise<{ default: ComponentType }>)[];
  load(): Promise<{ default: ComponentType<PageProps> }>;
}

export const PAGE_DEFS = [
  { page: 'dashboard', label: 'nav.home', messages: dashboard, load: () => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })) },
  { page: 'hazards', label: 'nav.ledger', records: true, messages: hazards, load: () => import('../features/hazards/LedgerPage').then((m) => ({ default: m.LedgerPage })) },
  { page: 'roster', label: 'nav.roster', records: true, messages: roster, load: () => import('../features/roster/RosterPage').then((m) => ({ default: m.RosterPage })) },
  // the tab is the second segment (#/congress/<tab>), carried as the route's id
  { page: 'congress', label: 'nav.congress', records: true, messages: congress, load: () => import('../features/congress/CongressPage').then((m) => ({ default: m.CongressPage })) },
  // the tab and below it the month and a record (#/wage/<tab>/<YYYY-MM>/<kind>/<id>), carried as the route's id
  { page: 'wage', label: 'nav.wage', records: true, segments: 4, messages: wage, load: () => import('../features/wage/WagePage').then((m) => ({ default: m.WagePage })) },
  {
    page: 'health',
    label: 'nav.health',
    records: true,
    segments: 4,
    messages: health,
    load: () => import('../features/health/HealthPage').then((m) => ({ default: m.HealthPage })),
    cards: [
      () => import('../features/health/plan/HealthCard').then((m) => ({ default: m.HealthCard })),
      () => import('../features/health/certs/CertCard').then((m) => ({ default: m.CertCard })),
    ],
  },
  {
    page: 'education',
    label: 'nav.education',
    records: true,
    segments: 4,
    messages: education,
    load: () => import('../features/education/EducationPage').then((m) => ({ default: m.EducationPage })),
    cards: [() => import('../features/education/hours/HoursCard').then((m) => ({ default: m.HoursCard }))],
  },
  {
    page: 'subsidy',
    label: 'nav.subsidy',
    records: true,
    segments: 4,
    messages: subsidy,
    load: () => import('../features/subsidy/SubsidyPage').then((m) => ({ default: m.SubsidyPage })),
    cards: [() => import('../features/subsidy/SubsidyCard').then((m) => ({ default: m.SubsidyCard }))],
  },
  { page: 'enterprise', label: 'nav.enterprise', messages: enterprise, load: () => import('../features/enterprise/EnterprisePage').then((m) => ({ default: m.EnterprisePage })) },
  { page: 'operators', label: 'nav.operators', messages: operators, load: () => import('../features/operators/OperatorsPage').then((m) => ({ default: m.OperatorsPage })) },
  { page: 'settings', label: 'nav.settings', messages: settings, load: () => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })) },
] as const satisfies readonly PageDef[];
