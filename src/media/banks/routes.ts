import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/access/index.js';
import type { HttpApp } from '../../platform/http/index.js';
import * as c from './contracts.js';
import type { Actor } from './ports.js';
import type { BankService } from './service.js';
import { acceptUploads, saveUpload } from './upload.js';

export interface BankRouteOptions {
  banks: BankService;
  /** Largest import upload, in bytes (VIGIE_BANK_IMPORT_MAX_BYTES). */
  importMaxBytes: number;
}

function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

const read = { access: { action: 'bank.read' } } as const;
const manage = { access: { action: 'bank.manage' } } as const;
const tags = ['banks'];

function bankAndListRoutes(app: HttpApp, { banks }: BankRouteOptions): void {
  app.get('/api/banks', { config: read, schema: { tags, response: { 200: c.BankList } } }, async () => ({
    banks: await banks.listBanks(),
  }));
  app.post('/api/banks', { config: manage, schema: { tags, body: c.NewBank, response: { 201: c.BankView } } }, async (request, reply) =>
    reply.code(201).send(await banks.createBank(actorOfRequest(request), request.body)),
  );
  app.get('/api/banks/:id', { config: read, schema: { tags, params: c.BankParams, response: { 200: c.BankDetail } } }, (request) =>
    banks.readBank(request.params.id),
  );
  app.patch(
    '/api/banks/:id',
    { config: manage, schema: { tags, params: c.BankParams, body: c.BankChange, response: { 200: c.BankView } } },
    (request) => banks.updateBank(actorOfRequest(request), request.params.id, request.body),
  );
}

function entryRoutes(app: HttpApp, { banks }: BankRouteOptions): void {
  app.get(
    '/api/banks/:id/entries',
    { config: read, schema: { tags, params: c.BankParams, querystring: c.EntryFilter, response: { 200: c.EntryPage } } },
    (request) => banks.listEntries(request.params.id, request.query),
  );
  app.post(
    '/api/banks/:id/entries',
    { config: manage, schema: { tags, params: c.BankParams, body: c.NewEntry, response: { 201: c.EntryView } } },
    async (request, reply) => reply.code(201).send(await banks.addEntry(actorOfRequest(request), request.params.id, request.body)),
  );
  app.get(
    '/api/banks/:id/entries/:entryId',
    { config: read, schema: { tags, params: c.EntryParams, response: { 200: c.EntryView } } },
    (request) => banks.readEntry(request.params.id, request.params.entryId),
  );
  app.patch(
    '/api/banks/:id/entries/:entryId',
    { config: manage, schema: { tags, params: c.EntryParams, body: c.EntryChange, response: { 200: c.EntryView } } },
    (request) => banks.updateEntry(actorOfRequest(request), request.params.id, request.params.entryId, request.body),
  );
}

function importRoutes(app: HttpApp, options: BankRouteOptions): void {
  const { banks } = options;
  app.get(
    '/api/banks/:id/imports',
    { config: read, schema: { tags, params: c.BankParams, response: { 200: c.ImportList } } },
    async (request) => ({ imports: await banks.listImports(request.params.id, request.language) }),
  );
  app.get(
    '/api/banks/:id/imports/:importId',
    { config: read, schema: { tags, params: c.ImportParams, response: { 200: c.ImportView } } },
    (request) => banks.readImport(request.params.id, request.params.importId, request.language),
  );
  app.get(
    '/api/banks/:id/export',
    {
      config: { access: { action: 'bank.export' } },
      schema: {
        tags,
        params: c.BankParams,
        querystring: c.ExportOptions,
        produces: ['text/csv', 'text/plain', 'application/xml', 'application/json'],
      },
    },
    async (request, reply) => {
      const exported = await banks.exportBank(actorOfRequest(request), request.params.id, request.query.format);
      return reply
        .type(exported.mediaType)
        .header('content-disposition', `attachment; filename="${exported.fileName}"`)
        .send(exported.body);
    },
  );
  // Uploads: any content type (the file itself) or multipart/form-data with a `file` field.
  void app.register(async (scope) => {
    const uploads = scope as HttpApp;
    await acceptUploads(uploads, options.importMaxBytes);
    uploads.post(
      '/api/banks/:id/imports',
      {
        config: manage,
        bodyLimit: options.importMaxBytes,
        // The multipart plugin traces the request's headers (a key, a cookie): never below debug.
        logLevel: 'debug',
        schema: {
          tags,
          summary: 'Import a file into a bank, in the background',
          description:
            'The file is the request body (any content type) or the `file` field of a multipart form. Answers 202 with the import, whose progress `GET /api/banks/:id/imports/:importId` shows.',
          params: c.BankParams,
          querystring: c.ImportOptions,
          response: { 202: c.ImportView },
        },
      },
      async (request, reply) => {
        await banks.getBank(request.params.id);
        const upload = await saveUpload(request, options.importMaxBytes);
        try {
          const created = await banks.startImport(actorOfRequest(request), request.params.id, request.query, upload);
          return await reply.code(202).header('location', `/api/banks/${request.params.id}/imports/${created.id}`).send(created);
        } finally {
          await upload.remove();
        }
      },
    );
  });
}

export function bankRoutes(app: HttpApp, options: BankRouteOptions): void {
  bankAndListRoutes(app, options);
  entryRoutes(app, options);
  importRoutes(app, options);
}
