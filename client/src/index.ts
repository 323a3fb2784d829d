// Mizan client runtime: calls, contexts, problem+json errors, cache invalidation, hydration, React.
//
// Each module carries doc comments with examples on every exported function.

export {
  INVALIDATE_HEADER,
  encodeKeyPart,
  formatInvalidateHeader,
  formatKey,
  keyMatches,
  mergeKeys,
  paramEntries,
  paramToString,
  parseInvalidateHeader,
  parseKey,
} from './keys';
export type { KeyParams, ParsedKey } from './keys';

export { MizanError, isMizanError } from './errors';
export type { FieldError, MizanErrorInit } from './errors';

export { DEFAULT_BASE_URL, createMizanClient } from './client';
export type { CallResult, FetchLike, HeadersOption, MizanClient, MizanClientOptions, RequestOptions } from './client';

export {
  QUERY_KEY_PREFIX,
  contextQuery,
  contextQueryKey,
  createMizanQueryClient,
  invalidateKeys,
  isMizanQueryKey,
  matchKeys,
} from './cache';
export type { MizanQueryKey } from './cache';

export { HYDRATION_ELEMENT_ID, hydrateQueryClient, readHydration } from './hydration';
export type { HydratedContexts } from './hydration';

export {
  MizanProvider,
  defineLocalContext,
  useInvalidateKeys,
  useMizanClient,
  useMizanContext,
  useMizanMutation,
} from './react';
export type {
  LocalContext,
  LocalContextProviderProps,
  MizanContextOptions,
  MizanMutateCallbacks,
  MizanMutation,
  MizanMutationOptions,
  MizanProviderProps,
} from './react';
