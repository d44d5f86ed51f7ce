// Operators: workers who sign in.
import type { CommitteeRole } from '../roster/roles';

export interface Operator {
  id: string;
  workerId: string;
  name: string;
  empNo: string;
  roles: CommitteeRole[];
  hasPin: boolean;
  isAdmin: boolean;
  lastSignInAt: string | null;
}

