import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a download with a Chinese file name (RFC 6266 / 5987). */
export const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * A file download: its type, its name, and `no-store` — exports and reports carry personal data,
 * which no browser or proxy cache may keep once the audited download is over.
 */
export const asDownload = (reply: FastifyReply, type: string, name: string): FastifyReply =>
  reply
    .header('content-type', type)
    .header('content-disposition', attachment(name))
    .header('cache-control', 'no-store');
