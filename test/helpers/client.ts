import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KindredApp } from '../../src/server/app.ts';
import { ORIGIN } from './app.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the app in-process the way the browser does: same-origin, JSON, with whatever cookie it was given. */
export class Client {
  constructor(
    readonly app: KindredApp,
    readonly cookie?: string,
    readonly ip = '127.0.0.1',
  ) {}

  as(cookie: string | undefined) {
    return new Client(this.app, cookie, this.ip);
  }

  from(ip: string) {
    return new Client(this.app, this.cookie, ip);
  }

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const opts: InjectOptions = {
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    };
    return this.app.inject(opts);
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body ?? {}, headers);
  delete = (url: string) => this.request('DELETE', url);
}

/** The session cookie set by a response, as a Cookie header value. */
export function sessionCookie(res: LightMyRequestResponse): string | undefined {
  const set = res.headers['set-cookie'];
  const list = Array.isArray(set) ? set : set ? [set] : [];
  const session = list.find((c) => c.includes('session_token=') && !/max-age=0/i.test(c));
  return session?.split(';')[0];
}
