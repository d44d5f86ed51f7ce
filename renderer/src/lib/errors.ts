import type { FormInstance } from 'antd';
import { ApiError } from './api';
import type { Vars } from '../../../shared/kernel/i18n';
import type { TFunc } from '../i18n';

/** A user-facing sentence for any error: translated field issues, or the backend's message. */
export function errorText(e: unknown, t: TFunc): string {
  if (e instanceof ApiError) {
    if (e.code === 'UNAUTHENTICATED') return t('err.UNAUTHENTICATED');
    if (e.code === 'NETWORK' || e.message.startsWith('NETWORK')) return t('err.network');
    // the backend sends a message key and its parameters, never a sentence: translate here
    return t(e.message, e.details as Vars | undefined);
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Puts backend/zod field issues on the form fields (paths like "enterprise.uscc" → ['enterprise','uscc']).
 * Returns true only when every issue landed on a field the form shows; otherwise the caller also shows the
 * message, so an error about a field the form does not have is never silent.
 */
export function applyIssues(form: FormInstance, issues: { path: string; message: string }[], t: TFunc, prefix: string[] = []): boolean {
  const fields = issues
    .filter((i) => i.path)
    .map((i) => ({ name: [...prefix, ...i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))], errors: [t(i.message)] }));
  if (fields.length === 0) return false;
  form.setFields(fields as never);
  return issues.length === fields.length && fields.every((f) => form.getFieldError(f.name as never).length > 0);
}

type ChangedField = { name: string | number | (string | number)[]; errors?: string[] };
/**
 * For forms checked with the shared schemas (parseForm / applyIssues, not antd rules): a field's message goes away as
 * soon as the user edits that field, instead of staying red under a corrected value until the next submit.
 */
export function clearErrorsOnEdit(form: FormInstance) {
  return (changed: ChangedField[]) => {
    const stale = changed.filter((f) => (f.errors?.length ?? 0) > 0).map((f) => ({ name: f.name, errors: [] as string[] }));
    if (stale.length > 0) form.setFields(stale as never);
  };
}
