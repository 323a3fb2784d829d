// Listeners of the page's socket belong to many components: one that throws must not keep the
// others from running.

/**
 * Calls `fn`; an error it throws is rethrown on its own, where the page reports uncaught errors.
 *
 * @example
 * for (const listener of listeners) callSafely(() => listener(status));
 */
export function callSafely(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    setTimeout(() => {
      throw error;
    }, 0);
  }
}

/**
 * Calls each listener with `args`, safely; the set may change meanwhile (a listener that
 * unsubscribes), so it is copied first.
 *
 * @example
 * callEach(statusListeners, 'open');
 */
export function callEach<A extends unknown[]>(listeners: ReadonlySet<(...args: A) => void>, ...args: A): void {
  for (const listener of [...listeners]) callSafely(() => listener(...args));
}
