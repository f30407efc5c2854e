import fs from 'node:fs';
import path from 'node:path';
import { CPQ_ERROR_LABELS, CPQ_LABELS } from 'c/cpqLabels';

const labelsXml = fs.readFileSync(
  path.join(__dirname, '../../force-app-cpq/main/default/labels/CustomLabels.labels-meta.xml'),
  'utf8',
);
const labelNames = [...labelsXml.matchAll(/<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1]);
// Labels only Apex reads (the controller's refusals).
const APEX_ONLY = ['ZuoraSyncCpq_OrderNotVisible', 'ZuoraSyncCpq_WrongRecordType'];

describe('cpqLabels', () => {
  it('resolves every text of the Send to Zuora action from a Custom Label of force-app-cpq', () => {
    const texts = [...Object.values(CPQ_LABELS), ...Object.values(CPQ_ERROR_LABELS)];
    expect(texts).toHaveLength(labelNames.length - APEX_ONLY.length);
    for (const text of texts) {
      expect(typeof text).toBe('string');
      expect(text).not.toMatch(/^c\.ZuoraSyncCpq_/);
      expect(text.trim()).not.toBe('');
    }
    expect(CPQ_LABELS.actionTitle).toBe('Send to Zuora');
    expect(labelNames.every((name) => name.startsWith('ZuoraSyncCpq_'))).toBe(true);
    expect(labelNames.filter((name) => name.startsWith('ZuoraSyncCpq_Err_'))).toHaveLength(
      Object.keys(CPQ_ERROR_LABELS).length,
    );
  });
});
