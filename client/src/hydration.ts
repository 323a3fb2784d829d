// Global contexts rendered into the page by the server, seeded into the query cache at start.
//
//   <script type="application/json" id="mizan-hydration">{"contexts": {"currentUser": {...}}}</script>

import type { QueryClient } from '@tanstack/react-query';
import { contextQueryKey } from './cache';
import { isRecord } from './isRecord';
import { parseJsonObject } from './parseJsonObject';

/** Id of the `<script type="application/json">` element that carries hydration data. */
export const HYDRATION_ELEMENT_ID = 'mizan-hydration';

/** Global contexts by name, as `GET /hydrate` and the hydration script carry them. */
export type HydratedContexts = Record<string, unknown>;

/**
 * Reads the hydration script from the page and returns its `contexts` object; `{}` when the
 * script is absent, empty or malformed, or when there is no document (server rendering, tests).
 *
 * @example
 * const contexts = readHydration();          // { currentUser: { id: 5, name: 'Al' } }
 * const fromOther = readHydration(iframe.contentDocument!);
 */
export function readHydration(
  doc: Document | undefined = globalThis.document,
): HydratedContexts {
  // no script, or an empty one, is no JSON either
  const contexts = parseJsonObject(doc?.getElementById(HYDRATION_ELEMENT_ID)?.textContent ?? '')?.['contexts'];
  return isRecord(contexts) ? { ...contexts } : {};
}

/**
 * Seeds the query cache with global contexts, under `['mizan', name, {}]`. Entries that already
 * hold data are left alone, so hydrating twice never overwrites fresher data.
 *
 * @example
 * hydrateQueryClient(queryClient, readHydration());
 * hydrateQueryClient(queryClient, await mizan.hydrate());
 */
export function hydrateQueryClient(queryClient: QueryClient, contexts: HydratedContexts): void {
  for (const [name, value] of Object.entries(contexts)) {
    const key = contextQueryKey(name);
    if (value !== undefined && queryClient.getQueryData(key) === undefined) queryClient.setQueryData(key, value);
  }
}
