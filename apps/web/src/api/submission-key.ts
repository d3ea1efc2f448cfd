import { useState } from 'react';

/**
 * crypto.randomUUID exists only in secure contexts (HTTPS, localhost); a deployment reached over
 * plain HTTP on the bureau's network has getRandomValues alone.
 */
function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The Idempotency-Key of one submission (decision 0016): sending the same data again after a
 * failure reuses the key, so that a save whose answer was lost is not made twice; other data, or
 * anything after a success, is a new submission with a new key.
 */
export class SubmissionKey {
  private last: { data: string; key: string } | null = null;

  /** `data` identifies the submission: the request body, or what identifies an uploaded file. */
  for(data: unknown): string {
    const text = JSON.stringify(data) ?? '';
    if (this.last?.data !== text) this.last = { data: text, key: randomKey() };
    return this.last.key;
  }

  /** The submission succeeded: sending the same data again is a new submission. */
  done(): void {
    this.last = null;
  }
}

/** A SubmissionKey that lives as long as the form. */
export function useSubmissionKey(): SubmissionKey {
  const [key] = useState(() => new SubmissionKey());
  return key;
}
