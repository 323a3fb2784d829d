import { describe, expect, it } from 'vitest';
import { createMizanClient } from '../src/client';
import { MizanError, isMizanError } from '../src/errors';

function problem(status: number, body: unknown, statusText = ''): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

describe('MizanError.fromResponse', () => {
  it('maps a 422 problem with field errors', async () => {
    const error = await MizanError.fromResponse(
      problem(422, {
        type: 'about:blank',
        status: 422,
        title: 'Validation failed',
        detail: '2 arguments are not valid',
        errors: [
          { path: 'name', message: 'must not be blank' },
          { path: 'address.zip', message: 'size must be between 5 and 5' },
          { path: 'name', message: 'second message for name' },
          { nonsense: true },
          'not an object',
        ],
      }),
    );
    expect(error).toBeInstanceOf(MizanError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MizanError');
    expect(error.status).toBe(422);
    expect(error.title).toBe('Validation failed');
    expect(error.detail).toBe('2 arguments are not valid');
    expect(error.message).toBe('2 arguments are not valid');
    expect(error.isValidation).toBe(true);
    expect(error.fieldErrors).toEqual([
      { path: 'name', message: 'must not be blank' },
      { path: 'address.zip', message: 'size must be between 5 and 5' },
      { path: 'name', message: 'second message for name' },
    ]);
    expect(error.fieldError('name')).toBe('must not be blank');
    expect(error.fieldError('address.zip')).toBe('size must be between 5 and 5');
    expect(error.fieldError('email')).toBeUndefined();
    expect(error.id).toBeUndefined();
    expect(error.type).toBe('about:blank');
  });

  it('maps a 500 problem with its id', async () => {
    const error = await MizanError.fromResponse(
      problem(500, { status: 500, title: 'Internal Server Error', detail: 'Unexpected error', id: 'e7f1c2' }),
    );
    expect(error.status).toBe(500);
    expect(error.title).toBe('Internal Server Error');
    expect(error.detail).toBe('Unexpected error');
    expect(error.id).toBe('e7f1c2');
    expect(error.fieldErrors).toEqual([]);
    expect(error.isValidation).toBe(false);
  });

  it('reads the code Mizan and the application put in a problem', async () => {
    const unknown = await MizanError.fromResponse(
      problem(404, {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: "There is no server function named 'x'",
        code: 'MIZAN-100',
      }),
    );
    expect(unknown.code).toBe('MIZAN-100');
    expect(unknown.detail).toBe("There is no server function named 'x'");
    expect(unknown.message).toBe("There is no server function named 'x'");
    const shipped = await MizanError.fromResponse(
      problem(409, { title: 'Conflict', status: 409, detail: 'Already shipped', code: 'ORDER_SHIPPED' }),
    );
    expect(shipped.code).toBe('ORDER_SHIPPED');
    expect(new MizanError({ status: 409, title: 'Conflict', code: 'ORDER_SHIPPED' }).code).toBe('ORDER_SHIPPED');
  });

  it('leaves the code undefined when it is absent or not a string', async () => {
    expect((await MizanError.fromResponse(problem(409, { status: 409, detail: 'x' }))).code).toBeUndefined();
    expect((await MizanError.fromResponse(problem(409, { status: 409, code: 7 }))).code).toBeUndefined();
    expect((await MizanError.fromResponse(problem(409, { status: 409, code: '' }))).code).toBeUndefined();
    expect(MizanError.network(new Error('offline')).code).toBeUndefined();
  });

  it('falls back to the status text and a default detail when the problem lacks fields', async () => {
    const error = await MizanError.fromResponse(problem(403, {}, 'Forbidden'));
    expect(error.status).toBe(403);
    expect(error.title).toBe('Forbidden');
    expect(error.detail).toBe('');
    expect(error.message).toBe('Forbidden');
  });

  it('uses the HTTP status even when the body says otherwise', async () => {
    const error = await MizanError.fromResponse(problem(404, { status: 200, title: 'Not Found' }));
    expect(error.status).toBe(404);
  });

  it('keeps a short plain-text body as detail', async () => {
    const res = new Response('upstream timed out', {
      status: 504,
      statusText: 'Gateway Timeout',
      headers: { 'Content-Type': 'text/plain' },
    });
    const error = await MizanError.fromResponse(res);
    expect(error.status).toBe(504);
    expect(error.title).toBe('Gateway Timeout');
    expect(error.detail).toBe('upstream timed out');
    expect(error.fieldErrors).toEqual([]);
  });

  it('drops an HTML error page and uses a title from the status', async () => {
    const res = new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    });
    const error = await MizanError.fromResponse(res);
    expect(error.status).toBe(502);
    expect(error.title).toBe('Bad Gateway');
    expect(error.detail).toBe('');
  });

  it('survives a body that claims JSON but is not', async () => {
    const res = new Response('{"title": "cut off', {
      status: 500,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    const error = await MizanError.fromResponse(res);
    expect(error.status).toBe(500);
    expect(error.title).toBe('Internal Server Error');
  });

  it('maps an empty body', async () => {
    const error = await MizanError.fromResponse(new Response(null, { status: 401 }));
    expect(error.status).toBe(401);
    expect(error.title).toBe('Unauthorized');
    expect(error.detail).toBe('');
  });
});

describe('MizanError.fromProblem', () => {
  it('reads a channel error frame like a problem document', () => {
    const error = MizanError.fromProblem({
      op: 'error',
      ref: '3',
      status: 422,
      title: 'Unprocessable Content',
      detail: 'Some arguments are not valid',
      code: 'MIZAN-137',
      errors: [{ path: 'message.text', message: 'must not be blank' }],
    });
    expect(error).toBeInstanceOf(MizanError);
    expect(error.status).toBe(422);
    expect(error.title).toBe('Unprocessable Content');
    expect(error.code).toBe('MIZAN-137');
    expect(error.fieldError('message.text')).toBe('must not be blank');
  });

  it('keeps the id of a 500 and fills a missing title from the status', () => {
    const error = MizanError.fromProblem({ status: 500, id: 'f3a9' });
    expect(error.title).toBe('Internal Server Error');
    expect(error.id).toBe('f3a9');
  });

  it('has status 0 when the problem carries none', () => {
    expect(MizanError.fromProblem({ title: 'Oops' }).status).toBe(0);
    expect(MizanError.fromProblem({ status: '403' }).status).toBe(0);
  });
});

describe('retryAfter', () => {
  it('is the seconds a problem asks to wait, from its body, else from Retry-After', async () => {
    const throttled = await MizanError.fromResponse(
      new Response(JSON.stringify({ status: 429, title: 'Too Many Requests', retryAfter: 30 }), {
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '31' },
      }),
    );
    expect(throttled.retryAfter).toBe(30);
    const proxy = await MizanError.fromResponse(
      new Response('<html>busy</html>', { status: 503, headers: { 'Content-Type': 'text/html', 'Retry-After': '7' } }),
    );
    expect(proxy.retryAfter).toBe(7);
    // a batch entry or an error frame has no headers: the body says it
    expect(MizanError.fromProblem({ status: 429, retryAfter: 5 }).retryAfter).toBe(5);
  });

  it('is undefined when nothing says how long, or says it in a way that is not whole seconds', async () => {
    expect(MizanError.fromProblem({ status: 429 }).retryAfter).toBeUndefined();
    for (const odd of ['soon', -1, 1.5, '12', null]) {
      expect(MizanError.fromProblem({ status: 429, retryAfter: odd }).retryAfter).toBeUndefined();
    }
    const dated = await MizanError.fromResponse(
      new Response('', { status: 503, headers: { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' } }),
    );
    expect(dated.retryAfter).toBeUndefined();
    expect(new MizanError({ status: 500, title: 'x' }).retryAfter).toBeUndefined();
  });
});

describe('network failure', () => {
  it('MizanError.network has status 0 and keeps the cause', () => {
    const cause = new TypeError('Failed to fetch');
    const error = MizanError.network(cause);
    expect(error.status).toBe(0);
    expect(error.title).toBe('Network error');
    expect(error.detail).toBe('Failed to fetch');
    expect((error as Error & { cause?: unknown }).cause).toBe(cause);
  });

  it('a client whose fetch rejects rejects with status 0', async () => {
    const client = createMizanClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const error: unknown = await client.call('anything', {}).catch((e: unknown) => e);
    expect(isMizanError(error)).toBe(true);
    expect((error as MizanError).status).toBe(0);
    expect((error as MizanError).detail).toBe('Failed to fetch');
    const ctxError: unknown = await client.context('currentUser').catch((e: unknown) => e);
    expect((ctxError as MizanError).status).toBe(0);
  });

  it('a real connection refusal gives status 0', async () => {
    // Port 9 (discard) on localhost is closed on test machines: a real fetch failure.
    const client = createMizanClient({ baseUrl: 'http://127.0.0.1:9/api/mizan' });
    const error: unknown = await client.call('anything', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MizanError);
    expect((error as MizanError).status).toBe(0);
  });
});

describe('isMizanError', () => {
  it('recognises errors from another copy of the runtime by shape', () => {
    const foreign = Object.assign(new Error('x'), { name: 'MizanError', status: 400, fieldErrors: [] });
    expect(isMizanError(foreign)).toBe(true);
    expect(isMizanError(new Error('x'))).toBe(false);
    expect(isMizanError({ name: 'MizanError', status: 400, fieldErrors: [] })).toBe(false);
  });
});
