// The values a where clause looks a text field up by, when every row it matches must hold one of them:
// `CrmId = 'a'`, `CrmId = 'a' or CrmId = 'b' ...`, `AccountNumber in ('x', 'y')`, alone or as one part of a
// top-level `and`. The caller reads only the rows holding those values (record-table.ts withValues) and
// still tests each with the whole where clause. A text field equals a string literal only as the same
// string (compare-values.ts) unless the literal reads as a number, a boolean or an ISO date or date-time;
// such literals, other operators, negations and joined fields leave the scan as it was.
import { fieldType } from '../model/field-types.js';
import type { ObjectName } from '../model/object-definitions.js';
import type { TenantStore } from '../store/tenant-store.js';
import { fieldGetter } from './field-paths.js';
import type { Expr, LiteralValue, Value } from './zoql-ast.js';

export interface WhereLookup {
  field: string;
  values: string[];
}

const plainText = (lit: LiteralValue): string | null => {
  const v = lit.value;
  if (typeof v !== 'string' || lit.temporal || /^\d{4}-\d{2}-\d{2}/.test(v)) return null;
  if (!Number.isNaN(Number(v)) || ['true', 'false'].includes(v.toLowerCase())) return null;
  return v;
};

function equality(store: TenantStore, object: ObjectName, joins: boolean, e: Expr): WhereLookup | null {
  let field: Value;
  let literals: LiteralValue[];
  if (e.kind === 'in' && !e.negated) [field, literals] = [e.left, e.values];
  else if (e.kind === 'compare' && e.op === '=' && e.right.kind === 'literal')
    [field, literals] = [e.left, [e.right]];
  else if (e.kind === 'compare' && e.op === '=' && e.left.kind === 'literal')
    [field, literals] = [e.right, [e.left]];
  else return null;
  if (field.kind !== 'field') return null;
  const f = fieldGetter(store, object, field.ref, joins);
  if (f.ownField === undefined || fieldType(f.target, f.field) !== 'text') return null;
  const values = literals.map(plainText);
  return values.every((v): v is string => v !== null) ? { field: f.ownField, values } : null;
}

function ofPart(store: TenantStore, object: ObjectName, joins: boolean, e: Expr): WhereLookup | null {
  if (e.kind !== 'or') return equality(store, object, joins, e);
  const parts = e.items.map((item) => ofPart(store, object, joins, item));
  const field = parts[0]?.field;
  if (field === undefined || !parts.every((p) => p !== null && p.field === field)) return null;
  return { field, values: parts.flatMap((p) => p?.values ?? []) };
}

export function whereLookup(
  store: TenantStore,
  object: ObjectName,
  joins: boolean,
  where: Expr | null,
): WhereLookup | null {
  if (where === null) return null;
  if (where.kind !== 'and') return ofPart(store, object, joins, where);
  for (const item of where.items) {
    const found = ofPart(store, object, joins, item);
    if (found !== null) return found;
  }
  return null;
}
