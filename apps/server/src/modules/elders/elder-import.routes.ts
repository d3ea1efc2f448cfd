import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listEldersQuery, withoutControlCharacters } from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { actorFromRequest, writeAudit } from '../../platform/audit/audit-writer';
import { AppError } from '../../platform/errors/app-error';
import { replayedIdempotentUpload } from '../../platform/idempotency/idempotency-hooks';
import type { Db } from '../../platform/db/database';
import type { PiiCipher } from '../../platform/crypto/pii-cipher';
import { exportElders, type ElderImportService } from './elder-import.service';
import type { EldersService } from './elders.service';
import { asDownload, XLSX_TYPE } from '../../platform/http/download';
import { shanghaiDate } from '../../platform/time/shanghai-date';

const importJob = z.object({
  id: z.uuid(),
  filename: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** Up to 1,000 of the row errors; `code` is stable, `field` the column's header in the file. */
  errors: z.array(
    z.object({ row: z.number().int(), field: z.string(), code: z.string().optional(), message: z.string() }),
  ),
  hasErrorWorkbook: z.boolean(),
  /** Why a failed job stopped, in the caller's language; the internal error is in the server log. */
  failure: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** 台账: the import template, imports with progress and an error workbook, and the export. */
export const elderImportRoutes =
  (service: ElderImportService, elders: EldersService, db: Db, cipher: PiiCipher): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['elders'];

    app.get(
      '/api/v1/elders/import-template',
      {
        config: { permission: 'elders:write' },
        schema: { tags, summary: 'The .xlsx import template (Chinese headers)' },
      },
      async (_request, reply) =>
        asDownload(reply, XLSX_TYPE, '老年人信息导入模板.xlsx').send(await service.template()),
    );

    app.post(
      '/api/v1/elders/imports',
      {
        // The fingerprint is of the file's bytes (a browser's multipart boundary differs per send).
        config: { permission: 'elders:write', idempotent: 'upload' },
        schema: {
          tags,
          summary: 'Import an .xlsx or .csv file (multipart field "file"); runs in the background',
          response: { 202: importJob },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        if (!request.isMultipart()) throw new AppError('ELDER_IMPORT_FILE_TYPE');
        // A multipart body the parser cannot read (no boundary, say) is not a file either.
        const file = await request.file().catch((error: { code?: string }) => {
          throw error.code ? error : new AppError('ELDER_IMPORT_FILE_TYPE');
        });
        if (!file) throw new AppError('ELDER_IMPORT_FILE_TYPE');
        const buffer = await file.toBuffer();
        if (await replayedIdempotentUpload(request, reply, buffer)) return reply;
        const job = await service.start(
          user,
          actorFromRequest(request),
          { buffer, filename: withoutControlCharacters(file.filename) },
          request.locale,
        );
        return reply.status(202).send(job);
      },
    );

    app.get(
      '/api/v1/elders/imports',
      {
        config: { permission: 'elders:write' },
        schema: {
          tags,
          summary: 'Recent imports in the caller’s scope',
          response: { 200: z.object({ items: z.array(importJob) }) },
        },
      },
      async (request) => ({ items: await service.recent(requireUser(request), request.locale) }),
    );

    app.get(
      '/api/v1/elders/imports/:id',
      {
        config: { permission: 'elders:write' },
        schema: {
          tags,
          summary: 'Progress and report of an import',
          params: idParams,
          response: { 200: importJob },
        },
      },
      async (request) => service.get(requireUser(request), request.params.id, request.locale),
    );

    app.get(
      '/api/v1/elders/imports/:id/errors.xlsx',
      {
        config: { permission: 'elders:write' },
        schema: { tags, summary: 'The rows that were not imported, each with its reason', params: idParams },
      },
      async (request, reply) => {
        const workbook = await service.errorWorkbook(
          requireUser(request),
          actorFromRequest(request),
          request.params.id,
        );
        return asDownload(reply, XLSX_TYPE, '导入错误.xlsx').send(workbook);
      },
    );

    const exportFilters = listEldersQuery.omit({ cursor: true, limit: true });

    /**
     * Streams the filtered list as .xlsx. The audit entry is written before the first byte
     * leaves, so an export aborted halfway is on record; its row count follows when it ends.
     */
    async function streamExport(
      request: FastifyRequest,
      reply: FastifyReply,
      filters: z.infer<typeof exportFilters>,
      clear: boolean,
    ) {
      const user = requireUser(request);
      const where = elders.filter(user, filters);
      const actor = actorFromRequest(request);
      const action = clear ? 'elders.export_clear' : 'elders.export';
      await writeAudit(db, actor, {
        action,
        entity: 'elder',
        regionCode: user.regionCode,
        after: { filters },
      });
      const body = new PassThrough();
      asDownload(reply, XLSX_TYPE, `老年人信息_${shanghaiDate()}.xlsx`);
      exportElders(db, cipher, where, clear, body)
        .then((count) =>
          writeAudit(db, actor, {
            action: `${action}_completed`,
            entity: 'elder',
            regionCode: user.regionCode,
            after: { filters, count },
          }),
        )
        .catch((error: unknown) => {
          request.log.error({ err: error }, 'export failed');
          body.destroy(error as Error);
        });
      return reply.send(body);
    }

    app.get(
      '/api/v1/elders/export',
      {
        config: { permission: 'elders:read' },
        schema: { tags, summary: 'The filtered list as .xlsx, masked (audited)', querystring: exportFilters },
      },
      async (request, reply) => streamExport(request, reply, request.query, false),
    );

    // A clear export is a POST with a JSON body: a cross-site link or form cannot start it in an
    // official's name (the session cookie is SameSite=Lax, and forms cannot send JSON).
    app.post(
      '/api/v1/elders/export-clear',
      {
        config: { permission: 'pii:reveal' },
        schema: {
          tags,
          summary: 'The filtered list as .xlsx with identity numbers and phones in clear (audited first)',
          body: exportFilters,
        },
      },
      async (request, reply) => {
        if (!requireUser(request).permissions.includes('elders:read')) throw new AppError('AUTH_FORBIDDEN');
        return streamExport(request, reply, request.body, true);
      },
    );
  };
