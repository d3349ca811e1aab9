// Errors of the Go side's bindings, normalised.
import { app } from '@wails/go/models';
import type { Plain } from './models';

/** The codes a binding's error carries (the Go side's app.ErrorCode). */
export type ErrorCode = Plain<app.ErrorCode>;
export const ERROR_CODES: readonly ErrorCode[] = Object.values(app.ErrorCode);

/** A failed call, normalised. `message` is a sentence meant for people. */
export class ApiError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

const GENERIC_MESSAGE = 'Something went wrong.';

function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/** Turns whatever a binding rejected with into an ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (typeof err === 'string') {
    // Wails may hand over the formatted error as JSON text.
    try {
      const parsed: unknown = JSON.parse(err);
      if (parsed && typeof parsed === 'object') return toApiError(parsed);
    } catch {
      /* plain text */
    }
    return new ApiError('internal', err.trim() || GENERIC_MESSAGE);
  }
  if (err instanceof Error) return new ApiError('internal', err.message || GENERIC_MESSAGE);
  if (err && typeof err === 'object') {
    const o = err as { code?: unknown; message?: unknown };
    const message = typeof o.message === 'string' && o.message.trim() ? o.message : GENERIC_MESSAGE;
    return new ApiError(isErrorCode(o.code) ? o.code : 'internal', message);
  }
  return new ApiError('internal', GENERIC_MESSAGE);
}

/** Runs a binding call, turning its rejection into an ApiError. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toApiError(err);
  }
}
