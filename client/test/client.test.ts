import { describe, expect, it } from 'vitest';
import { createMizanClient } from '../src/client';
import type { FetchLike } from '../src/client';
import { MizanError } from '../src/errors';

interface Recorded {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

/** A fetch that records every request and answers with the responses produced by `answer`. */
function recordingFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const requests: Recorded[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    });
    return answer(url, init);
  };
  return { fetch, requests };
}

function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(body), { ...init, headers });
}

describe('client.call', () => {
  it('POSTs the arguments as JSON to {base}/call/{name}', async () => {
    const { fetch, requests } = recordingFetch(() => json({ result: { id: 5, name: 'Al' }, invalidate: [] }));
    const client = createMizanClient({ fetch });
    const out = await client.call<{ id: number; name: string }>('updateName', { userId: 5, name: 'Al' });

    expect(out).toEqual({ result: { id: 5, name: 'Al' }, invalidate: [] });
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect(req.url).toBe('/api/mizan/call/updateName');
    expect(req.method).toBe('POST');
    expect(req.headers.get('Content-Type')).toBe('application/json');
    expect(req.headers.get('Accept')).toBe('application/json');
    expect(req.credentials).toBe('same-origin');
    expect(JSON.parse(req.body ?? '')).toEqual({ userId: 5, name: 'Al' });
  });

  it('sends {} when there are no arguments', async () => {
    const { fetch, requests } = recordingFetch(() => json({ result: null, invalidate: [] }));
    await createMizanClient({ fetch }).call('weekly');
    expect(requests[0]!.body).toBe('{}');
  });

  it('uses the configured base URL (trailing slash dropped) and encodes the name', async () => {
    const { fetch, requests } = recordingFetch(() => json({ result: 1 }));
    const client = createMizanClient({ fetch, baseUrl: 'https://shop.example/app/api/mizan/' });
    expect(client.baseUrl).toBe('https://shop.example/app/api/mizan');
    await client.call('contact.submit', {});
    await client.call('a b/c', {});
    expect(requests.map((r) => r.url)).toEqual([
      'https://shop.example/app/api/mizan/call/contact.submit',
      'https://shop.example/app/api/mizan/call/a%20b%2Fc',
    ]);
  });

  it('merges body and header keys, deduped, body order first', async () => {
    const { fetch } = recordingFetch(() =>
      json(
        { result: true, invalidate: ['currentUser', 'userProfile;userId=5'] },
        { headers: { 'X-Mizan-Invalidate': 'userProfile;userId=5, todos;owner=bob, currentUser' } },
      ),
    );
    const out = await createMizanClient({ fetch }).call('updateName', {});
    expect(out.invalidate).toEqual(['currentUser', 'userProfile;userId=5', 'todos;owner=bob']);
  });

  it('reads keys from the header alone, and tolerates a missing invalidate field', async () => {
    const { fetch } = recordingFetch(() => json({ result: 3 }, { headers: { 'X-Mizan-Invalidate': 'a, b;x=1' } }));
    const out = await createMizanClient({ fetch }).call<number>('f', {});
    expect(out).toEqual({ result: 3, invalidate: ['a', 'b;x=1'] });
  });

  it('ignores non-string entries in invalidate', async () => {
    const { fetch } = recordingFetch(() => json({ result: 0, invalidate: ['a', 7, null, 'a'] }));
    expect((await createMizanClient({ fetch }).call('f', {})).invalidate).toEqual(['a']);
  });

  it('adds configured headers, fixed or computed per request, without losing its own', async () => {
    let token = 0;
    const { fetch, requests } = recordingFetch(() => json({ result: null }));
    const client = createMizanClient({
      fetch,
      headers: async () => ({ 'X-CSRF-Token': `t${++token}`, 'Content-Type': 'text/plain' }),
    });
    await client.call('f', {});
    await client.context('g');
    expect(requests[0]!.headers.get('X-CSRF-Token')).toBe('t1');
    expect(requests[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(requests[1]!.headers.get('X-CSRF-Token')).toBe('t2');

    const fixed = recordingFetch(() => json({ result: null }));
    await createMizanClient({ fetch: fixed.fetch, headers: { Authorization: 'Bearer x' } }).call('f', {});
    expect(fixed.requests[0]!.headers.get('Authorization')).toBe('Bearer x');
  });

  it('rejects with the MizanError of a problem answer', async () => {
    const { fetch } = recordingFetch(
      () =>
        new Response(
          JSON.stringify({ status: 422, title: 'Invalid', detail: 'x', errors: [{ path: 'name', message: 'blank' }] }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    );
    const error: unknown = await createMizanClient({ fetch })
      .call('updateName', { name: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MizanError);
    expect((error as MizanError).status).toBe(422);
    expect((error as MizanError).fieldError('name')).toBe('blank');
  });

  it('rejects when a 200 body is not a JSON object', async () => {
    const notJson = recordingFetch(() => new Response('<html>login</html>', { status: 200 }));
    const e1: unknown = await createMizanClient({ fetch: notJson.fetch }).call('f', {}).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(MizanError);
    expect((e1 as MizanError).title).toBe('Invalid response');

    const array = recordingFetch(() => json([1, 2]));
    const e2: unknown = await createMizanClient({ fetch: array.fetch }).call('f', {}).catch((e: unknown) => e);
    expect((e2 as MizanError).title).toBe('Invalid response');
  });

  it('passes an abort through unchanged', async () => {
    const controller = new AbortController();
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        // Like the real fetch: rejects at once if already aborted, else when aborted.
        const abort = () => reject(new DOMException('aborted', 'AbortError'));
        if (init.signal?.aborted) abort();
        init.signal?.addEventListener('abort', abort);
      });
    const pending = createMizanClient({ fetch }).call('slow', {}, { signal: controller.signal });
    controller.abort();
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(MizanError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('works with the global fetch when none is given', async () => {
    const original = globalThis.fetch;
    const { fetch, requests } = recordingFetch(() => json({ result: 'ok' }));
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => fetch(String(input), init ?? {});
    try {
      const out = await createMizanClient().call<string>('ping', {});
      expect(out.result).toBe('ok');
      expect(requests[0]!.url).toBe('/api/mizan/call/ping');
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe('client.context', () => {
  it('GETs {base}/ctx/{name} with sorted scalar params and returns the result', async () => {
    const { fetch, requests } = recordingFetch(() => json({ result: [{ id: 1 }] }));
    const client = createMizanClient({ fetch });
    const todos = await client.context<{ id: number }[]>('todos', {
      owner: 'bob & al',
      listId: 7,
      done: false,
      ratio: 0.5,
      none: null,
      missing: undefined,
    });
    expect(todos).toEqual([{ id: 1 }]);
    const req = requests[0]!;
    expect(req.method).toBe('GET');
    expect(req.body).toBeUndefined();
    expect(req.credentials).toBe('same-origin');
    expect(req.headers.get('Accept')).toBe('application/json');
    expect(req.headers.has('Content-Type')).toBe(false);
    expect(req.url).toBe('/api/mizan/ctx/todos?done=false&listId=7&owner=bob%20%26%20al&ratio=0.5');
    const query = new URL(req.url, 'http://x').searchParams;
    expect(query.get('owner')).toBe('bob & al');
  });

  it('has no query string without params', async () => {
    const { fetch, requests } = recordingFetch(() => json({ result: { name: 'Al' } }));
    expect(await createMizanClient({ fetch }).context('currentUser')).toEqual({ name: 'Al' });
    expect(requests[0]!.url).toBe('/api/mizan/ctx/currentUser');
  });

  it('resolves to null results', async () => {
    const { fetch } = recordingFetch(() => json({ result: null }));
    expect(await createMizanClient({ fetch }).context('currentUser')).toBeNull();
  });

  it('rejects with a MizanError on 404', async () => {
    const { fetch } = recordingFetch(
      () =>
        new Response(JSON.stringify({ status: 404, title: 'Not Found', detail: 'No context "nope"' }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    await expect(createMizanClient({ fetch }).context('nope')).rejects.toMatchObject({
      status: 404,
      detail: 'No context "nope"',
    });
  });
});

describe('client.hydrate', () => {
  it('GETs {base}/hydrate and returns the contexts', async () => {
    const { fetch, requests } = recordingFetch(() => json({ contexts: { currentUser: { id: 5 } } }));
    expect(await createMizanClient({ fetch }).hydrate()).toEqual({ currentUser: { id: 5 } });
    expect(requests[0]!.url).toBe('/api/mizan/hydrate');
    expect(requests[0]!.method).toBe('GET');
  });
});

describe('batching', () => {
  const batchAnswer = (entries: unknown[]) => json({ batch: entries });

  it('sends the calls and reads of one tick as one POST {base}/batch, in order, each settled on its own', async () => {
    const { fetch, requests } = recordingFetch(() =>
      batchAnswer([
        { status: 200, result: { motto: 'hi' } },
        { status: 200, result: 3, invalidate: ['todos;owner=bob'] },
        { status: 422, error: { title: 'Unprocessable Content', status: 422, code: 'MIZAN-137', errors: [{ path: 'name', message: 'must not be blank' }] } },
      ]),
    );
    const client = createMizanClient({ fetch, headers: { 'X-Csrf': 't' } });
    const settings = client.context('settings');
    const added = client.call('addTodo', { owner: 'bob', text: 'x' });
    const renamed = client.call('rename', { name: '' }).catch((e: unknown) => e);

    expect(await settings).toEqual({ motto: 'hi' });
    expect(await added).toEqual({ result: 3, invalidate: ['todos;owner=bob'] });
    const error = (await renamed) as MizanError;
    expect(error).toBeInstanceOf(MizanError);
    expect([error.status, error.code, error.fieldError('name')]).toEqual([422, 'MIZAN-137', 'must not be blank']);
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect([req.url, req.method, req.headers.get('Content-Type'), req.headers.get('X-Csrf')]).toEqual([
      '/api/mizan/batch',
      'POST',
      'application/json',
      't',
    ]);
    expect(JSON.parse(req.body ?? '')).toEqual({
      batch: [
        { ctx: 'settings', params: {} },
        { call: 'addTodo', args: { owner: 'bob', text: 'x' } },
        { call: 'rename', args: { name: '' } },
      ],
    });
  });

  it('sends read parameters as the text of a query string', async () => {
    const { fetch, requests } = recordingFetch(() => batchAnswer([{ status: 200, result: 1 }, { status: 200, result: 2 }]));
    const client = createMizanClient({ fetch });
    await Promise.all([client.context('todos', { owner: 'bob', listId: 7, done: false, x: null }), client.context('a')]);
    expect(JSON.parse(requests[0]!.body ?? '').batch[0]).toEqual({
      ctx: 'todos',
      params: { done: 'false', listId: '7', owner: 'bob' },
    });
  });

  it('sends a lone request as it would go without batching', async () => {
    const { fetch, requests } = recordingFetch(() => json({ result: 'x' }));
    const client = createMizanClient({ fetch });
    expect(await client.context('greet', { name: 'Al' })).toBe('x');
    await new Promise((r) => setTimeout(r, 1)); // the next tick's read is alone again
    await client.context('greet', { name: 'Bo' });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/mizan/ctx/greet?name=Al',
      'GET /api/mizan/ctx/greet?name=Bo',
    ]);
  });

  it('is switched off with batch: false', async () => {
    const { fetch, requests } = recordingFetch((url) => json(url.includes('/call/') ? { result: 1, invalidate: [] } : { result: 2 }));
    const client = createMizanClient({ fetch, batch: false });
    await Promise.all([client.context('a'), client.call('b'), client.context('c')]);
    expect(requests.map((r) => r.url)).toEqual(['/api/mizan/ctx/a', '/api/mizan/call/b', '/api/mizan/ctx/c']);
  });

  it('splits a tick into batches of maxBatchEntries', async () => {
    const { fetch, requests } = recordingFetch((_url, init) => {
      const entries = (JSON.parse(String(init.body)) as { batch: { ctx: string }[] }).batch;
      return batchAnswer(entries.map((e) => ({ status: 200, result: e.ctx })));
    });
    const client = createMizanClient({ fetch, maxBatchEntries: 2 });
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => client.context(name)));
    expect(results).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(requests.map((r) => JSON.parse(r.body ?? '').batch.length)).toEqual([2, 2, 1]);
  });

  it('rejects every entry with the error of a refused batch, or of the network', async () => {
    const refused = createMizanClient({
      fetch: async () => json({ title: 'Content Too Large', status: 413, code: 'MIZAN-125' }, { status: 413 }),
    });
    const both = await Promise.allSettled([refused.context('a'), refused.call('b')]);
    expect(both.map((s) => (s.status === 'rejected' ? (s.reason as MizanError).code : s.status))).toEqual([
      'MIZAN-125',
      'MIZAN-125',
    ]);
    const offline = createMizanClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const down = await Promise.allSettled([offline.context('a'), offline.context('b')]);
    expect(down.map((s) => (s.status === 'rejected' ? (s.reason as MizanError).status : -1))).toEqual([0, 0]);
  });

  it('rejects an entry the answer leaves out', async () => {
    const { fetch } = recordingFetch(() => batchAnswer([{ status: 200, result: 1 }]));
    const client = createMizanClient({ fetch });
    const [a, b] = await Promise.allSettled([client.context('a'), client.context('b')]);
    expect(a).toEqual({ status: 'fulfilled', value: 1 });
    expect(b.status === 'rejected' && (b.reason as MizanError).title).toBe('Invalid response');
  });

  it('drops an entry aborted before the batch leaves, and settles one aborted in flight at once', async () => {
    let release: () => void = () => {};
    const { fetch, requests } = recordingFetch(async (_url, init) => {
      await new Promise<void>((r) => (release = r));
      const entries = (JSON.parse(String(init.body)) as { batch: { ctx: string }[] }).batch;
      return batchAnswer(entries.map((e) => ({ status: 200, result: e.ctx })));
    });
    const client = createMizanClient({ fetch });
    const early = new AbortController();
    const late = new AbortController();
    const dropped = client.context('dropped', {}, { signal: early.signal }).catch((e: unknown) => e);
    const aborted = client.context('aborted', {}, { signal: late.signal }).catch((e: unknown) => e);
    const kept = client.context('kept');
    const other = client.context('other');
    early.abort(new DOMException('gone', 'AbortError'));
    await new Promise((r) => setTimeout(r, 5));
    expect(JSON.parse(requests[0]!.body ?? '').batch.map((e: { ctx: string }) => e.ctx)).toEqual([
      'aborted',
      'kept',
      'other',
    ]);
    late.abort(new DOMException('late', 'AbortError'));
    expect(((await aborted) as DOMException).message).toBe('late');
    release();
    expect([await kept, await other]).toEqual(['kept', 'other']);
    expect(((await dropped) as DOMException).message).toBe('gone');
  });
});

describe("answers out of shape, and the client's own limits", () => {
  const batchAnswer = (entries: unknown[]) => json({ batch: entries });
  const outcome = (s: PromiseSettledResult<unknown>) =>
    s.status === 'fulfilled' ? s.value : [(s.reason as MizanError).status, (s.reason as MizanError).title];

  it('rejects an answer without result as invalid, alone and in a batch', async () => {
    const alone = createMizanClient({ fetch: async () => json({ invalidate: [] }) });
    await expect(alone.context('a')).rejects.toMatchObject({ status: 200, title: 'Invalid response' });
    await expect(alone.call('b')).rejects.toMatchObject({ status: 200, title: 'Invalid response' });
    const batched = createMizanClient({ fetch: async () => batchAnswer([{ status: 200 }, { status: 200, result: null }]) });
    const settled = await Promise.allSettled([batched.context('a'), batched.context('b')]);
    expect(settled.map(outcome)).toEqual([[200, 'Invalid response'], null]);
  });

  it('rejects a batch entry whose status is no number as invalid, not as a network error', async () => {
    const client = createMizanClient({
      fetch: async () => batchAnswer([{ result: 1 }, { status: '200', result: 2 }, { status: 200, result: 3 }]),
    });
    const settled = await Promise.allSettled([client.context('a'), client.context('b'), client.context('c')]);
    expect(settled.map(outcome)).toEqual([[200, 'Invalid response'], [200, 'Invalid response'], 3]);
    expect(MizanError.fromProblem({ status: '500', detail: 'x' }).title).toBe('Invalid response');
  });

  it('takes a maxBatchEntries that is no number as the default, and still answers', async () => {
    const { fetch, requests } = recordingFetch((_url, init) => {
      const entries = (JSON.parse(String(init.body)) as { batch: { ctx: string }[] }).batch;
      return batchAnswer(entries.map((e) => ({ status: 200, result: e.ctx })));
    });
    const client = createMizanClient({ fetch, maxBatchEntries: Number.NaN });
    expect(await Promise.all([client.context('a'), client.context('b')])).toEqual(['a', 'b']);
    expect(requests).toHaveLength(1);
  });

  it('passes an abort during the body through unchanged, and a connection lost there is a network error', async () => {
    const controller = new AbortController();
    const stalled = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"result":'));
        controller.signal.addEventListener('abort', () => c.error(new DOMException('stop', 'AbortError')));
      },
    });
    const client = createMizanClient({ fetch: async () => new Response(stalled, { headers: { 'Content-Type': 'application/json' } }) });
    const read = client.context('a', {}, { signal: controller.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 5));
    controller.abort(new DOMException('stop', 'AbortError'));
    expect(await read).toBeInstanceOf(DOMException);

    const broken = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"result":'));
        c.error(new TypeError('network error'));
      },
    });
    const lost = createMizanClient({ fetch: async () => new Response(broken, { headers: { 'Content-Type': 'application/json' } }) });
    await expect(lost.context('a')).rejects.toMatchObject({ status: 0, title: 'Network error' });
  });

  it('leaves no abort listener on a signal once its batch has settled', async () => {
    const { fetch } = recordingFetch((_url, init) => {
      const entries = (JSON.parse(String(init.body)) as { batch: { ctx: string }[] }).batch;
      return batchAnswer(entries.map((e) => ({ status: 200, result: e.ctx })));
    });
    const client = createMizanClient({ fetch });
    const signal = new AbortController().signal;
    let added = 0;
    let removed = 0;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => (added++, add(...args))) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => (removed++, remove(...args))) as typeof remove;
    for (let i = 0; i < 5; i++) await Promise.all([client.context('a', {}, { signal }), client.context('b', {}, { signal })]);
    expect([added, removed]).toEqual([10, 10]);
  });

  it("titles an error by its status, not by the status line's reason (Payara writes 422 CUSTOM)", async () => {
    const client = createMizanClient({
      batch: false,
      fetch: async () => new Response('', { status: 422, statusText: 'CUSTOM' }),
    });
    await expect(client.call('a')).rejects.toMatchObject({ status: 422, title: 'Unprocessable Content' });
    const other = createMizanClient({ batch: false, fetch: async () => new Response('', { status: 418, statusText: 'Teapot' }) });
    await expect(other.call('a')).rejects.toMatchObject({ status: 418, title: 'Teapot' });
  });

  it('sends half a surrogate pair as U+FFFD, as the key it is cached and invalidated under says', async () => {
    const { fetch, requests } = recordingFetch(() => json({ result: 1 }));
    const client = createMizanClient({ fetch, batch: false });
    expect(await client.context('s', { q: 'a\uD800' })).toBe(1);
    expect(requests[0]!.url).toBe('/api/mizan/ctx/s?q=a%EF%BF%BD');
  });

  it('fails a request whose headers function throws with a MizanError', async () => {
    const client = createMizanClient({
      batch: false,
      fetch: async () => json({ result: 1 }),
      headers: () => {
        throw new Error('no token');
      },
    });
    await expect(client.context('a')).rejects.toBeInstanceOf(MizanError);
  });
});
