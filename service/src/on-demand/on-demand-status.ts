// The billing accounts' on-demand sync status (CustomerAccount__c.Last_Sync_Status__c, Last_Synced_At__c,
// Last_Sync_Error__c, Last_Sync_History__c), written by the service for every on-demand session it runs. The
// integration user owns the billing accounts, so it is their one writer: the package's Apex never updates them
// (a sales user has read access only). Only billing accounts already in Salesforce are updated: an update by
// Id never creates a record, whatever the session's results say.
import type { Logger } from 'pino';
import type jsforce from 'jsforce';

export interface StatusResult {
  readonly success: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

const maxErrorChars = 32_768;
const soqlId = /^[A-Za-z0-9]{1,64}$/;

/** The Last_Sync_* values of one billing account after a session. */
export function statusFields(
  result: StatusResult,
  historyId: string | undefined,
  finishedAt: Date,
): Record<string, string | null> {
  const base = historyId === undefined ? {} : { Last_Sync_History__c: historyId };
  if (result.success) {
    return {
      ...base,
      Last_Sync_Status__c: 'Synced',
      Last_Synced_At__c: finishedAt.toISOString(),
      Last_Sync_Error__c: null,
    };
  }
  const error = `${result.errorCode ?? 'SYNC_FAILED'}: ${result.errorMessage ?? ''}`.trim();
  return { ...base, Last_Sync_Status__c: 'Failed', Last_Sync_Error__c: error.slice(0, maxErrorChars) };
}

/**
 * Updates the sync status of the billing accounts (by Zuora account id) a session synced or failed to sync.
 * Best effort: a failure is logged, never thrown, because the session's own outcome is already recorded.
 */
export async function writeBillingAccountStatus(
  salesforce: jsforce.Connection,
  logger: Logger,
  results: Readonly<Record<string, StatusResult>>,
  historyId: string | undefined,
  finishedAt: Date,
): Promise<number> {
  const zuoraIds = Object.keys(results).filter((id) => soqlId.test(id));
  if (zuoraIds.length === 0) return 0;
  try {
    const found = await salesforce.query<{ Id: string; External_Id__c: string }>(
      `SELECT Id, External_Id__c FROM CustomerAccount__c WHERE External_Id__c IN (${zuoraIds
        .map((id) => `'${id}'`)
        .join(', ')})`,
    );
    const updates = found.records.flatMap((record) => {
      const result = results[record.External_Id__c];
      return result === undefined ? [] : [{ Id: record.Id, ...statusFields(result, historyId, finishedAt) }];
    });
    if (updates.length === 0) return 0;
    const saved = await salesforce
      .sobject('CustomerAccount__c')
      .update(updates, { allOrNone: false, allowRecursive: true });
    const failed = saved.filter((s) => !s.success);
    if (failed.length > 0)
      logger.warn(
        { failed: failed.map((s) => ({ id: s.id, errors: s.errors })) },
        'could not write the sync status of some billing accounts',
      );
    return updates.length - failed.length;
  } catch (error) {
    logger.warn(
      { err: error },
      'could not write the sync status of the billing accounts of an on-demand sync',
    );
    return 0;
  }
}
