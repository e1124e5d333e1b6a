import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Hotels of partner chains (the hotel flow). A business: nothing here is personal data. */
export interface HotelsTable {
  id: string;
  /** The partner organisation that is the chain. */
  chain_id: string;
  name: string;
  country: string;
  subdivision: string | null;
  city: string;
  address: string;
  created_at: CreatedAt;
}

/** A chain's API key restricted to some of its hotels, or explicitly given all (no row: all). */
export interface HotelKeyScopesTable {
  api_key_id: string;
  chain_id: string;
  all_hotels: boolean;
  updated_at: Timestamp;
}

export interface HotelKeyScopeHotelsTable {
  api_key_id: string;
  hotel_id: string;
}

/** The hotel a report came from, and the warning signs its staff noticed. */
export interface ReportHotelsTable {
  report_id: string;
  hotel_id: string;
  indicators: string[];
}

export interface HotelTables {
  hotels: HotelsTable;
  hotel_key_scopes: HotelKeyScopesTable;
  hotel_key_scope_hotels: HotelKeyScopeHotelsTable;
  report_hotels: ReportHotelsTable;
}
