// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { contextQueryKey } from '../src/cache';
import { HYDRATION_ELEMENT_ID, hydrateQueryClient, readHydration } from '../src/hydration';

// What the server renders: JSON with "<", ">" and "&" escaped as \u003c \u003e \u0026, so a value
// holding "</script>" cannot close the element early.
const PAGE = `<!doctype html>
<html><head>
<script type="application/json" id="mizan-hydration">{"contexts": {"currentUser": {"id": 5, "name": "Al \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}, "flags": {"beta": true}, "anonymous": null}}</script>
</head><body><div id="root"></div></body></html>`;

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('readHydration', () => {
  it('reads the contexts from a parsed page, unescaping </script> inside a value', () => {
    const doc = new DOMParser().parseFromString(PAGE, 'text/html');
    // The page really has one script element and the value did not break out of it.
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.getElementById(HYDRATION_ELEMENT_ID)?.getAttribute('type')).toBe('application/json');
    expect(readHydration(doc)).toEqual({
      currentUser: { id: 5, name: 'Al </script><script>alert(1)</script>' },
      flags: { beta: true },
      anonymous: null,
    });
  });

  it('reads from the global document by default', () => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = HYDRATION_ELEMENT_ID;
    script.textContent = '{"contexts": {"currentUser": {"name": "Bo"}}}';
    document.head.appendChild(script);
    expect(readHydration()).toEqual({ currentUser: { name: 'Bo' } });
  });

  it('returns {} when the script is absent, empty, malformed or not the expected shape', () => {
    expect(readHydration()).toEqual({});
    for (const text of ['', '{"contexts": ', '[1,2]', '{"contexts": [1]}', '{"other": {}}', 'null', '"x"']) {
      document.head.innerHTML = `<script type="application/json" id="mizan-hydration">${text}</script>`;
      expect(readHydration(), text).toEqual({});
    }
  });

  it('returns {} without a document', () => {
    expect(readHydration(undefined)).toEqual({});
  });
});

describe('hydrateQueryClient', () => {
  it("seeds ['mizan', name, {}] entries, null included", () => {
    const client = new QueryClient();
    const doc = new DOMParser().parseFromString(PAGE, 'text/html');
    hydrateQueryClient(client, readHydration(doc));
    expect(client.getQueryData(contextQueryKey('currentUser'))).toEqual({
      id: 5,
      name: 'Al </script><script>alert(1)</script>',
    });
    expect(client.getQueryData(['mizan', 'flags', {}])).toEqual({ beta: true });
    expect(client.getQueryData(['mizan', 'anonymous', {}])).toBeNull();
    expect(client.getQueryState(['mizan', 'anonymous', {}])?.status).toBe('success');
    client.clear();
  });

  it('leaves entries that already hold data alone', () => {
    const client = new QueryClient();
    client.setQueryData(contextQueryKey('currentUser'), { name: 'fresh' });
    hydrateQueryClient(client, { currentUser: { name: 'stale' }, other: 1 });
    expect(client.getQueryData(contextQueryKey('currentUser'))).toEqual({ name: 'fresh' });
    expect(client.getQueryData(contextQueryKey('other'))).toBe(1);
    client.clear();
  });
});
