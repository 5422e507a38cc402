import pino from 'pino';

/** Paths whose last part is a secret (a verification code, a private calendar's token): logged without it. */
const SECRET_PATHS = /^(\/api\/v1\/attendance-proofs\/|\/verify\/|\/feeds\/calendar\/)[^/]+/;

/** The path of a request URL as it may be logged: no query string (links carry tokens), no secret segment. */
export function loggablePath(url: string): string {
  return url.split('?')[0]!.replace(SECRET_PATHS, '$1:secret');
}

/**
 * Structured logs (pino). A request is logged as method, path without the query string (links carry tokens),
 * status and time; never headers, cookies, bodies or any text a person wrote.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      redact: { paths: ['req.headers', 'res.headers', '*.password', '*.token', '*.email'], remove: true },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: loggablePath(req.url), id: req.id }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
