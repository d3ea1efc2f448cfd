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

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; query?: Record<string, unknown> } = {},
): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(init.query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  const headers: Record<string, string> = { 'accept-language': i18n.language };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const error = data?.error ?? { code: 'HTTP_' + res.status, message: res.statusText };
    throw new ApiError(res.status, error.code, error.message, error.details);
  }
  return data as T;
}

/** Field errors of a VALIDATION_FAILED answer keyed by field name (`body.regionCode` → `regionCode`). */
export function fieldErrors(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as FieldError[])
    .filter((d) => d.field.startsWith('body.'))
    .map((d) => ({ name: d.field.slice('body.'.length), errors: [d.message] }));
}
