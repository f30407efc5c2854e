// Holds the accepted custom mappings of a running service and hands out the maps with them applied.
import type { ObjectMap } from './field-map.js';
import {
  applyCustomMappings,
  parseCustomMappings,
  type CustomFieldMapping,
  type CustomMappingsResult,
} from './custom-mappings.js';
import { objectMaps } from './object-maps.js';
import type { SalesforceSchema } from './salesforce-schema.js';

export class CustomMappingRegistry {
  #mappings: CustomFieldMapping[] = [];
  #maps: readonly ObjectMap[];

  constructor(
    private readonly schema: SalesforceSchema,
    private readonly baseMaps: readonly ObjectMap[] = objectMaps,
  ) {
    this.#maps = baseMaps;
  }

  /** Adds the entries of a JSON document (or parsed value); all or nothing. */
  add(input: unknown): CustomMappingsResult {
    const result = parseCustomMappings(input, this.schema, this.#maps);
    if (result.ok) {
      this.#mappings = [...this.#mappings, ...result.mappings];
      this.#maps = applyCustomMappings(this.baseMaps, this.#mappings);
    }
    return result;
  }

  list(): readonly CustomFieldMapping[] {
    return this.#mappings;
  }

  /** The object maps with every accepted custom mapping applied. */
  maps(): readonly ObjectMap[] {
    return this.#maps;
  }
}
