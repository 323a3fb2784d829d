// Mizan client runtime: calls, contexts, problem+json errors, cache invalidation, hydration,
// channels over one WebSocket, live invalidation, forms, React.
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

export { DEFAULT_BACKOFF_INITIAL_MS, DEFAULT_BACKOFF_MAX_MS } from './backoff';
export type { BackoffOptions } from './backoff';

export { applyPresence } from './presence';
export type { PresenceFrame, PresenceMember } from './presence';

export { DEFAULT_SOCKET_PATH } from './socketUrl';
export { createMizanSocket } from './socket';
export type { MizanSocket, MizanSocketOptions, SocketStatus, WebSocketConstructor, WebSocketLike } from './socket';
export type { ChannelHandlers, ChannelJoin } from './channelJoins';

export { enableLiveInvalidation } from './live';

export { SESSION_CONTEXT, watchSessionEnd } from './session';
export type { Credentials, Session } from './session';
export { useLogin, useLogout, useSession } from './auth';

export { MizanProvider, useMizanClient, useMizanSocket } from './react';
export type { MizanProviderProps } from './react';
export { defineLocalContext, useMizanContext } from './contexts';
export type { LocalContext, LocalContextProviderProps, MizanContextOptions } from './contexts';
export { useInvalidateKeys, useMizanMutation } from './mutations';
export type { MizanMutateCallbacks, MizanMutation, MizanMutationOptions } from './mutations';

export { DEFAULT_CHANNEL_KEEP, useChannel } from './useChannel';
export type { ChannelOptions, ChannelState } from './useChannel';

export {
  FORM_ERROR,
  REQUIRED_MESSAGE,
  checkForm,
  fieldError,
  fieldOfPath,
  formPath,
  fromInput,
  initialFormValues,
  readInputs,
  serverFormErrors,
  toInputText,
} from './forms';
export type {
  FormCheck,
  FormDefinition,
  FormErrors,
  FormFieldDefinition,
  FormFieldType,
  FormIssue,
  FormParseResult,
  FormSchema,
  FormValues,
  FormWidget,
} from './forms';

export { mizanResolver, setServerErrors } from './resolver';
export type {
  MizanResolver,
  MizanResolverResult,
  ResolverErrors,
  ResolverFieldError,
  ResolverOptionsLike,
} from './resolver';

export { useMizanForm } from './useMizanForm';
export type { MizanFormOptions, MizanFormState } from './useMizanForm';
export type { FormFieldProps } from './fieldProps';

export { MizanField, MizanForm, humanizeChoice } from './MizanForm';
export type { MizanFieldProps, MizanFormProps } from './MizanForm';
