import { apexErrorMessage, describeError, reduceErrors } from 'c/syncErrorText';

describe('describeError', () => {
  it('explains known service codes in plain words, whatever their case', () => {
    expect(describeError('SERVICE_UNREACHABLE', 'Unable to tunnel')).toMatch(
      /could not reach the Zuora sync service/,
    );
    expect(describeError('unauthorized', null)).toMatch(/did not accept the credentials/);
  });

  it('falls back to the message, then to the code', () => {
    expect(describeError('ZUORA_50000040', '  Account not found.  ')).toBe('Account not found.');
    expect(describeError('ZUORA_50000040', '')).toBe('The sync failed (ZUORA_50000040).');
    expect(describeError(null, null)).toBe('The sync failed for an unknown reason.');
  });
});

describe('apexErrorMessage', () => {
  it('reads AuraHandledException bodies, arrays of bodies and page errors', () => {
    expect(apexErrorMessage({ status: 500, body: { message: 'Choose up to 8.' } })).toBe('Choose up to 8.');
    expect(apexErrorMessage({ body: [{ message: 'A.' }, { pageErrors: [{ message: 'B.' }] }] })).toBe(
      'A. B.',
    );
  });

  it('reads plain errors and strings, with a generic fallback', () => {
    expect(apexErrorMessage(new Error('Network down'))).toBe('Network down');
    expect(apexErrorMessage('Offline')).toBe('Offline');
    expect(apexErrorMessage({ status: 400, body: {} })).toMatch(/could not complete the request/);
  });
});

describe('reduceErrors', () => {
  it('reads every shape a Salesforce error comes in', () => {
    expect(reduceErrors({ body: { message: 'Aura says no.' } })).toEqual(['Aura says no.']);
    expect(
      reduceErrors({
        body: {
          message: 'An error occurred while trying to update the record.',
          pageErrors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Page error.' }],
          fieldErrors: { Name: [{ message: 'Name is required.' }], Phone: [{ message: 'Bad phone.' }] },
        },
      }),
    ).toEqual(['Page error.', 'Name is required.', 'Bad phone.']);
    expect(
      reduceErrors({
        body: {
          message: 'An error occurred while trying to update the record. Please try again.',
          output: {
            errors: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'No access.' }],
            fieldErrors: { Status__c: [{ message: 'Bad picklist value.' }] },
          },
        },
      }),
    ).toEqual(['No access.', 'Bad picklist value.']);
    expect(reduceErrors({ body: [{ message: 'First.' }, { message: 'Second.' }] })).toEqual([
      'First.',
      'Second.',
    ]);
    expect(reduceErrors({ status: 503, statusText: 'Service Unavailable', body: {} })).toEqual([
      'Service Unavailable',
    ]);
  });

  it('takes a list of errors, drops empty and repeated messages', () => {
    expect(
      reduceErrors([null, { body: { message: 'Same.' } }, new Error('Same.'), '  ', { body: '' }]),
    ).toEqual(['Same.']);
  });
});
