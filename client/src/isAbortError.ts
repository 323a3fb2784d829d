// Cancelled requests: TanStack Query aborts a fetch it no longer needs, and that rejection is passed
// on as it is, never turned into a MizanError.

import { isRecord } from './isRecord';

/**
 * Whether an error comes from an aborted request: its `name` is `AbortError`, or the request's
 * signal was aborted (then `fetch` rejects with the signal's reason, whatever that is).
 *
 * @example
 * try { return await fetch(url, { signal }); }
 * catch (error) { if (isAbortError(error, signal)) throw error; throw MizanError.network(error); }
 */
export function isAbortError(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return isRecord(error) && error['name'] === 'AbortError';
}
