import type { FieldIssue } from './kernel/schemas';

export const ERROR_CODES = [
  'VALIDATION', // input failed the schema; details.issues lists fields
  'NOT_FOUND',
  'CONFLICT', // unique key or state conflict
  'UNAUTHENTICATED', // no operator signed in
  'FORBIDDEN', // operator lacks the role
  'BAD_PIN',
  'BAD_FILE', // an uploaded file cannot be read
  'UNKNOWN_CHANNEL',
  'DB_TOO_NEW',
  'CANCELLED', // the user cancelled a long job; nothing was written
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string; // a glossary/UI key or plain text (Chinese by default)
  details?: { issues?: FieldIssue[]; [k: string]: unknown };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown inside the backend; crosses the boundary as data (see dispatch). */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: AppErrorData['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }
  toData(): AppErrorData {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
