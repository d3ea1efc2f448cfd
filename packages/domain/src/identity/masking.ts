/**
 * Masked display of personal data (docs/domain/standards.md): identity number `1501**********123X`
 * (first 4, last 4), phone `138****5678`, name `张*明` (first and last character kept).
 */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length === 11) return digits.slice(0, 3) + '****' + digits.slice(7);
  return digits.length <= 4 ? '*'.repeat(digits.length) : '*'.repeat(digits.length - 4) + digits.slice(-4);
}

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
