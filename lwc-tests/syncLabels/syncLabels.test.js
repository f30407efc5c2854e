import fs from 'node:fs';
import path from 'node:path';
import { ERROR_LABELS, LABELS, format } from 'c/syncLabels';

const labelsXml = fs.readFileSync(
  path.join(__dirname, '../../force-app/main/default/labels/CustomLabels.labels-meta.xml'),
  'utf8',
);
const labelNames = [...labelsXml.matchAll(/<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1]);

describe('syncLabels', () => {
  it('resolves every text from a Custom Label of the package', () => {
    const texts = [...Object.values(LABELS), ...Object.values(ERROR_LABELS)];
    expect(texts.length).toBeGreaterThan(70);
    for (const text of texts) {
      expect(typeof text).toBe('string');
      expect(text).not.toMatch(/^c\.ZuoraSync_/);
      expect(text.trim()).not.toBe('');
    }
    expect(LABELS.actionTitle).toBe('Sync Data from ZBilling');
    expect(labelNames.filter((name) => name.startsWith('ZuoraSync_Err_'))).toHaveLength(
      Object.keys(ERROR_LABELS).length,
    );
  });

  it('fills numbered placeholders and leaves unknown ones', () => {
    expect(format('{0} of {1} selected; {0} again', 3, 8)).toBe('3 of 8 selected; 3 again');
    expect(format('Missing {2}', 'a')).toBe('Missing {2}');
  });
});
