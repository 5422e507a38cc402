import type { ErrorCode } from '../../contracts/errors.ts';
import { currentLocale } from '../i18n/setup.ts';

/** A failed API call: the catalog's code and message, any per-field messages, and the wait for a 429. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Same-origin call to Kindred's API; throws ApiError for a failed request, with the catalog's code and message. */
async function send(method: Method, path: string, body: unknown, accept: string, extra: Record<string, string> = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept,
        // The server answers errors in this language.
        'accept-language': currentLocale(),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...extra,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'We could not reach the server. Check your connection and try again.');
  }
  if (res.ok) return res;
  const data: unknown = await res.json().catch(() => undefined);
  const error = (data as { error?: { code?: ErrorCode; message?: string; fields?: Record<string, string> } } | undefined)?.error;
  const retryAfter = Number(res.headers.get('retry-after'));
  throw new ApiError(
    res.status,
    error?.code ?? (res.status >= 500 ? 'internal' : 'bad_request'),
    error?.message ?? 'Something went wrong on our side. Please try again.',
    error?.fields ?? {},
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** Same-origin JSON call to Kindred's API. Resolves to the parsed body (undefined for 204); throws ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  const res = await send(method, path, body, 'application/json', headers);
  if (res.status === 204) return undefined as T;
  return (await res.json().catch(() => undefined)) as T;
}

/** A GET for a text answer such as an SVG image; throws ApiError like api(). */
export async function apiText(path: string, accept: string): Promise<string> {
  return (await send('GET', path, undefined, accept)).text();
}

export const isApiError = (err: unknown, code?: ApiError['code']): err is ApiError =>
  err instanceof ApiError && (code === undefined || err.code === code);
