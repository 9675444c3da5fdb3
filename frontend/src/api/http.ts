import i18n from '../i18n';
import { config } from '../config';
import { accessToken, unauthorized } from '../auth/session';
import { isProblem, type Problem } from './problem';

/** A failed call: an HTTP status with its problem details, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem?: Problem;
  /** Seconds to wait before asking again (Retry-After of a 429 or 503), when the answer said. */
  readonly retryAfter?: number;

  constructor(status: number, problem?: Problem, message?: string, retryAfter?: number) {
    super(message ?? problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined | null>;

export function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      params.append(key, String(v));
    }
  }
  const qs = params.toString();
  return config().gatewayUrl + path + (qs ? `?${qs}` : '');
}

export function headers(extra?: Record<string, string>): Record<string, string> {
  const token = accessToken();
  return {
    'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...extra,
  };
}

/** A Retry-After header in seconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Turns a non-2xx answer into an ApiError; a 401 also starts a new login. */
export async function failure(response: Response): Promise<ApiError> {
  let problem: Problem | undefined;
  try {
    const body: unknown = await response.json();
    problem = isProblem(body) ? body : undefined;
  } catch {
    problem = undefined;
  }
  if (response.status === 401) {
    unauthorized();
  }
  return new ApiError(response.status, problem, undefined, retryAfterSeconds(response.headers.get('Retry-After')));
}

export async function send(method: string, path: string,
  init: { query?: Query; body?: unknown; headers?: Record<string, string | undefined> } = {}): Promise<Response> {
  const extra = Object.fromEntries(Object.entries(init.headers ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  let response: Response;
  try {
    response = await fetch(url(path, init.query), {
      method,
      headers: headers({
        Accept: 'application/json, application/problem+json',
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...extra,
      }),
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch (e) {
    throw new ApiError(0, undefined, e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return response;
}
