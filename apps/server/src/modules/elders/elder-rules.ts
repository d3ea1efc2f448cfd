import { AppError } from '../../platform/errors/app-error';
import type { ElderRow } from './elders.tables';

/** A deceased elder's record is closed: no changes, no new services or entitlements. */
export function assertAlive(elder: Pick<ElderRow, 'status' | 'statusDate'>): void {
  if (elder.status === 'deceased')
    throw new AppError('ELDER_DECEASED', { date: elder.statusDate }, { statusDate: elder.statusDate });
}
