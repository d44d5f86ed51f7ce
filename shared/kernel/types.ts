// Types every module uses: a page of rows, an audit entry, a file as base64.

export interface Page<T> {
  rows: T[];
  /** the number of matching rows; when totalCapped, only a lower bound (the cap) */
  total: number;
  page: number;
  pageSize: number;
  /** true when the list stopped counting at a cap: there are more than `total` matching rows */
  totalCapped?: boolean;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface FilePayload {
  fileName: string;
  mime: string;
  dataBase64: string;
}

