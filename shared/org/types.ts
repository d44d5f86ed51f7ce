// Workshops and teams.

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: 'workshop' | 'team';
  name: string;
  sortOrder: number;
  retiredAt: string | null;
  workerCount: number;
}

