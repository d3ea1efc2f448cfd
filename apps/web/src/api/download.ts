import { request } from './client';

/** The file name a Content-Disposition header gives (RFC 5987 `filename*` first). */
function filenameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/**
 * Downloads a file from the API without leaving the app: a failure becomes an ApiError with the
 * server's localised message instead of a raw JSON page. POST with a JSON body for downloads that
 * must not be started by a link (clear exports).
 */
export async function downloadFile(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown; fallbackName: string },
): Promise<void> {
  const res = await request(path, { method: init.method, body: init.body });
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(res.headers.get('content-disposition'), init.fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
