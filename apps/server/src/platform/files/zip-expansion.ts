import { Unzip, UnzipInflate, unzipSync } from 'fflate';

export interface ZipLimits {
  /** Most bytes all entries may inflate to together. */
  maxTotal: number;
  /** Most bytes one entry may inflate to, by name (e.g. a spreadsheet's shared strings, held in memory). */
  maxEntry?: Record<string, number>;
  /** Most inflated bytes per compressed byte, once the total passes `ratioFloor`. */
  maxRatio: number;
  ratioFloor: number;
}

/** Looks at an entry's inflated bytes as they come; returning false refuses the file. */
export type ZipInspector = (name: string) => ((chunk: Uint8Array) => boolean) | undefined;

const SLICE = 16 * 1024;

export type ZipCheck = 'ok' | 'unreadable' | 'too-large' | 'refused';

/**
 * Whether a zip (an .xlsx) is whole and inflates to a bounded size, decided before a parser spends
 * time on it: the central directory must be there (an empty or truncated upload fails at once),
 * the declared sizes must be within the limits, and — since declared sizes can lie — the entries
 * are inflated once, counting bytes and keeping none, stopping as soon as a limit is passed.
 */
export function checkZipExpansion(buffer: Uint8Array, limits: ZipLimits, inspect?: ZipInspector): ZipCheck {
  const cap = (total: number) =>
    total > limits.maxTotal || (total > limits.ratioFloor && total > limits.maxRatio * buffer.length);
  let declared = 0;
  let entries = 0;
  try {
    unzipSync(buffer, {
      filter: (file) => {
        entries++;
        declared += file.originalSize;
        return false;
      },
    });
  } catch {
    return 'unreadable';
  }
  if (entries === 0) return 'unreadable';
  if (cap(declared)) return 'too-large';

  let total = 0;
  let verdict: ZipCheck = 'ok';
  let finished = 0;
  const stop = new Error('zip check stopped');
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    let size = 0;
    const entryMax = limits.maxEntry?.[file.name] ?? Infinity;
    const look = inspect?.(file.name);
    file.ondata = (error, chunk, final) => {
      // fflate hands an error thrown here back to this handler: keep the first verdict.
      if (error) {
        if (verdict === 'ok') verdict = 'unreadable';
        throw stop;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > entryMax || cap(total)) {
        verdict = 'too-large';
        throw stop;
      }
      if (look && !look(chunk)) {
        verdict = 'refused';
        throw stop;
      }
      if (final) finished++;
    };
    file.start();
  };
  try {
    // In slices: fflate inflates what it is given in one go, and a slice of deflate data
    // inflates to at most about a thousand times its size.
    for (let at = 0; at < buffer.length; at += SLICE)
      unzip.push(buffer.subarray(at, at + SLICE), at + SLICE >= buffer.length);
  } catch {
    if (verdict === 'ok') return 'unreadable';
  }
  if (verdict === 'ok' && finished < entries) return 'unreadable';
  return verdict;
}
