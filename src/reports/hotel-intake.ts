import { Problem, fieldProblem } from '../platform/http/index.js';
import { checkReport } from './checks.js';
import type { ReportContext } from './context.js';
import type { HotelReport } from './hotel-contracts.js';
import { hotelInScope } from './hotels.js';
import { limits, type ReportContent } from './report-v1.js';
import { submitFromPartner, type PartnerSubmitter, type ReportReceipt } from './submit.js';

/**
 * A report from a hotel, through its chain (the ECPAT / The Code procedure): the chain's key
 * names one of its hotels, the warning signs the staff noticed, and the report. The hotel's
 * place is added to the report's places (role `incident`); the hotel and the signs are
 * kept beside it. Checked, stored, audited and followed up as any partner report, on the
 * `hotel` channel.
 *
 * A hotel that is unknown, another chain's, or outside the key's scope gets the same 403
 * naming `hotelId`: the request is well formed but this key may not report for that hotel
 * (a matter of the key's rights, not of the payload), and one answer for all three cases
 * tells nothing of other chains' hotels.
 */
export async function submitHotelReport(
  ctx: ReportContext,
  partner: PartnerSubmitter,
  idempotencyKey: string,
  body: HotelReport,
): Promise<{ replayed: boolean; receipt: ReportReceipt }> {
  const problems = checkReport(body.report, '/report', ctx.now());
  if ((body.report.places?.length ?? 0) >= limits.places) problems.push(fieldProblem('/report/places', 'too-long'));
  if (problems.length > 0) throw new Problem('validation', { fields: problems });
  const hotel = await hotelInScope(ctx.db, partner, body.hotelId);
  if (!hotel) {
    throw new Problem('forbidden', { detail: 'detail.hotel-not-in-scope', fields: [fieldProblem('/hotelId', 'invalid')] });
  }
  const place = {
    country: hotel.country,
    ...(hotel.subdivision ? { subdivision: hotel.subdivision } : {}),
    city: hotel.city,
    role: 'incident',
  };
  const content = { ...body.report, places: [...(body.report.places ?? []), place] } as ReportContent;
  const indicators = [...new Set(body.indicators ?? [])];
  return submitFromPartner(
    ctx,
    partner,
    {
      channel: 'hotel',
      route: 'hotel',
      idempotencyKey,
      body,
      contents: [content],
      pointer: '/report',
      auditDetail: { hotelId: hotel.id, indicators },
      alsoWrite: async (trx, [reportId]) => {
        await trx.insertInto('report_hotels').values({ report_id: reportId!, hotel_id: hotel.id, indicators }).execute();
      },
    },
    (receipts) => receipts[0]!,
  );
}
