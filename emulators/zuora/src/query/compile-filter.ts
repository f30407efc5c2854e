// Turns a where or having expression into a predicate. Each side of a comparison is resolved by the caller
// (a record field, a joined field, an aggregate over a group) to a getter and a type; a literal is checked
// against the field's type once, here, so a bad value is refused before any row is read: an impossible
// date, a word where a number belongs, `<` on a boolean (ZOQL's operators per type:
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql/filter-statements).
import { isNumeric, isTemporal, type FieldType } from '../model/field-types.js';
import type { FieldValue } from '../model/zuora-record.js';
import { compareValues } from './compare-values.js';
import { checkZoqlLikePattern, likeMatcher } from './like-pattern.js';
import { excerpt, QueryError } from './query-error.js';
import { compareMoments, compareTest, readMoment, type Moment } from './temporal.js';
import type { CompareOp, Expr, Literal, LiteralValue, Value } from './zoql-ast.js';
import type { Dialect } from './zoql-lexer.js';

export interface Operand<R> {
  get: (row: R) => FieldValue;
  type: FieldType;
  name: string;
}

export type Predicate<R> = (row: R) => boolean;

type Named = Pick<Operand<unknown>, 'name' | 'type'>;

type Resolve<R> = (v: Exclude<Value, LiteralValue>) => Operand<R>;

const blank = (v: FieldValue): boolean => v === null || v === '';

function literalMoment(lit: LiteralValue, target: Named): Moment {
  const m = typeof lit.value === 'string' ? readMoment(lit.value) : undefined;
  if (m === 'invalid')
    throw new QueryError(
      'value',
      `'${excerpt(String(lit.value))}' is not a valid date or date-time for ${target.name}`,
    );
  if (m === undefined)
    throw new QueryError(
      'value',
      `${target.name} is a ${target.type}: expected yyyy-mm-dd or yyyy-mm-ddThh:mm:ss, got ${excerpt(String(lit.value))}`,
    );
  return m;
}

function literalNumber(lit: LiteralValue, target: Named): number {
  const n =
    typeof lit.value === 'number' ? lit.value : typeof lit.value === 'string' ? Number(lit.value) : NaN;
  if (
    typeof lit.value === 'boolean' ||
    Number.isNaN(n) ||
    (typeof lit.value === 'string' && lit.value.trim() === '')
  )
    throw new QueryError('value', `${target.name} is a number: '${excerpt(String(lit.value))}' is not one`);
  return n;
}

function literalBoolean(lit: LiteralValue, target: Named): boolean {
  const v = typeof lit.value === 'string' ? lit.value.toLowerCase() : lit.value;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new QueryError(
    'value',
    `${target.name} is a boolean: use true or false, not '${excerpt(String(lit.value))}'`,
  );
}

/** `field op literal`, with the literal read as the field's type. */
function compareWithLiteral<R>(
  left: Operand<R>,
  op: CompareOp,
  lit: LiteralValue,
  dialect: Dialect,
): Predicate<R> {
  if (lit.value === null) {
    if (op !== '=' && op !== '!=')
      throw new QueryError('syntax', `null can only be compared with = or != (${left.name})`);
    return op === '=' ? (r) => blank(left.get(r)) : (r) => !blank(left.get(r));
  }
  const test = compareTest[op];
  if (isTemporal(left.type)) {
    const right = literalMoment(lit, left);
    const wholeDays = dialect !== 'zoql';
    return (r) => {
      const v = left.get(r);
      const m = typeof v === 'string' ? readMoment(v) : undefined;
      return m !== undefined && m !== 'invalid' && compareMoments(m, op, right, wholeDays);
    };
  }
  if (isNumeric(left.type)) {
    const n = literalNumber(lit, left);
    return (r) => {
      const v = left.get(r);
      return v !== null && v !== '' && test(Number(v) - n);
    };
  }
  if (left.type === 'boolean') {
    if (op !== '=' && op !== '!=')
      throw new QueryError('syntax', `${left.name} is a boolean: only = and != apply`);
    const b = literalBoolean(lit, left);
    return (r) => {
      const v = left.get(r);
      return v !== null && (v === b || String(v).toLowerCase() === String(b)) === (op === '=');
    };
  }
  const s: Literal = lit.value;
  return (r) => {
    const c = compareValues(left.get(r), s);
    return op === '!=' ? c !== 0 : c !== null && test(c);
  };
}

function compareOperands<R>(left: Operand<R>, op: CompareOp, right: Operand<R>): Predicate<R> {
  const test = compareTest[op];
  if (isTemporal(left.type) && isTemporal(right.type)) {
    return (r) => {
      const [a, b] = [left.get(r), right.get(r)].map((v) =>
        typeof v === 'string' ? readMoment(v) : undefined,
      );
      return typeof a === 'object' && typeof b === 'object' && compareMoments(a, op, b, true);
    };
  }
  return (r) => {
    const c = compareValues(left.get(r), right.get(r));
    return op === '!=' ? c !== 0 : c !== null && test(c);
  };
}

export function compileFilter<R>(expr: Expr, resolve: Resolve<R>, dialect: Dialect): Predicate<R> {
  switch (expr.kind) {
    case 'and': {
      const items = expr.items.map((e) => compileFilter(e, resolve, dialect));
      return (r) => items.every((p) => p(r));
    }
    case 'or': {
      const items = expr.items.map((e) => compileFilter(e, resolve, dialect));
      return (r) => items.some((p) => p(r));
    }
    case 'not': {
      const item = compileFilter(expr.item, resolve, dialect);
      return (r) => !item(r);
    }
    case 'null': {
      const left = operand(expr.left, resolve);
      return expr.negated ? (r) => !blank(left.get(r)) : (r) => blank(left.get(r));
    }
    case 'like': {
      const left = operand(expr.left, resolve);
      if (left.type !== 'text')
        throw new QueryError('syntax', `like applies to text fields; ${left.name} is a ${left.type}`);
      if (dialect === 'zoql') checkZoqlLikePattern(expr.pattern);
      const match = likeMatcher(expr.pattern);
      return (r) => {
        const v = left.get(r);
        return (v !== null && match(String(v))) !== expr.negated;
      };
    }
    case 'in': {
      const left = operand(expr.left, resolve);
      const tests = expr.values.map((v) => compareWithLiteral(left, '=', v, dialect));
      return (r) => tests.some((t) => t(r)) !== expr.negated;
    }
    case 'compare':
      return compileComparison(expr.left, expr.op, expr.right, resolve, dialect);
  }
}

function compileComparison<R>(
  l: Value,
  op: CompareOp,
  r: Value,
  resolve: Resolve<R>,
  dialect: Dialect,
): Predicate<R> {
  if (l.kind === 'literal' && r.kind === 'literal')
    throw new QueryError('syntax', 'a comparison needs at least one field');
  if (l.kind === 'literal') {
    const flipped: Record<CompareOp, CompareOp> = {
      '=': '=',
      '!=': '!=',
      '<': '>',
      '<=': '>=',
      '>': '<',
      '>=': '<=',
    };
    return compareWithLiteral(resolve(r as Exclude<Value, LiteralValue>), flipped[op], l, dialect);
  }
  if (r.kind === 'literal') return compareWithLiteral(resolve(l), op, r, dialect);
  return compareOperands(resolve(l), op, resolve(r));
}

function operand<R>(v: Value, resolve: Resolve<R>): Operand<R> {
  if (v.kind === 'literal') throw new QueryError('syntax', 'expected a field before is null, like or in');
  return resolve(v);
}
