/**
 * Password rule for staff accounts: at least 10 characters with three of the four character
 * classes (upper, lower, digit, other). Kept here so the web form and the server agree.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_simple' | 'contains_username';

export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'too_simple';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'contains_username';
  }
  return null;
}
