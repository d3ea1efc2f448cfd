/**
 * Separation of duties: whoever prepares something (a change request, an assessment) must not
 * be the one who decides it — not in person, and not through an account they control. The
 * preparer controls an account they created, or whose password they last set for its owner
 * (they knew that password, and may have made the owner's "own" first change themselves).
 */
export interface DeciderAccount {
  id: string;
  createdBy: string | null;
  passwordSetBy: string | null;
}

export const DECIDER_CONFLICTS = ['self', 'created_by_preparer', 'password_set_by_preparer'] as const;
export type DeciderConflict = (typeof DECIDER_CONFLICTS)[number];

export function deciderConflict(
  decider: DeciderAccount,
  preparerIds: readonly (string | null | undefined)[],
): DeciderConflict | null {
  const preparers = new Set(preparerIds.filter((id): id is string => !!id));
  if (preparers.has(decider.id)) return 'self';
  if (decider.createdBy && preparers.has(decider.createdBy)) return 'created_by_preparer';
  if (decider.passwordSetBy && preparers.has(decider.passwordSetBy)) return 'password_set_by_preparer';
  return null;
}
