// A Bulk API 2.0 successful-results file is counted on its bytes: the same rows and created flags the CSV
// scanner reads, whatever the chunks it arrives in, Salesforce's quoted shape or another one.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scanCsvRecords } from '../../src/csv/csv-record-scanner.js';
import { SuccessCount } from '../../src/salesforce/success-count.js';

async function scanned(text: string): Promise<{ succeeded: number; created: number }> {
  let records = 0;
  let created = 0;
  await scanCsvRecords(Readable.from([text]), 2, (f) => {
    records += 1;
    if (records > 1 && f[1] === 'true') created += 1;
  });
  return { succeeded: Math.max(0, records - 1), created };
}

/** Counts `text` as the service reads a result file: `size` bytes at a time, each read into the same buffer. */
function counted(text: string, size: number): { succeeded: number; created: number } {
  const bytes = Buffer.from(text);
  const buffer = Buffer.alloc(size);
  const count = new SuccessCount();
  for (let i = 0; i < bytes.length; i += size)
    count.push(buffer.subarray(0, bytes.copy(buffer, 0, i, i + size)));
  return count.end();
}

const files = {
  salesforce:
    '"sf__Id","sf__Created",External_Id__c,Name,Notes__c\n' +
    '"a0B000000000001AAA","true",k1,plain,#N/A\n' +
    '"a0B000000000002AAA","false",k2,"with, comma","two\nlines ""q"""\n' +
    '"a0B000000000003AAA","true",k3,Ünïcödé,"é\r\nand ""more"""\n' +
    '"a0B000000000004AAA","true",k4,"ends with newline\n",y\n',
  'no trailing newline': '"sf__Id","sf__Created",K\n"a","true",k1\n"b","true",k2',
  'CRLF and empty lines': '"sf__Id","sf__Created",K\r\n\r\n"a","true",k1\r\n\n"b","false",k2\r\n',
  // (A quote inside an unquoted field is not RFC 4180: neither Salesforce nor the spool writer writes one.)
  unquoted: 'sf__Id,sf__Created,K\na,true,k1\nb,false,k2\nc,"true",k3\ne,true\n',
  'odd quoting': '"sf__Id","sf__Created",K\n"a""x","true",k1\n"b","tr""ue",k2\n"c","true"x,k3\n"d","true"\n',
  'header only': '"sf__Id","sf__Created",K\n',
  empty: '',
};

describe('SuccessCount', () => {
  for (const [name, text] of Object.entries(files)) {
    it(`counts as the scanner does: ${name}, at any chunk size`, async () => {
      const want = await scanned(text);
      for (const size of [1, 2, 3, 5, 8, 13, 64, 1 << 20]) {
        expect(counted(text, size), `chunk ${String(size)}`).toEqual(want);
      }
    });
  }

  it('keeps a bare carriage return in an unquoted flag as the scanner does, at any chunk size', async () => {
    const text = 'sf__Id,sf__Created,K\na,tr\rue,k1\nb,true\r,k2\nc,true\r\n';
    const want = await scanned(text);
    expect(want).toEqual({ succeeded: 3, created: 1 });
    for (const size of [1, 2, 3, 5, 64]) expect(counted(text, size), `chunk ${String(size)}`).toEqual(want);
  });

  it('reads the created flag of Salesforce-shaped rows', async () => {
    expect(counted(files.salesforce, 7)).toEqual({ succeeded: 4, created: 3 });
  });
});
