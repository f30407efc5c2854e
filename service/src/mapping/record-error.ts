// A record that cannot be mapped becomes one of these (stored as Sync_Record_Error__c and retried
// by the next session), never a failed session.
import type { TransformErrorCode } from './transforms/transform-result.js';

export type RecordErrorCode =
  | TransformErrorCode
  | 'MISSING_CRM_ID'
  | 'INVALID_CRM_ID'
  | 'MISSING_EXTERNAL_ID'
  | 'FIELD_NOT_IN_SCHEMA'
  | 'INVALID_RECORD';

export interface RecordError {
  readonly code: RecordErrorCode;
  readonly message: string;
  /** The Salesforce field (or relationship column) concerned. */
  readonly field: string;
  /** The Zuora record's Id, when it has one. */
  readonly zuoraId: string | null;
  /** The Salesforce object the record was bound for. */
  readonly object: string;
}
