import { Type, type Static, type TSchema } from 'typebox';
import { hotelIndicatorCodes } from './hotel-indicators.js';
import { ReportContent } from './report-v1.js';
import { Country, DateTime, Line, Subdivision, Uuid } from './vocabulary.js';

/**
 * The hotel flow's contracts: the hotels of partner chains, which of them a chain's API key
 * may report for, and a report from a hotel. A hotel's address is a business's address, not
 * personal data: it is stored and shown in clear.
 */
const closed = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const NewHotel = Type.Object(
  {
    chainId: Type.String({ format: 'uuid', description: 'The partner organisation (the hotel chain) the hotel belongs to' }),
    name: Line(200, 'The hotel’s name'),
    country: Country,
    subdivision: Type.Optional(Subdivision),
    city: Line(100, 'City, town or village'),
    address: Line(300, 'Street address (a business address)'),
  },
  closed,
);
export type NewHotel = Static<typeof NewHotel>;

export const Hotel = Type.Object({
  id: Uuid,
  chainId: Uuid,
  name: Type.String(),
  country: Type.String(),
  subdivision: Nullable(Type.String()),
  city: Type.String(),
  address: Type.String(),
  createdAt: DateTime,
});
export type Hotel = Static<typeof Hotel>;

export const HotelList = Type.Object({ hotels: Type.Array(Hotel) });
export const HotelQuery = Type.Object({ chainId: Type.Optional(Type.String({ format: 'uuid' })) }, closed);
export const KeyParams = Type.Object({ apiKeyId: Type.String({ format: 'uuid' }) }, closed);

export const KeyScopeInput = Type.Object(
  {
    allHotels: Type.Boolean({ description: 'Every hotel of the chain, those added later included' }),
    hotelIds: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), {
        minItems: 1,
        maxItems: 1000,
        uniqueItems: true,
        description: 'Only these hotels of the chain (when allHotels is false)',
      }),
    ),
  },
  closed,
);
export type KeyScopeInput = Static<typeof KeyScopeInput>;

export const KeyScope = Type.Object({
  apiKeyId: Uuid,
  chainId: Uuid,
  allHotels: Type.Boolean(),
  hotelIds: Type.Array(Uuid),
});
export type KeyScope = Static<typeof KeyScope>;

export const HotelIndicators = Type.Array(Type.Enum([...hotelIndicatorCodes]), {
  maxItems: hotelIndicatorCodes.length,
  uniqueItems: true,
  description: 'The warning signs the staff noticed (GET /api/hotel/indicators lists them, in French and English)',
});

export const HotelReport = Type.Object(
  {
    hotelId: Type.String({ format: 'uuid', description: 'One of the chain’s hotels that the key may report for' }),
    indicators: Type.Optional(HotelIndicators),
    report: ReportContent,
  },
  closed,
);
export type HotelReport = Static<typeof HotelReport>;

export const IndicatorList = Type.Object({
  indicators: Type.Array(Type.Object({ code: Type.String(), label: Type.Object({ fr: Type.String(), en: Type.String() }) })),
});

/** What staff see of the hotel a report came from (a business: no personal data). */
export const HotelOfReport = Type.Object({
  hotelId: Uuid,
  chainId: Uuid,
  name: Type.String(),
  country: Type.String(),
  subdivision: Nullable(Type.String()),
  city: Type.String(),
  address: Type.String(),
  indicators: Type.Array(Type.String()),
});
export type HotelOfReport = Static<typeof HotelOfReport>;
