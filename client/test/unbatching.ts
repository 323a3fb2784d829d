// Lets a test's in-memory server, which answers one call or read per request, answer batches too:
// a `POST <base>/batch` is split into the requests its entries stand for, in order, as the server
// runs them, and their answers are put back together. Tests that count requests by URL keep counting
// each entry.

import type { FetchLike } from '../src/client';

export function unbatching(fetch: FetchLike): FetchLike {
  return async (url, init) => {
    if (!url.endsWith('/batch')) return fetch(url, init);
    const base = url.slice(0, -'/batch'.length);
    const { batch } = JSON.parse(String(init.body)) as { batch: Record<string, unknown>[] };
    const answers: unknown[] = [];
    for (const entry of batch) {
      const res =
        typeof entry['call'] === 'string'
          ? await fetch(`${base}/call/${encodeURIComponent(entry['call'])}`, {
              ...init,
              body: JSON.stringify(entry['args'] ?? {}),
            })
          : await fetch(
              `${base}/ctx/${encodeURIComponent(String(entry['ctx']))}` +
                queryOf(entry['params'] as Record<string, string> | undefined),
              { method: 'GET', headers: init.headers ?? {}, credentials: init.credentials ?? 'same-origin' },
            );
      const body = (await res.json()) as Record<string, unknown>;
      answers.push(res.ok ? { status: res.status, ...body } : { status: res.status, error: body });
    }
    return new Response(JSON.stringify({ batch: answers }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

function queryOf(params: Record<string, string> | undefined): string {
  const pairs = Object.entries(params ?? {});
  return pairs.length === 0 ? '' : '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}
