import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addAssessorBody,
  agency,
  agencyAndUserParams,
  assessment,
  assessmentActionBody,
  assessmentScore,
  assessor,
  createAgencyBody,
  createAssessmentBody,
  createReassessmentRequestBody,
  dueElder,
  dueQuery,
  idParams,
  listAssessmentsQuery,
  pageOf,
  scoreAssessmentBody,
  updateAgencyBody,
  updateAssessmentBody,
  updateAssessorBody,
} from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import { asDownload, XLSX_TYPE } from '../../platform/http/download';
import type { AgenciesService } from './agencies.service';
import { scorePreview, type AssessmentsService } from './assessments.service';
import type { AssessmentDueService } from './assessment-due.service';
import type { CjkFont } from '../../platform/pdf/cjk-font';
import { AppError } from '../../platform/errors/app-error';
import { renderAssessmentPdf } from './assessment-report-pdf';

/** GB/T 42195 capability assessment: preview, agencies, the workflow, due lists (statistics: modules/statistics). */
export const assessmentsRoutes =
  (
    agencies: AgenciesService,
    service: AssessmentsService,
    due: AssessmentDueService,
    pdfFont: CjkFont | null,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['assessments'];

    app.post(
      '/api/v1/assessments/score',
      {
        config: { permission: 'session' },
        schema: {
          tags,
          summary: 'Score 26 item answers and adjustments without saving anything',
          body: scoreAssessmentBody,
          response: { 200: assessmentScore },
        },
      },
      async (request) => scorePreview(request.body),
    );

    // Agencies and their assessors

    app.get(
      '/api/v1/assessment-agencies',
      {
        config: { permission: 'assessments:read' },
        schema: {
          tags,
          summary: 'Agencies in or covering the caller’s scope',
          response: { 200: z.array(agency) },
        },
      },
      async (request) => agencies.list(requireUser(request)),
    );

    app.post(
      '/api/v1/assessment-agencies',
      {
        config: { permission: 'agencies:write' },
        schema: {
          tags,
          summary: 'Register an assessment agency',
          body: createAgencyBody,
          response: { 201: agency },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await agencies.create(requireUser(request), actorFromRequest(request), request.body)),
    );

    app.get(
      '/api/v1/assessment-agencies/:id',
      {
        config: { permission: 'assessments:read' },
        schema: { tags, summary: 'One agency', params: idParams, response: { 200: agency } },
      },
      async (request) => agencies.get(requireUser(request), request.params.id),
    );

    app.patch(
      '/api/v1/assessment-agencies/:id',
      {
        config: { permission: 'agencies:write' },
        schema: {
          tags,
          summary: 'Change or suspend an agency',
          params: idParams,
          body: updateAgencyBody,
          response: { 200: agency },
        },
      },
      async (request) =>
        agencies.update(requireUser(request), actorFromRequest(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/assessment-agencies/:id/assessors',
      {
        config: { permission: 'assessments:read' },
        schema: {
          tags,
          summary: 'The agency’s assessors',
          params: idParams,
          response: { 200: z.array(assessor) },
        },
      },
      async (request) => agencies.assessors(requireUser(request), request.params.id),
    );

    app.post(
      '/api/v1/assessment-agencies/:id/assessors',
      {
        config: { permission: 'agencies:write' },
        schema: {
          tags,
          summary: 'Register an assessor account with the agency',
          params: idParams,
          body: addAssessorBody,
          response: { 201: assessor },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await agencies.addAssessor(
              requireUser(request),
              actorFromRequest(request),
              request.params.id,
              request.body,
            ),
          ),
    );

    app.patch(
      '/api/v1/assessment-agencies/:id/assessors/:userId',
      {
        config: { permission: 'agencies:write' },
        schema: {
          tags,
          summary: 'Change an assessor’s qualification, reviewer right or activity',
          params: agencyAndUserParams,
          body: updateAssessorBody,
          response: { 200: assessor },
        },
      },
      async (request) =>
        agencies.updateAssessor(
          requireUser(request),
          actorFromRequest(request),
          request.params.id,
          request.params.userId,
          request.body,
        ),
    );

    // Due lists and requests

    app.get(
      '/api/v1/assessments/due',
      {
        config: { permission: 'assessments:read' },
        schema: {
          tags,
          summary: 'Elders whose assessment expires soon, has expired, never happened, or was requested',
          querystring: dueQuery,
          response: { 200: pageOf(dueElder) },
        },
      },
      async (request) => due.due(requireUser(request), request.query),
    );

    app.get(
      '/api/v1/assessments/due.xlsx',
      {
        config: { permission: 'assessments:read' },
        schema: {
          tags,
          summary: 'A due list as .xlsx (masked; audited)',
          querystring: dueQuery.omit({ cursor: true, limit: true }),
        },
      },
      async (request, reply) => {
        const buffer = await due.exportDue(
          requireUser(request),
          actorFromRequest(request),
          request.query,
          request.locale,
        );
        return asDownload(reply, XLSX_TYPE, `待评估名单_${request.query.kind}.xlsx`).send(buffer);
      },
    );

    app.post(
      '/api/v1/elders/:id/reassessment-requests',
      {
        config: { permission: 'assessments:request' },
        schema: {
          tags,
          summary: 'Ask for an immediate re-assessment of an elder (condition changed, fall…)',
          params: idParams,
          body: createReassessmentRequestBody,
          response: { 201: dueElder.shape.request.unwrap() },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await due.requestReassessment(
              requireUser(request),
              actorFromRequest(request),
              request.params.id,
              request.body,
            ),
          ),
    );

    // The workflow

    app.post(
      '/api/v1/assessments',
      {
        config: { permission: 'assessments:write' },
        schema: {
          tags,
          summary: 'Open an assessment task for an elder, with an agency and two of its assessors',
          body: createAssessmentBody,
          response: { 201: assessment },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.create(requireUser(request), actorFromRequest(request), request.body)),
    );

    app.get(
      '/api/v1/assessments',
      {
        config: { permission: 'assessments:read' },
        schema: {
          tags,
          summary: 'Assessments in the caller’s scope, newest first',
          querystring: listAssessmentsQuery,
          response: { 200: pageOf(assessment) },
        },
      },
      async (request) => service.list(requireUser(request), request.query),
    );

    app.get(
      '/api/v1/assessments/:id',
      {
        config: { permission: 'assessments:read' },
        schema: {
          tags,
          summary: 'One assessment (the report’s data)',
          params: idParams,
          response: { 200: assessment },
        },
      },
      async (request) => service.get(requireUser(request), request.params.id),
    );

    app.patch(
      '/api/v1/assessments/:id',
      {
        config: { permission: 'assessments:write' },
        schema: {
          tags,
          summary: 'Save a draft or returned assessment (its assessors only)',
          params: idParams,
          body: updateAssessmentBody,
          response: { 200: assessment },
        },
      },
      async (request) =>
        service.update(requireUser(request), actorFromRequest(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/assessments/:id/report.pdf',
      {
        config: { permission: 'assessments:read' },
        schema: { tags, summary: 'The A4 report as PDF (masked; audited)', params: idParams },
      },
      async (request, reply) => {
        if (!pdfFont) throw new AppError('ASSESSMENT_PDF_FONT_MISSING');
        const a = await service.get(requireUser(request), request.params.id);
        const pdf = await renderAssessmentPdf(a, pdfFont, request.locale);
        await service.auditReport(actorFromRequest(request), a);
        return asDownload(
          reply,
          'application/pdf',
          `能力评估报告_${a.elderName}_${a.assessedOn ?? a.id}.pdf`,
        ).send(pdf);
      },
    );

    const actions = [
      ['submit', 'assessments:write', 'Submit for review: complete, scored by the standard'],
      ['approve', 'assessments:review', 'Approve: becomes the elder’s current level'],
      ['return', 'assessments:review', 'Return to the assessors with a reason'],
      ['cancel', 'assessments:write', 'Cancel a task not yet submitted'],
    ] as const;
    for (const [action, permission, summary] of actions)
      app.post(
        `/api/v1/assessments/:id/${action}`,
        {
          config: { permission },
          schema: {
            tags,
            summary,
            params: idParams,
            body: assessmentActionBody,
            response: { 200: assessment },
          },
        },
        async (request) =>
          service[action](requireUser(request), actorFromRequest(request), request.params.id, request.body),
      );
  };
