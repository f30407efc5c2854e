import { RequestError } from '../store/sf-error.js';
import { textOf } from '../text-of.js';
import { parseSosl, type SoslQuery } from './sosl-parser.js';

// Parameterized search, a search without writing SOSL: `q`, `in`, `fields`, `sobject` (repeatable),
// `<sobject>.fields`, `<sobject>.where`, `<sobject>.limit`, `overallLimit`, `defaultLimit` as query
// parameters, or the same as a JSON body (`sobjects: [{name, fields, where, limit}]`). It is turned
// into the equivalent SOSL, so both resources share one parser and one search.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search_parameterized.htm

interface ObjectParams {
  name: string;
  fields: string[];
  where: string | null;
  limit: number | null;
}

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
    .map((v) => textOf(v).trim())
    .filter((v) => v !== '');

function limitOf(value: unknown, name: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new RequestError('INVALID_SEARCH', `${name} must be a non-negative integer`);
  return n;
}

function objectsOf(params: Record<string, unknown>): ObjectParams[] {
  if (Array.isArray(params.sobjects)) {
    return params.sobjects.map((o: unknown) => {
      const spec = (o ?? {}) as Record<string, unknown>;
      const name = textOf(spec.name);
      if (name === '') throw new RequestError('INVALID_SEARCH', 'Every entry of sobjects needs a name');
      return {
        name,
        fields: list(spec.fields),
        where: spec.where ? textOf(spec.where) : null,
        limit: limitOf(spec.limit, 'limit'),
      };
    });
  }
  return list(params.sobject).map((name) => ({
    name,
    fields: list(params[`${name}.fields`]),
    where: params[`${name}.where`] ? textOf(params[`${name}.where`]) : null,
    limit: limitOf(params[`${name}.limit`], `${name}.limit`),
  }));
}

export function parameterizedQuery(params: Record<string, unknown>): { query: SoslQuery; sosl: string } {
  const q = textOf(params.q);
  if (q.trim() === '')
    throw new RequestError('INVALID_SEARCH', 'The q parameter (the search text) is required');
  const scope = textOf(params.in, 'ALL').toUpperCase();
  const defaults = list(params.fields);
  const defaultLimit = limitOf(params.defaultLimit, 'defaultLimit');
  const specs = objectsOf(params).map((o) => {
    const fields = o.fields.length > 0 ? o.fields : defaults;
    const limit = o.limit ?? defaultLimit;
    const inner = [
      fields.join(', ') || 'Id',
      o.where ? `WHERE ${o.where}` : '',
      limit !== null ? `LIMIT ${limit}` : '',
    ]
      .filter((s) => s !== '')
      .join(' ');
    return `${o.name}(${inner})`;
  });
  const overall = limitOf(params.overallLimit, 'overallLimit');
  const sosl = [
    `FIND {${q.replace(/[\\{}]/g, (c) => `\\${c}`)}}`,
    `IN ${scope} FIELDS`,
    specs.length > 0 ? `RETURNING ${specs.join(', ')}` : '',
    overall !== null ? `LIMIT ${overall}` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  return { query: parseSosl(sosl), sosl };
}
