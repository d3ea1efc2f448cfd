import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalogueQuery,
  certificateAlertItem,
  certificateAlertsQuery,
  createCertificateBody,
  createProviderBody,
  createPurchaseItemBody,
  createStaffBody,
  createTrainingBody,
  decisionBody,
  idParams,
  itemCodeParams,
  listProviderChangesQuery,
  listProvidersQuery,
  medicalAgreement,
  medicalAgreementBody,
  okResponse,
  pageOf,
  priceBody,
  provider,
  providerChangeBody,
  providerChangeRequest,
  providerService,
  providerServiceBody,
  publicProvider,
  publicProviderDetail,
  publicProvidersQuery,
  purchaseItem,
  regionItemParams,
  revealedElder,
  serviceItemWithPrice,
  staffMember,
  updateProviderBody,
  updateStaffBody,
  workforceIndicators,
} from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import { shanghaiDate } from '../../platform/time/shanghai-date';
import { asDownload, XLSX_TYPE } from '../../platform/http/download';
import type { ProvidersService } from './providers.service';
import type { ProviderChangesService } from './provider-changes.service';
import type { StaffService } from './staff.service';
import type { CatalogueService } from './catalogue.service';

const staffParams = z.strictObject({ id: z.uuid(), staffId: z.uuid() });

