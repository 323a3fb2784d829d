// Errors from server functions, mapped from RFC 9457 `application/problem+json` answers.

import { recordsIn } from './isRecord';
import { parseJsonObject } from './parseJsonObject';

/** One Bean Validation failure: the argument path (`name`, `form.email`) and its message. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** What a `MizanError` is built from. */
export interface MizanErrorInit {
  status: number;
  title: string;
  detail?: string | undefined;
  fieldErrors?: readonly FieldError[] | undefined;
  id?: string | undefined;
  code?: string | undefined;
  type?: string | undefined;
  retryAfter?: number | undefined;
  cause?: unknown;
}

const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const MAX_TEXT_DETAIL = 500;

function readFieldErrors(value: unknown): FieldError[] {
  const out: FieldError[] = [];
  for (const item of recordsIn(value)) {
    const message = item['message'];
    if (typeof message === 'string') out.push({ path: string(item['path']) ?? '', message });
  }
  return out;
}

function defaultTitle(status: number): string {
  return STATUS_TITLES[status] ?? (status === 0 ? 'Network error' : `HTTP ${status}`);
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The seconds a problem's `retryAfter` asks to wait, if it is a whole number of them. */
function seconds(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
}

function readProblem(
  body: Readonly<Record<string, unknown>>,
  status: number,
  fallbackTitle: string,
  retryAfter?: number,
): MizanError {
  const id = body['id'];

  return new MizanError({
    status,
    title: string(body['title']) || fallbackTitle,
    detail: string(body['detail']) ?? '',
    fieldErrors: readFieldErrors(body['errors']),
    id: typeof id === 'number' ? String(id) : string(id),
    code: string(body['code']) || undefined,
    type: string(body['type']),
    retryAfter: seconds(body['retryAfter']) ?? retryAfter,
  });
}

/**
 * The error every Mizan call and context fetch rejects with, and that a channel reports.
 *
 * - `status`: the HTTP status; `0` when the server could not be reached.
 * - `title`, `detail`: from the problem document.
 * - `fieldErrors`: Bean Validation failures (422).
 * - `id`: the id the server logged an unexpected failure under (500).
 * - `code`: what went wrong, for programs: Mizan's own ids (`MIZAN-100`, listed in
 *   `docs/problems.md`) or the application's (`MizanException.withCode(409, "ORDER_SHIPPED", ...)`);
 *   `undefined` when the problem has none.
 * - `retryAfter`: how many seconds the server asks to wait before trying again (a throttled
 *   sign-in's 429, a 503), from the problem or its `Retry-After`; `undefined` when it asks nothing.
 *
 * @example
 * try { await api.ship({ orderId: 7 }); }
 * catch (e) { if (isMizanError(e) && e.code === 'ORDER_SHIPPED') showShipped(); else throw e; }
 */
export class MizanError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: readonly FieldError[];
  readonly id: string | undefined;
  /** The problem's `code`: `MIZAN-100` for an unknown function, or the application's own; `undefined` if none. */
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(init: MizanErrorInit) {
    const detail = init.detail ?? '';
    super(detail || init.title);
    this.name = 'MizanError';
    if (init.cause !== undefined) {
      // Set by hand so the runtime compiles against ES2020 libs too (no ErrorOptions there).
      Object.defineProperty(this, 'cause', { value: init.cause, configurable: true, writable: true });
    }
    this.status = init.status;
    this.title = init.title;
    this.detail = detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.id = init.id;
    this.code = init.code;
    this.type = init.type;
    this.retryAfter = init.retryAfter;
  }

  /**
   * The message of the first field error at `path`, or `undefined`.
   *
   * @example
   * try { await api.updateName({ userId: 5, name: '' }); }
   * catch (e) { if (e instanceof MizanError) console.log(e.fieldError('name')); } // "must not be blank"
   */
  fieldError(path: string): string | undefined {
    return this.fieldErrors.find((e) => e.path === path)?.message;
  }

  /** True for 422 answers that carry field errors. */
  get isValidation(): boolean {
    return this.status === 422;
  }

  /**
   * Builds an error from a non-2xx response. Reads `application/problem+json` (or any JSON object
   * with the same fields); for other bodies keeps the HTTP status, uses the status text as title
   * and short plain text as detail.
   *
   * @example
   * const res = await fetch('/api/mizan/call/updateName', init);
   * if (!res.ok) throw await MizanError.fromResponse(res);
   */
  static async fromResponse(res: Response): Promise<MizanError> {
    const status = res.status;
    // the standard title first: Payara's status line says `422 CUSTOM`
    const title = STATUS_TITLES[status] ?? (res.statusText || defaultTitle(status));
    // delta-seconds only: an HTTP date would need a clock the server and the browser agree on
    const header = res.headers.get('Retry-After') ?? '';
    const retryAfter = /^\d+$/.test(header) ? Number(header) : undefined;
    let text: string;
    try {
      text = await res.text();
    } catch (cause) {
      return new MizanError({ status, title, retryAfter, cause });
    }
    const trimmed = text.trim();
    // whatever the Content-Type says: a JSON object is read as a problem
    const body = parseJsonObject(trimmed);
    if (body) return readProblem(body, status, title, retryAfter);
    const contentType = (res.headers.get('Content-Type') ?? '').toLowerCase();
    const plain = !contentType.includes('html') && !trimmed.startsWith('<');
    return new MizanError({ status, title, detail: plain ? trimmed.slice(0, MAX_TEXT_DETAIL) : '', retryAfter });
  }

  /**
   * Builds an error from a problem object that is already parsed, such as a channel's
   * `{"op":"error",...}` frame: `status`, `title`, `detail`, `errors`, `code`, `id` and `type` are
   * read as in `application/problem+json`. A missing status is `0`.
   *
   * @example
   * MizanError.fromProblem({ status: 403, title: 'Forbidden', code: 'MIZAN-150' }).status; // 403
   */
  static fromProblem(problem: Readonly<Record<string, unknown>>): MizanError {
    const value = problem['status'];
    // Number.isInteger is false for anything but a number
    const known = Number.isInteger(value);
    // a status of another type is a malformed answer, not a network failure (status 0)
    return readProblem(problem, known ? (value as number) : 0, known ? defaultTitle(value as number) : 'Invalid response');
  }

  /**
   * The error for a request that never got an answer (offline, DNS, CORS, connection reset): status 0.
   *
   * @example
   * fetch(url).catch((cause) => { throw MizanError.network(cause); });
   */
  static network(cause: unknown): MizanError {
    const detail = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '';
    return new MizanError({ status: 0, title: 'Network error', detail, cause });
  }
}

/**
 * Type guard for `MizanError` (works across copies of the runtime, e.g. two generated folders).
 *
 * @example
 * if (isMizanError(error) && error.status === 401) navigate('/login');
 */
export function isMizanError(value: unknown): value is MizanError {
  if (value instanceof MizanError) return true;
  return (
    value instanceof Error &&
    value.name === 'MizanError' &&
    typeof (value as { status?: unknown }).status === 'number' &&
    Array.isArray((value as { fieldErrors?: unknown }).fieldErrors)
  );
}

/**
 * The error as a `MizanError`: itself when it is one, else status 0 with its message as detail.
 *
 * @example
 * try { return await client.call(name, args); } catch (error) { throw asMizanError(error); }
 */
export function asMizanError(error: unknown): MizanError {
  if (isMizanError(error)) return error;
  return new MizanError({
    status: 0,
    title: 'Request failed',
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
