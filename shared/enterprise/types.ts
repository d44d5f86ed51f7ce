// The enterprise profile.

export interface Enterprise {
  id: string;
  name: string;
  uscc: string;
  address: string | null;
  industry: string | null;
  headcount: number;
  updatedAt: string;
}

