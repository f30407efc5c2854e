// Record errors Salesforce documents as transient (a lock held by another transaction, a busy server): a
// record failing with one is sent again within the session, and read again by the next one.
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#statuscode
export const retryableCodes: ReadonlySet<string> = new Set([
  'UNABLE_TO_LOCK_ROW',
  'SERVER_UNAVAILABLE',
  'REQUEST_RUNNING_TOO_LONG',
]);
