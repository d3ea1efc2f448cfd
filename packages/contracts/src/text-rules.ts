/**
 * What a string a person sends may contain. NUL and the other C0 controls (tab, line feed and
 * carriage return aside) never belong in text, PostgreSQL refuses NUL outright, and a lone UTF-16
 * surrogate is not text at all. The server applies this to every string of every request
 * (zod-compilers.ts); the schema builders below add what only names need.
 */
const CONTROL =
  // Matching control characters is the point of this expression.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasControlCharacter = (text: string): boolean => CONTROL.test(text);

/**
 * The paths of the strings (and object keys) inside a parsed JSON or query value that hold a
 * control character, e.g. `[['contacts', 0, 'name']]`.
 */
export function controlCharacterPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return hasControlCharacter(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      hasControlCharacter(k) ? [[...path, k]] : controlCharacterPaths(v, [...path, k]),
    );
  return [];
}

/**
 * Characters that show nothing: white space, format characters (zero-width space and joiners,
 * word joiner, byte-order mark, soft hyphen, bidi controls) and the fillers that render blank.
 */
const INVISIBLE = /^[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** Empty, or with at least one character that shows. */
export const isEmptyOrVisible = (text: string): boolean => text === '' || !INVISIBLE.test(text);

/**
 * A name is one line and reads in its own direction: no line breaks or tabs, and no bidi
 * controls, which can make a name display as another (U+202E turns 'abc' into 'cba').
 */
const NOT_IN_NAMES = /[\t\n\r\v\f\u0085\u2028\u2029\p{Bidi_Control}]/u;

export const isCleanName = (text: string): boolean => !NOT_IN_NAMES.test(text);
