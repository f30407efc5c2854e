import { RequestError } from '../store/sf-error.js';

/** A query error worded as the API words it, with the position line the platform adds. */
export function queryError(
  errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE',
  message: string,
  soql?: string,
  pos?: number,
): RequestError {
  if (soql === undefined || pos === undefined) return new RequestError(errorCode, message);
  const caret = `${' '.repeat(Math.max(0, pos))}^`;
  return new RequestError(errorCode, `\n${soql}\n${caret}\nERROR at Row:1:Column:${pos + 1}\n${message}`);
}
