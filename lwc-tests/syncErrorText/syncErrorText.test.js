import { apexErrorMessage, describeError } from 'c/syncErrorText';

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
