// Operator schemas.
import { z } from 'zod';

export const pinSchema = z.string({ error: 'v.pin' }).regex(/^\d{4,12}$/, { error: 'v.pin' });