/** Providers, their filing/grade changes, workforce, catalogue and prices, and the public directory. */
export const providersRoutes =
  (
    service: ProvidersService,
    changes: ProviderChangesService,
    staff: StaffService,
    catalogue: CatalogueService,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['providers'];
    const read = { permission: 'providers:read' as const };
    const write = { permission: 'providers:write' as const };

    app.post(
      '/api/v1/providers',
      {
        config: write,
        schema: {
          tags,
          summary: 'Register a provider in the caller’s scope',
          body: createProviderBody,
          response: { 201: provider },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.create(requireUser(request), actorFromRequest(request), request.body)),
    );
    app.get(
      '/api/v1/providers',
      {
        config: read,
        schema: {
          tags,
          summary: 'Providers in scope (a provider role: its own)',
          querystring: listProvidersQuery,
          response: { 200: pageOf(provider) },
        },
      },
      async (request) => service.list(requireUser(request), request.query),
    );
    app.get(
      '/api/v1/providers/export',
      {
        config: read,
        schema: {
          tags,
          summary: 'The filtered register as .xlsx (audited)',
          querystring: listProvidersQuery.omit({ cursor: true, limit: true }),
        },
      },
      async (request, reply) =>
        asDownload(reply, XLSX_TYPE, `服务机构_${shanghaiDate()}.xlsx`).send(
          await service.exportXlsx(
            requireUser(request),
            actorFromRequest(request),
            request.query,
            request.locale,
          ),
        ),
    );
    app.get(
      '/api/v1/providers/:id',
      {
        config: read,
        schema: { tags, summary: 'One provider', params: idParams, response: { 200: provider } },
      },
      async (request) => service.get(requireUser(request), request.params.id),
    );
    app.patch(
      '/api/v1/providers/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'Change a provider (a manager: not filing, grade or region)',
          params: idParams,
          body: updateProviderBody,
          response: { 200: provider },
        },
      },
      async (request) =>
        service.update(requireUser(request), actorFromRequest(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/providers/:id/medical-agreements',
      {
        config: read,
        schema: {
          tags,
          summary: 'Medical cooperation agreements',
          params: idParams,
          response: { 200: z.array(medicalAgreement) },
        },
      },
      async (request) => service.medicalAgreements(requireUser(request), request.params.id),
    );
    app.post(
      '/api/v1/providers/:id/medical-agreements',
      {
        config: write,
        schema: {
          tags,
          summary: 'Record a medical cooperation agreement',
          params: idParams,
          body: medicalAgreementBody,
          response: { 201: okResponse },
        },
      },
      async (request, reply) => {
        await service.addMedicalAgreement(
          requireUser(request),
          actorFromRequest(request),
          request.params.id,
          request.body,
        );
        return reply.status(201).send({ ok: true as const });
      },
    );

    // Filing and grade: maker-checker
    app.post(
      '/api/v1/providers/:id/change-requests',
      {
        config: write,
        schema: {
          tags,
          summary: 'Ask for a filing or grade change',
          params: idParams,
          body: providerChangeBody,
          response: { 201: providerChangeRequest },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await changes.propose(
              requireUser(request),
              actorFromRequest(request),
              request.params.id,
              request.body,
            ),
          ),
    );
    app.get(
      '/api/v1/provider-change-requests',
      {
        config: read,
        schema: {
          tags,
          summary: 'Filing and grade change requests in scope',
          querystring: listProviderChangesQuery,
          response: { 200: pageOf(providerChangeRequest) },
        },
      },
      async (request) => changes.list(requireUser(request), request.query),
    );
    for (const verdict of ['approve', 'reject'] as const)
      app.post(
        `/api/v1/provider-change-requests/:id/${verdict}`,
        {
          config: { permission: 'providers:approve' },
          schema: {
            tags,
            summary: `${verdict} a change request (district level or above)`,
            params: idParams,
            body: decisionBody,
            response: { 200: providerChangeRequest },
          },
        },
        async (request) =>
          changes[verdict](
            requireUser(request),
            actorFromRequest(request),
            request.params.id,
            request.body.reason,
          ),
      );

    // Workforce
    app.get(
      '/api/v1/providers/:id/staff',
      {
        config: read,
        schema: {
          tags,
          summary: 'Staff with certificates and training (masked)',
          params: idParams,
          response: { 200: z.array(staffMember) },
        },
      },
      async (request) => staff.list(requireUser(request), request.params.id),
    );
    app.post(
      '/api/v1/providers/:id/staff',
      {
        config: write,
        schema: {
          tags,
          summary: 'Add a staff member',
          params: idParams,
          body: createStaffBody,
          response: { 201: staffMember },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await staff.create(
              requireUser(request),
              actorFromRequest(request),
              request.params.id,
              request.body,
            ),
          ),
    );
    app.patch(
      '/api/v1/providers/:id/staff/:staffId',
      {
        config: write,
        schema: {
          tags,
          summary: 'Change a staff member',
          params: staffParams,
          body: updateStaffBody,
          response: { 200: staffMember },
        },
      },
      async (request) =>
        staff.update(
          requireUser(request),
          actorFromRequest(request),
          request.params.id,
          request.params.staffId,
          request.body,
        ),
    );
    app.post(
      '/api/v1/providers/:id/staff/:staffId/certificates',
      {
        config: write,
        schema: {
          tags,
          summary: 'Add a certificate',
          params: staffParams,
          body: createCertificateBody,
          response: { 201: staffMember },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await staff.addCertificate(
              requireUser(request),
              actorFromRequest(request),
              request.params.id,
              request.params.staffId,
              request.body,
            ),
          ),
    );
    app.post(
      '/api/v1/providers/:id/staff/:staffId/trainings',
      {
        config: write,
        schema: {
          tags,
          summary: 'Record a training',
          params: staffParams,
          body: createTrainingBody,
          response: { 201: staffMember },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await staff.addTraining(
              requireUser(request),
              actorFromRequest(request),
              request.params.id,
              request.params.staffId,
              request.body,
            ),
          ),
    );
    app.post(
      '/api/v1/providers/:id/staff/:staffId/reveal',
      {
        config: { permission: 'pii:reveal' },
        schema: {
          tags,
          summary: 'A staff member’s identity number and phone in clear (audited)',
          params: staffParams,
          response: { 200: revealedElder.pick({ idNumber: true, phone: true }) },
        },
      },
      async (request) =>
        staff.reveal(
          requireUser(request),
          actorFromRequest(request),
          request.params.id,
          request.params.staffId,
        ),
    );
    app.get(
      '/api/v1/providers/:id/indicators',
      {
        config: read,
        schema: {
          tags,
          summary: 'Caregivers per resident, certified rate, training hours',
          params: idParams,
          response: { 200: workforceIndicators },
        },
      },
      async (request) => staff.indicators(requireUser(request), request.params.id),
    );
    app.get(
      '/api/v1/staff-certificates/alerts',
      {
        config: read,
        schema: {
          tags,
          summary: 'Certificates expired or expiring within 30 days',
          querystring: certificateAlertsQuery,
          response: { 200: z.array(certificateAlertItem) },
        },
      },
      async (request) => staff.alerts(requireUser(request), request.query),
    );

    // Catalogue, prices, purchase list
    app.get(
      '/api/v1/service-items',
      {
        config: { permission: 'session' },
        schema: {
          tags,
          summary: 'The service catalogue with a region’s reference prices',
          querystring: catalogueQuery,
          response: { 200: z.array(serviceItemWithPrice) },
        },
      },
      async (request) =>
        catalogue.items(request.query.regionCode ?? requireUser(request).regionCode, request.locale),
    );
    app.put(
      '/api/v1/service-reference-prices/:code/:itemCode',
      {
        config: { permission: 'catalogue:write' },
        schema: {
          tags,
          summary: 'Set a region’s reference price (fen)',
          params: regionItemParams,
          body: priceBody,
          response: { 200: serviceItemWithPrice },
        },
      },
      async (request) =>
        catalogue.setReferencePrice(
          requireUser(request),
          actorFromRequest(request),
          request.params.code,
          request.params.itemCode,
          request.body,
          request.locale,
        ),
    );
    app.get(
      '/api/v1/providers/:id/services',
      {
        config: read,
        schema: {
          tags,
          summary: 'Items the provider offers, with its prices',
          params: idParams,
          response: { 200: z.array(providerService) },
        },
      },
      async (request) => catalogue.providerServices(requireUser(request), request.params.id, request.locale),
    );
    app.put(
      '/api/v1/providers/:id/services/:itemCode',
      {
        config: write,
        schema: {
          tags,
          summary: 'Offer an item at a price (fen), or withdraw it',
          params: itemCodeParams,
          body: providerServiceBody,
          response: { 200: providerService },
        },
      },
      async (request) =>
        catalogue.setProviderService(
          requireUser(request),
          actorFromRequest(request),
          request.params.id,
          request.params.itemCode,
          request.body,
          request.locale,
        ),
    );
    app.get(
      '/api/v1/purchase-list',
      {
        config: read,
        schema: {
          tags,
          summary: 'The government-purchase service list (政府购买服务目录)',
          response: { 200: z.array(purchaseItem) },
        },
      },
      async (request) => catalogue.purchaseList(requireUser(request), request.locale),
    );
    app.post(
      '/api/v1/purchase-list',
      {
        config: { permission: 'catalogue:write' },
        schema: {
          tags,
          summary: 'Add an item to the purchase list',
          body: createPurchaseItemBody,
          response: { 201: okResponse },
        },
      },
      async (request, reply) => {
        await catalogue.addPurchaseItem(requireUser(request), actorFromRequest(request), request.body);
        return reply.status(201).send({ ok: true as const });
      },
    );

    // Public directory: no sign-in, no personal data
    app.get(
      '/api/v1/public/providers',
      {
        config: { public: true },
        schema: {
          tags: ['public'],
          summary: 'Search open providers',
          querystring: publicProvidersQuery,
          response: { 200: pageOf(publicProvider) },
        },
      },
      async (request) => catalogue.publicList(request.query),
    );
    app.get(
      '/api/v1/public/providers/:id',
      {
        config: { public: true },
        schema: {
          tags: ['public'],
          summary: 'A provider’s public page',
          params: idParams,
          response: { 200: publicProviderDetail },
        },
      },
      async (request) => catalogue.publicDetail(request.params.id, request.locale),
    );
  };
