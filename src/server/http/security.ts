import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import { AppError, renderError } from './errors.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The security headers, as helmet defines them, computed once at boot: @fastify/helmet rebuilds them and re-parses
 * the CSP on every request, which cost about 4% of a signed-in request (bench/README.md).
 */
export function securityHeaders(publicUrl: string): Record<string, string> {
  const https = publicUrl.startsWith('https://');
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  const headers: Record<string, string> = {
    'permissions-policy': 'camera=(), microphone=(), geolocation=(self), interest-cohort=()',
  };
  const res = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  middleware({} as never, res as never, () => {});
  return headers;
}

/**
 * Security headers with a strict Content-Security-Policy (own origin only, no inline script) and a CSRF check for
 * every state-changing request: a browser must say the request came from Kindred's own origin. SameSite=Lax on
 * the session cookie is the second layer.
 */
export function installSecurity(app: FastifyInstance, publicUrl: string) {
  const headers = securityHeaders(publicUrl);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headers);
    // API answers are personal: never kept by a shared browser or a proxy.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  const allowed = allowedOrigins(publicUrl);
  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    if (crossSite || (origin !== undefined && !allowed.has(origin))) {
      return reply.status(403).send(renderError(new AppError('csrf_rejected', 'csrfRejected'), request.headers['accept-language']));
    }
  });
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * PUBLIC_URL's origin; for a loopback PUBLIC_URL also its loopback aliases on the same port, so a person who opens
 * http://127.0.0.1:3000 instead of http://localhost:3000 is not refused. Never "whatever the Host header says":
 * that would let a DNS-rebinding page pass the check.
 */
export function allowedOrigins(publicUrl: string): Set<string> {
  const url = new URL(publicUrl);
  const origins = new Set([url.origin]);
  if (LOOPBACK.includes(url.hostname)) {
    for (const host of LOOPBACK) origins.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
  }
  return origins;
}
