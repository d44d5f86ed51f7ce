// Saved views (named list queries) of any module.

export interface SavedView {
  id: string;
  name: string;
  query: Record<string, unknown>;
}

