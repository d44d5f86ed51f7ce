// Workshops (车间) and teams (班组).
import { z } from 'zod';
import { byId, ch, defineContract } from '../kernel/channel';
import { idSchema, reqText } from '../kernel/schemas';
import type { OrgUnit } from './types';

export const orgContract = defineContract(['org'], {
  'org.tree': ch<OrgUnit[]>()(z.object({ includeRetired: z.boolean().optional().default(false) }).strict()),
  'org.create': ch<OrgUnit>()(
    z
      .object({
        kind: z.enum(['workshop', 'team']),
        parentId: z.union([idSchema, z.null()]).optional().default(null),
        name: reqText(50),
      })
      .strict(),
  ),
  'org.rename': ch<OrgUnit>()(z.object({ id: idSchema, name: reqText(50) }).strict()),
  'org.move': ch<OrgUnit>()(z.object({ id: idSchema, parentId: idSchema }).strict()),
  'org.retire': ch<OrgUnit>()(byId),
  'org.restore': ch<OrgUnit>()(byId),
});
