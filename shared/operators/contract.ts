// Operators: the workers who may sign in, their PINs and admin rights.
import { z } from 'zod';
import { byId, ch, defineContract, none } from '../kernel/channel';
import { idSchema } from '../kernel/schemas';
import { pinSchema } from './schemas';
import type { Operator } from './types';

export const operatorsContract = defineContract(['operators'], {
  'operators.list': ch<Operator[]>()(none),
  'operators.add': ch<Operator>()(
    z
      .object({
        workerId: idSchema,
        isAdmin: z.boolean().optional().default(false),
        pin: z.union([pinSchema, z.literal(''), z.null()]).optional(),
      })
      .strict(),
    { admin: true },
  ),
  'operators.setPin': ch<Operator>()(z.object({ operatorId: idSchema, pin: z.union([pinSchema, z.null()]) }).strict()),
  'operators.remove': ch<{ id: string }>()(byId, { admin: true }),
});
