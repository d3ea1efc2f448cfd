import type { ErrorCode } from '../errors/error-codes';
import {
  CREDIT_CODE_PROBLEM_LABELS,
  parseCreditCode,
  parseResidentId,
  RESIDENT_ID_PROBLEM_LABELS,
  type ResidentId,
} from '@yiyang/domain';
import { AppError } from '../errors/app-error';

/**
 * The parsed identity number, or the module's error code with the localised reason as the
 * `{reason}` parameter and the problem's code in details (elders, staff).
 */
export function residentIdOrThrow(input: string, today: string, errorCode: ErrorCode): ResidentId {
  const parsed = parseResidentId(input, today);
  if (!parsed.ok)
    throw new AppError(
      errorCode,
      { reason: RESIDENT_ID_PROBLEM_LABELS[parsed.problem] },
      { reason: parsed.problem },
    );
  return parsed.value;
}

/** The normalised credit code, or the module's error code with the reason (agencies, providers). */
export function creditCodeOrThrow(input: string, errorCode: ErrorCode): string {
  const parsed = parseCreditCode(input);
  if ('problem' in parsed)
    throw new AppError(
      errorCode,
      { reason: CREDIT_CODE_PROBLEM_LABELS[parsed.problem] },
      { reason: parsed.problem },
    );
  return parsed.code;
}
