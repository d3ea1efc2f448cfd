import type { TFunction } from 'i18next';
import { passwordProblem } from '@yiyang/domain';

/** The server's password policy as a form rule, so people see the problem before they submit. */
export function passwordRule(t: TFunction, username: () => string | undefined) {
  return {
    validator: async (_: unknown, value: string) => {
      const problem = value ? passwordProblem(value, username()) : null;
      if (problem) throw new Error(t(`password.${problem}`));
    },
  };
}
