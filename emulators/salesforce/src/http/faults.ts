// Faults an admin can inject through `/__emulator/faults`, as data.

export interface Faults {
  /** Added to every API request, in milliseconds. */
  latencyMs: number;
  /** Share (0..1) of API requests answered 503 / 500 at random. */
  serverErrorRatio: number;
  /** Share (0..1) of records in collections and Bulk jobs that fail with UNABLE_TO_LOCK_ROW. */
  lockRowRatio: number;
}

export const noFaults = (): Faults => ({ latencyMs: 0, serverErrorRatio: 0, lockRowRatio: 0 });
