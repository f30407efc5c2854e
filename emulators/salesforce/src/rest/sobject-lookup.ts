import type { EmulatorContext } from '../emulator-context.js';
import type { ObjectDef } from '../schema/schema-types.js';
import { RequestError } from '../store/sf-error.js';

// The object named in a URL (404 NOT_FOUND when the org has none) and the write check every sObject
// resource shares.

export function objectOr404(ctx: EmulatorContext, type: string): ObjectDef {
  const def = ctx.schema.byLower.get(type.toLowerCase());
  if (!def) throw new RequestError('NOT_FOUND', 'The requested resource does not exist', 404);
  return def;
}

export function writable(def: ObjectDef): void {
  if (def.isMetadataType) {
    throw new RequestError(
      'INVALID_TYPE',
      `Custom metadata records cannot be changed through the REST API (${def.name})`,
    );
  }
}
