import { isIP } from 'node:net';

/** Where a provider runs: on this machine or the local network, or somewhere else. */
export type ProviderLocation = 'local' | 'remote';

function privateIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  return (
    a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
  );
}

function privateIpv6(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return privateIpv4(mapped[1]!);
  // fc00::/7 unique local, fe80::/10 link-local.
  return /^f[cd][0-9a-f]{2}:/.test(lower) || /^fe[89ab][0-9a-f]:/.test(lower);
}

/**
 * A provider is local when its base URL names a loopback or private address (or localhost) — the
 * request then stays on this machine or network. Any other host name is remote: it is not resolved,
 * since a name can point anywhere, so "remote" errs on the side of telling.
 */
export function providerLocation(baseUrl: string): ProviderLocation {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'local';
  const version = isIP(host);
  if (version === 4) return privateIpv4(host) ? 'local' : 'remote';
  if (version === 6) return privateIpv6(host) ? 'local' : 'remote';
  return 'remote';
}
