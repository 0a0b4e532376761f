/**
 * Errors that cross the backend boundary. Handlers throw GainsayError; the dispatcher turns every
 * throw into a typed `Result` so nothing raw ever crosses IPC or HTTP.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'not_a_project',
  'newer_version',
  'corrupt',
  /** A project file with schema objects the app did not create: refused; a clean copy is offered. */
  'untrusted',
  'forbidden',
  /** The project file was deleted, moved or replaced while open; writes are refused. */
  'file_gone',
  /** The disk is full; nothing of the step was saved. */
  'disk_full',
  /** A job was stopped at the analyst's request; it left nothing half-written. */
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** `changed` tells clients the call changed the project, so open views re-read what they show. */
export type Result<T> = { ok: true; value: T; changed?: true } | { ok: false; error: ErrorInfo };

export class GainsayError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'GainsayError';
    this.code = code;
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
