import { bedsProblem, PROVIDER_GRADES, withinBounds } from '@yiyang/domain';
import { AppError } from '../../platform/errors/app-error';
import type { RegionsService } from '../regions/index';
import type { Db } from '../../platform/db/database';
import { BEDS_PROBLEMS } from './providers.errors';
import type { ProviderRow } from './providers.tables';

/**
 * The checks across fields of a provider as it would be after a change: beds add up, the grade
 * is 1–5, the coordinates lie inside the region's (or its nearest ancestor's) bounding box.
 */
export async function assertProviderConsistent(
  regions: RegionsService,
  tx: Db,
  p: Pick<ProviderRow, 'bedsTotal' | 'bedsNursing' | 'bedsOccupied' | 'grade' | 'lat' | 'lng' | 'regionCode'>,
): Promise<void> {
  const beds = bedsProblem({ total: p.bedsTotal, nursing: p.bedsNursing, occupied: p.bedsOccupied });
  if (beds)
    throw new AppError('PROVIDER_BEDS_INCONSISTENT', { reason: BEDS_PROBLEMS[beds] }, { reason: beds });
  if (p.grade !== null && !(PROVIDER_GRADES as readonly number[]).includes(p.grade))
    throw new AppError('PROVIDER_GRADE_INVALID', {}, { grade: p.grade });
  if ((p.lat === null) !== (p.lng === null)) throw new AppError('PROVIDER_COORDINATES_OUTSIDE');
  if (p.lat !== null && p.lng !== null) {
    const box = await regions.bounds(p.regionCode, tx);
    if (box && !withinBounds(p.lat, p.lng, box))
      throw new AppError('PROVIDER_COORDINATES_OUTSIDE', {}, { bounds: box });
  }
}
