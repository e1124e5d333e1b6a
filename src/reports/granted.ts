import { Problem } from '../platform/http/index.js';
import type { ReportContext } from './context.js';
import { itemsContentOf, reportDocumentOf } from './document.js';
import { hotelOfReport } from './hotels.js';
import { sealContext } from './model.js';
import type { Actor } from './ports.js';
import type { ReportItemsTable } from './tables.js';
import type { PersonalView } from './views.js';

/**
 * What another organisation may be granted of a report (a referral's receiving police unit,
 * child-protection unit…): the parts it needs, and nothing else is decrypted. The envelope,
 * category, urgency, dates and language always come with them; a hotel is a business and
 * comes in clear.
 */
export const grantableParts = [
  'narrative',
  'urls',
  'media',
  'onlineIdentifiers',
  'places',
  'children',
  'reportedPersons',
  'reporterContact',
] as const;
export type GrantablePart = (typeof grantableParts)[number];

/** Who reads, and under which grant (the referral): both go into the audit entry. */
export interface GrantReader {
  actor: Actor;
  grant: { subjectType: string; subjectId: string };
}

/** The granted parts in the report format (a `report` v1 document holding only them), its additions likewise. */
export type GrantedReport = Pick<PersonalView, 'report' | 'additions' | 'hotel'>;

const itemKinds: Record<ReportItemsTable['kind'], GrantablePart> = {
  url: 'urls',
  media: 'media',
  online_identifier: 'onlineIdentifiers',
};

/** Decrypts only the granted parts of a report and its additions; the read is audited in the same transaction. */
export async function readGrantedReport(
  ctx: ReportContext,
  reader: GrantReader,
  id: string,
  parts: readonly GrantablePart[],
): Promise<GrantedReport> {
  const granted = new Set(parts);
  return ctx.change(async (trx, tools) => {
    const row = await trx.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem('not-found');
    const kinds = (Object.keys(itemKinds) as ReportItemsTable['kind'][]).filter((kind) => granted.has(itemKinds[kind]));
    const items =
      kinds.length === 0
        ? []
        : await trx.selectFrom('report_items').selectAll().where('report_id', '=', id).where('kind', 'in', kinds).execute();
    const additions = await trx.selectFrom('report_additions').selectAll().where('report_id', '=', id).orderBy('received_at').execute();
    const hotel = await hotelOfReport(trx, id);
    const withheld = {
      narrative_sealed: granted.has('narrative') ? row.narrative_sealed : null,
      reporter_contact_sealed: granted.has('reporterContact') ? row.reporter_contact_sealed : null,
      children_sealed: granted.has('children') ? row.children_sealed : null,
      reported_persons_sealed: granted.has('reportedPersons') ? row.reported_persons_sealed : null,
      places_sealed: granted.has('places') ? row.places_sealed : null,
    };
    await tools.audit(reader.actor, {
      action: 'report.read-personal',
      subjectType: 'report',
      subjectId: id,
      detail: { fields: [...granted], grant: reader.grant.subjectType, grantId: reader.grant.subjectId },
    });
    const report = reportDocumentOf(
      ctx.sealer,
      { ...row, ...withheld },
      items.filter((item) => item.addition_id === null),
    );
    return {
      report,
      ...(hotel ? { hotel } : {}),
      additions: additions.map((addition) => ({
        id: addition.id,
        receivedAt: new Date(addition.received_at).toISOString(),
        ...(granted.has('narrative') && addition.narrative_sealed
          ? { narrative: ctx.sealer.open(addition.narrative_sealed, sealContext('report_additions', 'narrative_sealed', addition.id)) }
          : {}),
        ...itemsContentOf(
          ctx.sealer,
          items.filter((item) => item.addition_id === addition.id),
        ),
      })),
    };
  });
}
