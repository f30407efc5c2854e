// Zuora entity ids as requests, callouts and ZUORA_ENTITY_IDS may name them. An entity id is the id that
// GET /v1/entities lists (https://developer.zuora.com/v1-api-reference/older-api/entities/get_entities):
// letters and digits (a 32-character id in practice; hyphens allowed), never longer than 64. A value outside
// that is refused by its format before anything looks it up; a well-formed one must be an entity the tenant has.
import { z } from 'zod';

export const entityIdFormat = /^[A-Za-z0-9-]{1,64}$/;
export const entityIdFormatMessage = 'expected a Zuora entity id (letters, digits and hyphens, at most 64)';

export const entityIdSchema = z.string().regex(entityIdFormat, entityIdFormatMessage);

/** Why `value` is not one of the tenant's entities `known` ('' alone: a tenant without multi-entity), or undefined. */
export function unknownEntity(value: string, known: readonly string[]): string | undefined {
  if (known.includes(value)) return undefined;
  const entities = known.filter((k) => k !== '');
  if (entities.length === 0)
    return `"${value}" is not an entity of this tenant: it has no entities (Multi-entity is off), leave the entity id empty`;
  return `"${value}" is not an entity of this tenant; expected one of ${entities.join(', ')}`;
}
