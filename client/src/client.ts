// HTTP client for the Mizan endpoints: calls, context reads, hydration.

import { MizanError } from './errors';
import { isAbortError } from './isAbortError';
import { isRecord } from './isRecord';
import { INVALIDATE_HEADER, mergeKeys, paramEntries, parseInvalidateHeader } from './keys';

/** The `fetch` signature the client needs; `window.fetch` fits, so does any test double. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Extra request headers: fixed, or computed per request (for example a CSRF token). */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Options of `createMizanClient`. */
export interface MizanClientOptions {
  /** Base URL of the Mizan endpoints: `<context-root>/<jax-rs application path>/mizan`. Default `/api/mizan`. */
  baseUrl?: string | undefined;
  /** The fetch function to use. Default: the global `fetch`, looked up on each request. */
  fetch?: FetchLike | undefined;
  /** Headers added to every request. */
  headers?: HeadersOption | undefined;
  /** Value of `RequestInit.credentials`. Default `same-origin`. */
  credentials?: RequestCredentials | undefined;
}

/** Per-request options. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

/** What a successful call answers: the function's result and the keys it invalidated. */
export interface CallResult<R> {
  result: R;
  invalidate: string[];
}

/** A configured Mizan client. */
export interface MizanClient {
  /** Base URL without a trailing slash. */
  readonly baseUrl: string;
  /** `POST {baseUrl}/call/{name}` with the arguments as a JSON object. */
  call<R>(name: string, args?: unknown, options?: RequestOptions): Promise<CallResult<R>>;
  /** `GET {baseUrl}/ctx/{name}?params`; resolves to the context's result. */
  context<R>(name: string, params?: object, options?: RequestOptions): Promise<R>;
  /** `GET {baseUrl}/hydrate`; resolves to the global contexts the caller may read. */
  hydrate(options?: RequestOptions): Promise<Record<string, unknown>>;
}

/** Default base URL of the Mizan endpoints. */
export const DEFAULT_BASE_URL = '/api/mizan';

function encodeQuery(params: object | undefined): string {
  const pairs = paramEntries(params);
  if (pairs.length === 0) return '';
  return '?' + pairs.map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');
}

/**
 * Creates a client for the Mizan endpoints. Generated code creates one for you through
 * `MizanProvider`; create your own to call functions outside React or to set headers.
 *
 * @example
 * const mizan = createMizanClient({ baseUrl: '/shop/api/mizan' });
 * const { result, invalidate } = await mizan.call<UserView>('updateName', { userId: 5, name: 'Al' });
 * const user = await mizan.context<UserView>('currentUser');
 * const greeting = await mizan.context<Greeting>('greet', { name: 'Al' });
 */
export function createMizanClient(options: MizanClientOptions = {}): MizanClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const credentials = options.credentials ?? 'same-origin';

  async function buildHeaders(own: Record<string, string>): Promise<Headers> {
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers = new Headers(extra);
    for (const [name, value] of Object.entries(own)) headers.set(name, value);
    return headers;
  }

  async function send(url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
    const doFetch: FetchLike = options.fetch ?? ((input, requestInit) => globalThis.fetch(input, requestInit));
    let res: Response;
    try {
      res = await doFetch(url, signal ? { ...init, signal } : init);
    } catch (error) {
      if (isAbortError(error, signal)) throw error;
      throw MizanError.network(error);
    }
    if (!res.ok) throw await MizanError.fromResponse(res);
    return res;
  }

  async function readJson(res: Response): Promise<Record<string, unknown>> {
    let body: unknown;
    try {
      body = await res.json();
    } catch (cause) {
      throw new MizanError({
        status: res.status,
        title: 'Invalid response',
        detail: 'The server answered with a body that is not JSON.',
        cause,
      });
    }
    if (!isRecord(body)) {
      throw new MizanError({
        status: res.status,
        title: 'Invalid response',
        detail: 'The server answered with JSON that is not an object.',
      });
    }
    return body;
  }

  return {
    baseUrl,

    async call<R>(name: string, args?: unknown, requestOptions?: RequestOptions): Promise<CallResult<R>> {
      const headers = await buildHeaders({ 'Content-Type': 'application/json', Accept: 'application/json' });
      const res = await send(
        `${baseUrl}/call/${encodeURIComponent(name)}`,
        { method: 'POST', headers, credentials, body: JSON.stringify(args ?? {}) },
        requestOptions?.signal,
      );
      const body = await readJson(res);
      const fromBody = Array.isArray(body['invalidate'])
        ? (body['invalidate'] as unknown[]).filter((k): k is string => typeof k === 'string')
        : [];
      return {
        result: body['result'] as R,
        invalidate: mergeKeys(fromBody, parseInvalidateHeader(res.headers.get(INVALIDATE_HEADER))),
      };
    },

    async context<R>(name: string, params?: object, requestOptions?: RequestOptions): Promise<R> {
      const headers = await buildHeaders({ Accept: 'application/json' });
      const res = await send(
        `${baseUrl}/ctx/${encodeURIComponent(name)}${encodeQuery(params)}`,
        { method: 'GET', headers, credentials },
        requestOptions?.signal,
      );
      const body = await readJson(res);
      return body['result'] as R;
    },

    async hydrate(requestOptions?: RequestOptions): Promise<Record<string, unknown>> {
      const headers = await buildHeaders({ Accept: 'application/json' });
      const res = await send(`${baseUrl}/hydrate`, { method: 'GET', headers, credentials }, requestOptions?.signal);
      const body = await readJson(res);
      const contexts = body['contexts'];
      return isRecord(contexts) ? contexts : {};
    },
  };
}
