import { sql } from 'drizzle-orm';
import { regionPrefix } from '@yiyang/domain';
import type { LevelStats } from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { queryRows } from '../../platform/db/database';
import { assertAssignable } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import type { RegionsService } from '../regions/index';
import { eldersTable as elders } from '../elders/index';

/**
 * Figures over several modules' records. The one place that reads other modules' tables in SQL
 * (docs/architecture.md): a count over the elder register in one grouped query, where going
 * through each module's functions would mean reading every row.
 */
export function createStatisticsService(db: Db, regions: RegionsService) {
  return {
    /**
     * Active elders by final level in each child region of `regionCode` (the caller's own region
     * by default): one grouped query over the (region, level) index.
     */
    async levelStats(caller: SessionUser, regionCode?: string): Promise<LevelStats> {
      const root = regionCode ?? caller.regionCode;
      assertAssignable(root, caller);
      const region = await regions.require(root);
      const children = await regions.children(root);
      // Children share a level: the length of one child's prefix groups them all.
      const length = regionPrefix(children[0]?.code ?? root).length;
      const counts = await queryRows<{ child: string; level: number | null; n: number }>(
        db,
        sql`select substr(${elders.regionCode}, 1, ${length}) as child, ${elders.currentLevel} as level, count(*)::int as n
          from ${elders}
          where ${elders.regionCode} like ${regionPrefix(root) + '%'} and ${elders.status} = 'active'
          group by 1, 2`,
      );
      const rows = (children.length ? children : [{ code: root, name: region.name }]).map((c) => {
        const prefix = c.code.slice(0, length);
        const mine = counts.filter((x) => x.child === prefix);
        return {
          regionCode: c.code,
          regionName: c.name,
          levels: [0, 1, 2, 3, 4].map((l) => mine.find((x) => x.level === l)?.n ?? 0),
          unassessed: mine.find((x) => x.level === null)?.n ?? 0,
        };
      });
      return { regionCode: root, rows };
    },
  };
}
export type StatisticsService = ReturnType<typeof createStatisticsService>;
