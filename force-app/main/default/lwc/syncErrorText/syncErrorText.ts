// Turns service and Salesforce error codes into sentences a sales user can act on, and pulls a readable
// message out of whatever an Apex call rejected with. Shared by the three sync components.

const PLAIN_WORDS: Record<string, string> = {
  SERVICE_UNREACHABLE:
    'Salesforce could not reach the Zuora sync service. Try again in a few minutes; if it keeps failing, ask your admin to check the ZuoraSyncService named credential.',
  UNAUTHORIZED:
    'The Zuora sync service did not accept the credentials Salesforce sent. Ask your admin to check the API token of the ZuoraSyncService external credential.',
  API_BUDGET_EXHAUSTED:
    'The sync service has used up its API allowance for now, so nothing was synced. Try again later.',
  UNAVAILABLE: 'The Zuora sync service is temporarily unavailable. Try again in a few minutes.',
  TOO_MANY_OBJECTS: 'Too many billing accounts were sent in one sync. Choose fewer and try again.',
  SERVICE_NOT_FOUND:
    'The sync service address in Salesforce looks wrong (the service answered "not found"). Ask your admin to check the ZuoraSyncService named credential.',
  INVALID_RESPONSE:
    'The Zuora sync service sent an answer Salesforce could not read. Ask your admin to check the service.',
  SERVICE_ERROR:
    'The Zuora sync service hit an unexpected error. Try again; if it keeps failing, ask your admin.',
  UNABLE_TO_LOCK_ROW:
    'Another process was updating this record at the same time. It will be retried on the next sync.',
  INVALID_CRM_ACCOUNT_ID:
    'The CRM Account ID of this billing account in Zuora does not match a Salesforce account. Fix it in Zuora, then sync again.',
  'DACO-02':
    'This billing account has no CRM Account ID in Zuora, so it cannot be linked to a Salesforce account. Add it in Zuora, then sync again.',
  REQUIRED_FIELD_MISSING: 'Salesforce refused the record because a required field was empty.',
  STRING_TOO_LONG: 'A value from Zuora is longer than the Salesforce field allows.',
  INVALID_FIELD: 'A field the sync writes does not exist in this org. Ask your admin to update the package.',
  INSUFFICIENT_ACCESS_OR_READONLY:
    'The sync user is not allowed to write this record. Ask your admin to check its permissions.',
};

/** A sentence for an error code, falling back to the service's own message, then to the code. */
export function describeError(code?: string | null, message?: string | null): string {
  const known = code ? PLAIN_WORDS[code.toUpperCase()] : undefined;
  if (known) return known;
  if (message && message.trim()) return message.trim();
  return code ? `The sync failed (${code}).` : 'The sync failed for an unknown reason.';
}

interface ApexErrorBody {
  message?: unknown;
  pageErrors?: { message?: unknown }[];
  fieldErrors?: Record<string, { message?: unknown }[]>;
}

/** The message of an error thrown by an imperative Apex call (AuraHandledException), a fetch or a plain Error. */
export function apexErrorMessage(error: unknown): string {
  if (error && typeof error === 'object') {
    const body = (error as { body?: ApexErrorBody | ApexErrorBody[] }).body;
    const bodies = Array.isArray(body) ? body : body ? [body] : [];
    const messages: string[] = [];
    for (const item of bodies) {
      if (typeof item.message === 'string') messages.push(item.message);
      for (const pageError of item.pageErrors ?? []) {
        if (typeof pageError.message === 'string') messages.push(pageError.message);
      }
    }
    if (messages.length > 0) return messages.join(' ');
    const status = (error as { status?: unknown }).status;
    if (status === 500 || status === 0 || status === undefined) {
      const plain = (error as { message?: unknown }).message;
      if (typeof plain === 'string' && plain) return plain;
    }
  }
  if (typeof error === 'string' && error) return error;
  return 'Salesforce could not complete the request. Reload the page and try again.';
}
