import type { MiddlewareHandler } from 'hono';
import { problem } from './problem.js';

/** Who may talk to this server: the names a browser may use for it, and the port it listens on. */
export interface HostPolicy {
  /** Host names (no port) besides the loopback ones, e.g. a local reverse proxy's (`--allowed-host`). */
  allowedHosts: readonly string[];
  /** The port the server listens on, once known; a Host naming another port is refused. */
  port(): number | undefined;
}

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function splitHost(host: string): { name: string; port: string | undefined } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  return match ? { name: match[1]!, port: match[2] } : { name: '', port: undefined };
}

/**
 * Only this machine's pages may talk to the server. A Host header outside the allow-list is what a
 * DNS-rebinding page sends (421); a state-changing request from another origin is what a CSRF page
 * sends (403). Requests without Origin and Sec-Fetch-Site come from scripts and the CLI, not from a
 * browser, and are let through: every browser sends one of them on a POST.
 */
export function hostOriginGuard(policy: HostPolicy): MiddlewareHandler {
  const names = new Set([...LOOPBACK_HOSTS, ...policy.allowedHosts.map((host) => host.toLowerCase())]);
  const allowed = (host: string): boolean => {
    const { name, port } = splitHost(host);
    const listening = policy.port();
    return names.has(name) && (port === undefined || listening === undefined || Number(port) === listening);
  };
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!allowed(host)) {
      return problem(
        c,
        421,
        'HOST_NOT_ALLOWED',
        `This server does not answer to the host name "${host.slice(0, 200)}".`,
        'Open it as http://127.0.0.1:<port>/ or http://localhost:<port>/; a reverse proxy’s name is ' +
          'added with `upskill serve --allowed-host NAME` (or UPSKILL_ALLOWED_HOSTS).',
      );
    }
    if (STATE_CHANGING.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const foreignOrigin = origin !== undefined && !sameOrigin(origin, host);
      const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none';
      if (foreignOrigin || foreignSite) {
        return problem(
          c,
          403,
          'ORIGIN_NOT_ALLOWED',
          `${c.req.method} ${c.req.path} was sent by a page of another origin (${(origin ?? `Sec-Fetch-Site: ${site}`).slice(0, 200)}).`,
          'Only the Upskill web app served by this server may change its data; scripts may call the API without an Origin header.',
        );
      }
    }
    await next();
  };
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === new URL(`http://${host}`).host;
  } catch {
    return false; // "null" and garbage are no origin of ours
  }
}
