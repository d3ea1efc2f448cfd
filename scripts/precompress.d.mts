/** Writes .br and .gz copies beside the text assets under `dir`; bytes before and after. */
export function precompress(dir: string): Promise<{ identity: number; br: number; gz: number }>;
