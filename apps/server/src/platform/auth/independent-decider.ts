import type { ErrorCode } from '../errors/error-codes';
import { deciderConflict } from '@yiyang/domain';
import { AppError } from '../errors/app-error';
import type { SessionUser } from './session-user';

/**
 * The one maker-checker check for every flow where one person prepares and another decides:
 * the preparer's own decision answers the flow's `selfCode`; a decision through an account the
 * preparer created or set the password of answers DECIDER_NOT_INDEPENDENT.
 */
export function assertIndependentDecider(
  decider: Pick<SessionUser, 'id' | 'createdBy' | 'passwordSetBy'>,
  preparerIds: readonly (string | null | undefined)[],
  selfCode: ErrorCode,
): void {
  const conflict = deciderConflict(decider, preparerIds);
  if (conflict === 'self') throw new AppError(selfCode);
  if (conflict) throw new AppError('DECIDER_NOT_INDEPENDENT', {}, { reason: conflict });
}
