// Input schemas of the subsidy channels (zod 4). Messages are keys (v.* shared, v.subsidy.* in ./messages.ts).
import { z } from 'zod';

/** a year of the subsidy (the city's call is yearly) */
export const subsidyYear = z
  .number({ error: (iss) => (iss.input === undefined || iss.input === null ? 'v.required' : 'v.invalid') })
  .int({ error: 'v.invalid' })
  .min(2000, { error: 'v.subsidy.year' })
  .max(2100, { error: 'v.subsidy.year' });

export const yearInput = z.object({ year: subsidyYear }).strict();
