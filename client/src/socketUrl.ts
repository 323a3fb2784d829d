// Where the page's socket connects: the endpoint's URL, from the page's own.

/** Default path of the channel endpoint, under the page's origin. */
export const DEFAULT_SOCKET_PATH = '/mizan/ws';

/**
 * The URL the socket connects to: `url` resolved against the page, with `http(s):` turned into
 * `ws(s):`, or the page's origin with the default path. Without a page, `url` as it is (required).
 *
 * @example
 * socketUrl(undefined);        // on https://shop.example/cart: 'wss://shop.example/mizan/ws'
 * socketUrl('/shop/mizan/ws'); // 'wss://shop.example/shop/mizan/ws'
 */
export function socketUrl(url: string | undefined): string {
  const page: Location | undefined = globalThis.location;
  if (page === undefined) {
    if (url === undefined) {
      throw new Error('createMizanSocket(): no page to take the URL from: pass one, createMizanSocket({ url, WebSocket })');
    }
    return url;
  }
  const resolved = new URL(url ?? DEFAULT_SOCKET_PATH, page.href);
  // http: becomes ws:, https: wss:; any other scheme stays
  resolved.protocol = resolved.protocol.replace(/^http(s?):$/, 'ws$1:');
  return resolved.href;
}
