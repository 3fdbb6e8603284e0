import { Ajv, type AnySchema, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';
import { checkCivilDateText } from '../domain/input/check-civil-date-text.ts';
import { checkInstant } from '../domain/input/check-instant.ts';

/**
 * The schema compiler of every route. Two Ajv instances, because the parts of a request differ:
 * the query string and path parameters arrive as text, so "50" must become the integer 50 there;
 * a JSON body already carries types, so converting `idempotencyKey: 123` into "123" or
 * `durationSeconds: true` into 1 would accept a request the client did not mean, and is refused.
 * Both check dates and instants for real: `date` and `date-time` are replaced by the checks every
 * input path uses, so 2026-02-30, a leap second and the years 0000 or 9999 are refused here, with
 * the field named, instead of failing later in the database or rolling into another day.
 * Coercion has one hole, closed here: Ajv turns the text "1e309" into Infinity and then lets it
 * pass `type: integer` and `maximum`, so every number is also checked to be finite.
 */
export type HttpPart = 'body' | 'querystring' | 'params' | 'headers' | string;

export type CheckedValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export function createValidatorCompiler(): (route: { schema: AnySchema; httpPart?: HttpPart }) =>
  CheckedValidator {
  const bodies = createAjv(false);
  const text = createAjv('array');
  return ({ schema, httpPart }) => {
    const validate = (httpPart === 'body' ? bodies : text).compile(schema);
    const checked: CheckedValidator = (data) => {
      if (!validate(data)) {
        checked.errors = validate.errors;
        return false;
      }
      const path = findNonFiniteNumber(data);
      checked.errors = path === null ? null : [{
        instancePath: path, schemaPath: '#', keyword: 'type', params: {}, message: 'must be a finite number',
      }];
      return path === null;
    };
    return checked;
  };
}

function createAjv(coerceTypes: false | 'array'): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    // One error is enough to answer, and stopping at the first bounds the work a hostile body causes.
    allErrors: false,
    addUsedSchema: false,
  });
  // ajv-formats is CommonJS: its plugin is the `default` property of what an ES import receives.
  ajvFormats.default(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: (value) => checkInstant(value) !== null });
  ajv.addFormat('date', { type: 'string', validate: (value) => checkCivilDateText(value) !== null });
  return ajv;
}

/** The JSON pointer of the first Infinity or NaN in validated data, or null. */
function findNonFiniteNumber(data: unknown): string | null {
  const pending: [unknown, string][] = [[data, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'number' && !Number.isFinite(value)) return path;
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) pending.push([child, `${path}/${key}`]);
  }
  return null;
}
