import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { toFieldIssues } from '../../../shared/kernel/schemas';
import type { TFunc } from '../i18n';
import { applyIssues } from './errors';

/** Validates form values with the same zod schema the backend uses; marks the fields and returns null on failure. */
export function parseForm<S extends z.ZodType>(schema: S, values: unknown, form: FormInstance, t: TFunc, prefix: string[] = []): z.output<S> | null {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  applyIssues(form, toFieldIssues(r.error), t, prefix);
  return null;
}
