// The record rules every engine applies around the mapper: which records are taken, what a deleted record or
// a cancelled billing account means, which key a record is upserted on, and when a record waits for its
// parent. Pure functions over rows: Turbo Sync and the API-based engine call these, never copies of them.

/** The failure code of a record held back because a record it references failed to sync. */
export const parentFailedCode = 'PARENT_FAILED';
