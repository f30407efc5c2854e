// A fault of Zuora's Actions (query, queryMore) reaches the caller with its code and message: the Action query
// cannot read the Invoice Settlement objects (the emulator answers as Zuora does), and the error must say so,
// not "HTTP 400".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startEmbeddedEmulators,
  type EmbeddedEmulators,
} from '../../src/embedded/start-embedded-emulators.js';
import { errorFromBody, ZuoraApiError } from '../../src/zuora/zuora-errors.js';
import { ZuoraClient } from '../../src/zuora/zuora-client.js';
import { zoqlPages } from '../../src/zuora/zoql.js';

let emulators: EmbeddedEmulators;
beforeAll(async () => {
  emulators = await startEmbeddedEmulators({ seed: 7, size: 'XS', apiVersion: '62.0' });
});
afterAll(async () => {
  await emulators.close();
});

describe('Zuora Action faults', () => {
  it('name the fault code and its message', async () => {
    const client = new ZuoraClient({ ...emulators.zuoraCredentials, backoffMs: 20 });
    const read = async () => {
      for await (const page of zoqlPages(client, 'select Id from CreditMemo')) void page;
    };
    const error = await read().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect((error as ZuoraApiError).code).toBe('INVALID_TYPE');
    expect((error as ZuoraApiError).status).toBe(400);
    expect((error as ZuoraApiError).message).toMatch(/invalid object type: CreditMemo/);
  });

  it('keep the other shapes as they were', () => {
    expect(errorFromBody(400, '/v1/x', { reasons: [{ code: 53100320, message: 'bad' }] }).code).toBe(
      '53100320',
    );
    expect(errorFromBody(400, '/v1/x', { Errors: [{ Code: 'INVALID_VALUE', Message: 'm' }] }).code).toBe(
      'INVALID_VALUE',
    );
    expect(errorFromBody(500, '/v1/x', {}).message).toBe('Zuora /v1/x answered 500 HTTP_500: HTTP 500');
    expect(
      errorFromBody(400, '/v1/action/query', { faultcode: 'fns:MALFORMED_QUERY', faultstring: 's' }).message,
    ).toBe('Zuora /v1/action/query answered 400 MALFORMED_QUERY: s');
  });
});
