// What each failure code means in plain words and what fixes it, for the console's failure groups. Salesforce
// record errors are its API StatusCodes
// (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm);
// the others are the connector's own. Zuora's dashboard files every failure under DACO-01 (a known Salesforce
// exception), DACO-02 (missing CRM ID) or DACO-99 (unknown); the column `zuoraCode` keeps that parity.

export interface ErrorExplanation {
  readonly title: string;
  readonly explanation: string;
  readonly fix: string;
  /** The next session retries it by itself (no change needed first). */
  readonly retriesAutomatically: boolean;
  readonly zuoraCode: 'DACO-01' | 'DACO-02' | 'DACO-99';
}

const sf = (title: string, explanation: string, fix: string, retries = false): ErrorExplanation => ({
  title,
  explanation,
  fix,
  retriesAutomatically: retries,
  zuoraCode: 'DACO-01',
});
const own = (title: string, explanation: string, fix: string, retries = false): ErrorExplanation => ({
  title,
  explanation,
  fix,
  retriesAutomatically: retries,
  zuoraCode: 'DACO-99',
});

const catalog: Readonly<Record<string, ErrorExplanation>> = {
  UNABLE_TO_LOCK_ROW: sf(
    'Record locked in Salesforce',
    'Another process (a user, a flow, another load) held a lock on the record or its parent while it was written.',
    'Nothing to change: the next session retries it. Retry now once the other process is done.',
    true,
  ),
  REQUIRED_FIELD_MISSING: sf(
    'Required field empty',
    'Salesforce requires a field that the Zuora record left empty.',
    'Fill the field in Zuora, or make it optional in Salesforce, then retry.',
  ),
  INVALID_CROSS_REFERENCE_KEY: sf(
    'Reference to a record that does not exist',
    'A lookup points at a Salesforce record that does not exist or that the integration user cannot see.',
    'Check that the referenced record exists and is shared with the integration user, then retry.',
  ),
  DUPLICATE_VALUE: sf(
    'Duplicate unique value',
    'Another Salesforce record already has this value in a unique field.',
    'Remove or merge the duplicate record in Salesforce, then retry.',
  ),
  STRING_TOO_LONG: sf(
    'Text too long for the field',
    'A Zuora value is longer than the Salesforce field allows.',
    'Shorten the value in Zuora or lengthen the field in Salesforce, then retry.',
  ),
  INVALID_FIELD: sf(
    'Field missing in Salesforce',
    'The connector wrote a field the org does not have (the package is older than the service, or a custom mapping names a missing field).',
    'Deploy the current package (or fix the custom mapping), then retry.',
  ),
  FIELD_CUSTOM_VALIDATION_EXCEPTION: sf(
    'Blocked by a validation rule',
    'A validation rule in the org refused the record.',
    'Adjust the rule (or exempt the integration user), or fix the data in Zuora, then retry.',
  ),
  INSUFFICIENT_ACCESS_OR_READONLY: sf(
    'Integration user lacks access',
    'The integration user may not write this record or field.',
    'Give the integration user the Zuora_Sync_Integration permission set, then retry.',
  ),
  ENTITY_IS_DELETED: sf(
    'Record deleted in Salesforce',
    'The record, or the parent it points at, was deleted in Salesforce.',
    'Restore it from the recycle bin, or let a full sync recreate it, then retry.',
  ),
  REQUEST_LIMIT_EXCEEDED: sf(
    'Salesforce API limit reached',
    'The org has used its daily API allocation.',
    'Wait for the allocation to recover (or raise it); the next session retries.',
    true,
  ),
  SERVER_UNAVAILABLE: sf(
    'Salesforce unavailable',
    'Salesforce answered with a server error or did not answer.',
    'Nothing to change: the next session retries it.',
    true,
  ),
  MISSING_CRM_ID: {
    title: 'Billing account without a CRM Account ID',
    explanation:
      'Only billing accounts with a CRM Account ID are synced; this one (or its parent account) has none.',
    fix: 'Set the CRM Account ID of the billing account in Zuora to its Salesforce Account, then retry.',
    retriesAutomatically: false,
    zuoraCode: 'DACO-02',
  },
  INVALID_CRM_ID: {
    title: 'CRM Account ID is not a Salesforce Account',
    explanation:
      'The CRM Account ID in Zuora is not a valid Salesforce Account Id (15 or 18 characters, prefix 001).',
    fix: 'Correct the CRM Account ID in Zuora, then retry.',
    retriesAutomatically: false,
    zuoraCode: 'DACO-02',
  },
  PARENT_FAILED: own(
    'Parent record failed',
    'The record was held back because the record it belongs to failed to sync.',
    'Fix the parent failure (named in the message); the child syncs with it.',
    true,
  ),
  DATE_OUT_OF_RANGE: own(
    'Date outside what Salesforce stores',
    'Salesforce stores dates from 1700-01-01 to 4000-12-31; the Zuora record has one outside.',
    'Correct the date in Zuora, then retry.',
  ),
  INVALID_DATE: own(
    'Date not understood',
    'A Zuora date could not be read.',
    'Correct the value in Zuora, then retry.',
  ),
  INVALID_NUMBER: own(
    'Number not understood',
    'A Zuora number could not be read.',
    'Correct the value in Zuora, then retry.',
  ),
  INVALID_PICKLIST_VALUE: own(
    'Value not in the picklist',
    'The Zuora value is not one of the Salesforce picklist values.',
    'Add the value to the picklist (or change it in Zuora), then retry.',
  ),
  FIELD_NOT_IN_SCHEMA: own(
    'Mapped field not in the package',
    'A field map names a Salesforce field the package does not define.',
    'Fix the custom field mapping or deploy the field, then retry.',
  ),
  MISSING_EXTERNAL_ID: own(
    'Record without an id',
    'The Zuora record came without the value it is matched on in Salesforce.',
    'Check the record in Zuora; retry once it has one.',
  ),
};

const unknown = own(
  'Other error',
  'An error the console has no explanation for; the message says what Salesforce or Zuora answered.',
  'Read the message; fix the record or the org, then retry.',
);

export function explain(code: string): ErrorExplanation {
  return (
    catalog[code] ??
    (/^[A-Z_]+$/.test(code) && code.length > 3 ? { ...unknown, zuoraCode: 'DACO-01' } : unknown)
  );
}
