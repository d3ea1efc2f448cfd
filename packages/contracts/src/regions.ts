import { z } from 'zod';
import { REGION_LEVELS } from '@yiyang/domain';
import { regionCode } from './common';

export const region = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  demo: z.boolean(),
  childCount: z.number().int(),
});
export type RegionDto = z.infer<typeof region>;

export type RegionTreeNode = RegionDto & { children: RegionTreeNode[] };
export const regionTreeNode: z.ZodType<RegionTreeNode> = region.extend({
  get children() {
    return z.array(regionTreeNode);
  },
});

export const listRegionsQuery = z.strictObject({ parent: regionCode.optional() });
export const regionTreeQuery = z.strictObject({
  root: regionCode,
  depth: z.coerce.number().int().min(1).max(4).default(2),
});
export const regionParams = z.strictObject({ code: regionCode });
