// HTTP client for the Mizan endpoints: calls, context reads, hydration.

import { MizanError } from './errors';
import { isAbortError } from './isAbortError';
import { isRecord } from './isRecord';
import { INVALIDATE_HEADER, encodeParams, mergeKeys, paramEntries, parseInvalidateHeader, readKeys } from './keys';

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
  /**
   * Sends the calls and context reads made in the same tick as one `POST {baseUrl}/batch`, each
   * answered on its own. Default `true`; a lone request goes out as it would without batching.
   */
  batch?: boolean | undefined;
  /**
   * The most entries in one batch. Default 20, the server's `mizan.batch.max-entries`. More are split
   * into batches sent together: entries run in order within a batch, not across batches (a read that
   * must see an `auth.login` of the same tick runs after it only when both fit one batch).
   */
  maxBatchEntries?: number | undefined;
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

/** One call or context read waiting for the batch of its tick. */
interface Queued {
  entry: { call: string; args: unknown } | { ctx: string; params: Record<string, string> };
  signal: AbortSignal | undefined;
  /** The request sent on its own: when batching is off, or for a batch of one. */
  alone: () => Promise<unknown>;
  settle: (answer: Record<string, unknown>) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Default base URL of the Mizan endpoints. */
export const DEFAULT_BASE_URL = '/api/mizan';

function encodeQuery(params: object | undefined): string {
  const pairs = encodeParams(params);
  return pairs.length === 0 ? '' : '?' + pairs.join('&');
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
 * // made in the same tick, these two go out as one POST /shop/api/mizan/batch
 * const [a, b] = await Promise.all([mizan.context('settings'), mizan.context('currentUser')]);
 */
export function createMizanClient(options: MizanClientOptions = {}): MizanClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const credentials = options.credentials ?? 'same-origin';

  function invalid(res: Response, detail: string, cause?: unknown): MizanError {
    return new MizanError({ status: res.status, title: 'Invalid response', detail, cause });
  }

  /** `{baseUrl}{path}`, a POST of `body` as JSON when there is one, else a GET; the answer's object and itself. */
  async function request(
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<[Record<string, unknown>, Response]> {
    let res: Response;
    try {
      // inside the try: a headers function that throws fails the request as a MizanError too
      const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
      headers.set('Accept', 'application/json');
      const init: RequestInit = { method: 'GET', headers, credentials };
      if (body !== undefined) {
        headers.set('Content-Type', 'application/json');
        init.method = 'POST';
        init.body = JSON.stringify(body);
      }
      if (signal) init.signal = signal;
      // the global fetch is looked up on each request
      res = await (options.fetch ?? globalThis.fetch)(baseUrl + path, init);
    } catch (error) {
      if (isAbortError(error, signal)) throw error;
      throw MizanError.network(error);
    }
    if (!res.ok) throw await MizanError.fromResponse(res);
    let json: unknown;
    try {
      json = await res.json();
    } catch (cause) {
      // an abort or a dropped connection while the body comes is not the server's answer
      if (isAbortError(cause, signal)) throw cause;
      throw cause instanceof SyntaxError ? invalid(res, 'The body is not JSON.', cause) : MizanError.network(cause);
    }
    if (!isRecord(json)) throw invalid(res, 'The body is not a JSON object.');
    return [json, res];
  }

  /** The `result` of a call's or read's answer, which every answer has (`null` for nothing). */
  function resultOf<R>(answer: Record<string, unknown>, res: Response): R {
    if (!('result' in answer)) throw invalid(res, 'The answer has no result.');
    return answer['result'] as R;
  }

  const batching = options.batch ?? true;
  // NaN (a setting read from nowhere) is the default, not a batch that never fills
  const maxEntries = Math.max(1, Math.floor(options.maxBatchEntries ?? 20)) || 20;
  let queue: Queued[] = [];

  /** Queues a request for the batch of its tick; sends it alone when batching is off. */
  function send(queued: Omit<Queued, 'resolve' | 'reject'>): Promise<unknown> {
    if (!batching) return queued.alone();
    return new Promise((resolve, reject) => {
      if (queue.length === 0) setTimeout(flush, 0);
      queue.push({ ...queued, resolve, reject });
    });
  }

  function flush(): void {
    const waiting = queue.filter((q) => {
      if (!q.signal?.aborted) return true;
      q.reject(q.signal.reason);
      return false;
    });
    queue = [];
    if (waiting.length === 1) {
      const [only] = waiting as [Queued];
      only.alone().then(only.resolve, only.reject);
      return;
    }
    for (let i = 0; i < waiting.length; i += maxEntries) void sendBatch(waiting.slice(i, i + maxEntries));
  }

  async function sendBatch(part: Queued[]): Promise<void> {
    // an entry aborted while the batch is out settles at once; the others still need the answer
    const onAbort = part.map((q) => {
      const abort = () => q.reject(q.signal?.reason);
      q.signal?.addEventListener('abort', abort, { once: true });
      return abort;
    });
    try {
      const [body, res] = await request('/batch', { batch: part.map((q) => q.entry) }, undefined);
      const answers = body['batch'];
      part.forEach((q, i) => {
        const answer: unknown = Array.isArray(answers) ? answers[i] : undefined;
        try {
          if (!isRecord(answer) || typeof answer['status'] !== 'number') {
            throw invalid(res, 'A batch entry has no answer.');
          }
          const status = answer['status'];
          if (status !== 200) {
            const problem = answer['error'];
            throw MizanError.fromProblem({ ...(isRecord(problem) ? problem : {}), status });
          }
          resultOf(answer, res);
          q.resolve(q.settle(answer));
        } catch (error) {
          q.reject(error);
        }
      });
    } catch (error) {
      for (const q of part) q.reject(error);
    } finally {
      // a long-lived signal would otherwise keep every request it was given
      part.forEach((q, i) => q.signal?.removeEventListener('abort', onAbort[i] as () => void));
    }
  }

  return {
    baseUrl,

    call<R>(name: string, args?: unknown, requestOptions?: RequestOptions): Promise<CallResult<R>> {
      const signal = requestOptions?.signal;
      const body = args ?? {};
      return send({
        entry: { call: name, args: body },
        signal,
        alone: async () => {
          const [answer, res] = await request(`/call/${encodeURIComponent(name)}`, body, signal);
          const result = resultOf<R>(answer, res);
          const fromHeader = parseInvalidateHeader(res.headers.get(INVALIDATE_HEADER));
          return { result, invalidate: mergeKeys(readKeys(answer['invalidate']), fromHeader) };
        },
        settle: (answer) => ({ result: answer['result'] as R, invalidate: readKeys(answer['invalidate']) }),
      }) as Promise<CallResult<R>>;
    },

    context<R>(name: string, params?: object, requestOptions?: RequestOptions): Promise<R> {
      const signal = requestOptions?.signal;
      return send({
        entry: { ctx: name, params: Object.fromEntries(paramEntries(params)) },
        signal,
        alone: async () => {
          const path = `/ctx/${encodeURIComponent(name)}${encodeQuery(params)}`;
          const [answer, res] = await request(path, undefined, signal);
          return resultOf<R>(answer, res);
        },
        settle: (answer) => answer['result'] as R,
      }) as Promise<R>;
    },

    async hydrate(requestOptions?: RequestOptions): Promise<Record<string, unknown>> {
      const contexts = (await request('/hydrate', undefined, requestOptions?.signal))[0]['contexts'];
      return isRecord(contexts) ? contexts : {};
    },
  };
}
