import { Problem, type FieldProblem, type HttpApp } from '../platform/http/index.js';
import { partnerOf } from './request-actors.js';
import type { ReportService } from './service.js';
import { strictValidatorCompiler } from './strict-input.js';
import * as c from './views.js';

const wrongContentType: FieldProblem[] = [{ in: 'header', parameter: 'content-type', code: 'choice' }];

/**
 * Partners' XML: the NCMEC CyberTipline report. Only `application/xml` and `text/xml` are
 * read, as bytes (a `charset` other than UTF-8 is refused here, an undeclared one is checked
 * by the parser); any other content type is answered 415 naming the header.
 */
export function xmlIntakeRoutes(scope: HttpApp, { reports }: { reports: ReportService }): void {
  scope.setValidatorCompiler(strictValidatorCompiler);
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset))
      done(new Problem('unsupported-media-type', { fields: wrongContentType }), undefined);
    else done(null, body);
  });
  scope.addContentTypeParser('*', (_request, _payload, done) => {
    done(new Problem('unsupported-media-type', { fields: wrongContentType }), undefined);
  });

  scope.post(
    '/api/partner/reports/ncmec',
    {
      config: { access: { action: 'report.submit' } },
      schema: {
        tags: ['partner'],
        summary: 'One report in the NCMEC CyberTipline XML structure (application/xml), mapped into report v1',
        headers: c.IdempotencyHeaders,
        consumes: ['application/xml', 'text/xml'],
        response: { 201: c.ReportReceipt },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new Problem('unsupported-media-type', { fields: wrongContentType });
      const { replayed, receipt } = await reports.submitNcmecReport(partnerOf(request), request.headers['idempotency-key'], request.body);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(receipt);
    },
  );
}
