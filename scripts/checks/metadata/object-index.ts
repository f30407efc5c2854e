// What force-app defines: objects (with or without an .object-meta.xml) and their fields with the
// properties the checks need.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseMetadata, text } from './metadata-files.js';

export interface IndexedField {
  type: string;
  required: boolean;
  file: string;
}

export interface IndexedObject {
  /** False for a standard object that only carries custom fields (Product2). */
  hasObjectFile: boolean;
  nameFieldType: string | undefined;
  fields: Map<string, IndexedField>;
}

export type ObjectIndex = Map<string, IndexedObject>;

export function indexObjects(metadataRoot: string): ObjectIndex {
  const index: ObjectIndex = new Map();
  const objectsDir = path.join(metadataRoot, 'objects');
  if (!existsSync(objectsDir)) return index;
  for (const objectName of readdirSync(objectsDir).sort()) {
    const dir = path.join(objectsDir, objectName);
    const objectFile = path.join(dir, `${objectName}.object-meta.xml`);
    const hasObjectFile = existsSync(objectFile);
    const nameField = hasObjectFile ? parseMetadata(objectFile)['nameField']?.[0] : undefined;
    const fields = new Map<string, IndexedField>();
    const fieldsDir = path.join(dir, 'fields');
    if (existsSync(fieldsDir)) {
      for (const fileName of readdirSync(fieldsDir).filter((name) => name.endsWith('.field-meta.xml'))) {
        const file = path.join(fieldsDir, fileName);
        const field = parseMetadata(file);
        const type = text(field, 'type') ?? '';
        fields.set(fileName.replace(/\.field-meta\.xml$/, ''), {
          type,
          required: type === 'MasterDetail' || text(field, 'required') === 'true',
          file,
        });
      }
    }
    index.set(objectName, {
      hasObjectFile,
      nameFieldType:
        nameField && typeof nameField === 'object'
          ? text(nameField as Record<string, unknown[]>, 'type')
          : undefined,
      fields,
    });
  }
  return index;
}
