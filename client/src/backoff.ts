// How long a dropped socket waits before it tries again.

/** Reconnection delays: the first wait and the longest. Defaults 500 ms and 15 s. */
export interface BackoffOptions {
  initialMs?: number | undefined;
  maxMs?: number | undefined;
}

/** Default first wait after a drop, in milliseconds. */
export const DEFAULT_BACKOFF_INITIAL_MS = 500;
/** Default longest wait between two attempts, in milliseconds. */
export const DEFAULT_BACKOFF_MAX_MS = 15_000;

/**
 * The wait before reconnection attempt `attempt` (0 for the first after a drop): the initial
 * delay doubled per attempt, capped at the maximum, then jittered to between half of that and all
 * of it, so the tabs a server restart dropped do not all come back at the same instant.
 *
 * @example
 * backoffDelay(0, {}, () => 1);   // 500
 * backoffDelay(3, {}, () => 1);   // 4000
 * backoffDelay(10, {}, () => 0);  // 7500 (half of the 15 s cap)
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = Math.max(0, options.initialMs ?? DEFAULT_BACKOFF_INITIAL_MS);
  const max = Math.max(initial, options.maxMs ?? DEFAULT_BACKOFF_MAX_MS);
  const full = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return Math.round(full / 2 + (full / 2) * random());
}
