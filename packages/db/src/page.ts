/** A window of rows: what every list query takes. */
export interface Page {
  limit: number;
  offset: number;
}

/** An inclusive range of YYYY-MM-DD dates; either end may be open. */
export interface DateRange {
  from?: string | null;
  to?: string | null;
}
