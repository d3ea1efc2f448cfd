import i18n from '../i18n';

/** An error answer of the API: a stable code, a localised message and, for validation, field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ApiRequest {
  method?: string;
  /** JSON, or FormData for a file upload (the browser sets its multipart content type). */
  body?: unknown;
  query?: Record<string, unknown>;
  /** For POSTs the server marks idempotent: the same key on a retry of the same submission. */
  idempotencyKey?: string;
}

/** A request to the API in the user's language; an error answer becomes an ApiError. */
export async function request(path: string, init: ApiRequest = {}): Promise<Response> {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(init.query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const headers: Record<string, string> = { 'accept-language': i18n.language };
  const form = init.body instanceof FormData ? init.body : undefined;
  if (init.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    body: form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  if (!res.ok) {
    const data = await res.json().catch(() => undefined);
    const error = data?.error ?? { code: 'HTTP_' + res.status, message: res.statusText };
    throw new ApiError(res.status, error.code, error.message, error.details);
  }
  return res;
}

export async function api<T>(path: string, init: ApiRequest = {}): Promise<T> {
  const text = await (await request(path, init)).text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Field errors of a VALIDATION_FAILED answer keyed by field name (`body.regionCode` → `regionCode`). */
export function fieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as FieldError[])
    .filter((d) => d.field.startsWith('body.'))
    .map((d) => ({ name: d.field.slice('body.'.length), errors: [d.message] }));
}
