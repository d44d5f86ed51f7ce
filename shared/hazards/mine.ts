// 待我处理: the open hazards waiting for the signed-in operator — rectifications they are responsible for (start,
// submit) and rectifications submitted for acceptance that they may accept or reject (an acceptor who neither is
// responsible for the hazard nor submitted it).
import type { HazardRow } from './types';

export type MyTaskKind = 'rectify' | 'accept';

export interface MyTask extends HazardRow {
  task: MyTaskKind;
}

export interface MyTasks {
  rows: MyTask[];
  /** all waiting tasks (rows holds the first `limit`, soonest due first) */
  total: number;
}
