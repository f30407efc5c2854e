// Compact layout of a main object: what the record highlights panel and mobile cards show.

import type { ObjectSpec } from '../model/model-types.js';
import { compactLayoutName } from './render-object.js';
import { metadataDocument } from './xml-writer.js';

export function renderCompactLayout(object: ObjectSpec): { fileName: string; xml: string } {
  const name = compactLayoutName(object);
  return {
    fileName: `${name}.compactLayout-meta.xml`,
    xml: metadataDocument('CompactLayout', [
      ['fullName', name],
      ['fields', 'Name'],
      // A compact layout shows at most 10 fields.
      ...object.highlightFields.slice(0, 9).map((field) => ['fields', field] as const),
      ['label', `${object.label} Compact`],
    ]),
  };
}
