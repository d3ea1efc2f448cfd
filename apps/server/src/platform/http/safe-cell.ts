/**
 * Cells that a spreadsheet would run as a formula (=, +, -, @, and tab/CR tricks) are written as
 * text with a leading apostrophe, so an exported list cannot carry a formula injection.
 */
export function safeCell(value: string | number | null | undefined): string | number | null {
  if (typeof value !== 'string') return value ?? null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
