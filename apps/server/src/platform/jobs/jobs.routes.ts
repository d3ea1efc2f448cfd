import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { backgroundJob, idParams, listJobsQuery, listJobsResponse } from '@yiyang/contracts';
import { actorFromRequest } from '../audit/audit-writer';
import { requireUser } from '../auth/access-control';
import { errorMessage, isRegisteredError } from '../errors/error-catalog';
import type { Locale } from '../i18n/locale';
import type { Db } from '../db/database';
import type { JobRunner, JobSummary } from './job-runner';
import { manageJob } from './manage-job';

/** 后台任务: every background job with its progress, for the administrator. */
export const jobsRoutes =
  (jobs: JobRunner, db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['jobs'];
    const toDto = (job: JobSummary, locale: Locale): z.infer<typeof backgroundJob> => ({
      id: job.id,
      label: jobs.labelOf(job.name)?.[locale] ?? job.name,
      state: job.state,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
      createdAt: job.createdAt.toISOString(),
      startedAt: job.startedAt?.toISOString() ?? null,
      finishedAt: job.finishedAt?.toISOString() ?? null,
      failure: job.failure
        ? errorMessage(isRegisteredError(job.failure) ? job.failure : 'JOB_FAILED', locale)
        : null,
      done: job.done,
      total: job.total,
    });

    app.get(
      '/api/v1/jobs',
      {
        config: { permission: 'jobs:manage' },
        schema: {
          tags,
          summary: 'Background jobs, newest first',
          querystring: listJobsQuery,
          response: { 200: listJobsResponse },
        },
      },
      async (request) => ({
        items: (await jobs.list({ state: request.query.state })).map((j) => toDto(j, request.locale)),
      }),
    );

    for (const action of ['retry', 'cancel'] as const)
      app.post(
        `/api/v1/jobs/:id/${action}`,
        {
          config: { permission: 'jobs:manage' },
          schema: {
            tags,
            summary: action === 'retry' ? 'Run a failed or cancelled job again' : 'Cancel a job',
            params: idParams,
            response: { 200: backgroundJob },
          },
        },
        async (request) => {
          const { id } = request.params;
          const actor = actorFromRequest(request);
          const job = await manageJob(jobs, db, actor, action, id, requireUser(request).regionCode);
          return toDto(job, request.locale);
        },
      );
  };
