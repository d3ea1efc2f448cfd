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

/** For text nobody typed but that is shown back, such as an uploaded file's name. */
export const withoutControlCharacters = (text: string): string =>
  text.replace(new RegExp(CONTROL.source, 'g'), '');

/**
 * The paths of the strings (and object keys) inside a parsed JSON or query value that hold a
 * control character, e.g. `[['contacts', 0, 'name']]`. Iterative: a body nested thousands deep
 * must not overflow the stack.
 */
export function controlCharacterPaths(value: unknown): (string | number)[][] {
  // Each entry points at its parent, so a path is only spelt out for what is found.
  interface Entry {
    value: unknown;
    key?: string | number;
    parent?: Entry;
  }
  const pathOf = (entry: Entry | undefined, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let e = entry; e && e.key !== undefined; e = e.parent) path.unshift(e.key);
    return path;
  };
  const found: (string | number)[][] = [];
  const pending: Entry[] = [{ value }];
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const v = entry.value;
    if (typeof v === 'string') {
      if (hasControlCharacter(v)) found.push(pathOf(entry));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) pending.push({ value: v[i], key: i, parent: entry });
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v).reverse()) {
        if (hasControlCharacter(k)) found.push(pathOf(entry, k));
        else pending.push({ value: child, key: k, parent: entry });
      }
    }
  }
  return found;
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
