// The culture walls (安康文化墙) as the renderer and the CLI read them.
import type { WallSection } from '../kinds';

/** current: updated within the setting's months; stale: has a wall, not updated since (or never); */
export type WallState = 'current' | 'stale';

export interface WallPhoto {
  id: string;
  originalName: string | null;
}

export interface Wall {
  id: string;
  orgUnitId: string;
  unitKind: 'workshop' | 'team';
  unitName: string;
  /** the team's workshop (null for a workshop's own wall) */
  workshopName: string | null;
  name: string | null;
  location: string;
  note: string | null;
  /** the newest (live) update's date, null when never updated */
  lastUpdate: string | null;
  updates: number;
  state: WallState;
  updatedAt: string;
  deletedAt: string | null;
}

export interface WallUpdate {
  id: string;
  wallId: string;
  date: string;
  sections: WallSection[];
  content: string | null;
  photos: WallPhoto[];
  enteredBy: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface WallUnitRef {
  id: string;
  kind: 'workshop' | 'team';
  name: string;
  workshopName: string | null;
}

/** The check "every workshop and team has a wall updated within N months". */
export interface WallCheck {
  today: string;
  months: number;
  /** updates on or after this date count as current */
  cutoff: string;
  /** live (not retired) workshops and teams */
  units: number;
  withWall: number;
  current: number;
  /** units without a wall */
  missing: WallUnitRef[];
  /** units with a wall none of which was updated since the cutoff; lastUpdate null: never updated */
  stale: (WallUnitRef & { lastUpdate: string | null; wallId: string })[];
}

export interface WallSettings {
  months: number;
}
