import pino from 'pino';

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
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
