/**
 * Picks the proxy of a request from the `proxy` setting, for both transports.
 * @module
 */
import type { ProxySetting } from './settings.js';

/** The proxy URL for a request to `url`: the one setting, or the one of the URL's scheme. */
export function proxyFor(proxy: ProxySetting | undefined, url: URL): string | undefined {
  if (!proxy) return undefined;
  if (typeof proxy === 'string') return proxy;
  return url.protocol === 'https:' ? (proxy.https ?? proxy.http) : (proxy.http ?? proxy.https);
}
