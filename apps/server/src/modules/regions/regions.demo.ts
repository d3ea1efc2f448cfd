import { xoroshiro128plus, unsafeUniformIntDistribution } from 'pure-rand';
import type { RegionRow } from './regions.service';

/** Real divisions of the demo city (GB/T 2260; docs/domain/standards.md). */
const PROVINCE = { code: '150000000000', name: '内蒙古自治区' };
/** Approximate extents (WGS-84) of the city and its divisions: [minLat, maxLat, minLng, maxLng]. */
type Box = [number, number, number, number];
const bounds = ([minLat, maxLat, minLng, maxLng]: Box) => ({ minLat, maxLat, minLng, maxLng });
const CITY = { code: '150100000000', name: '呼和浩特市', ...bounds([39.58, 41.45, 110.45, 112.35]) };
const COUNTIES: { code: string; name: string; urban: boolean; box: Box }[] = [
  { code: '150102000000', name: '新城区', urban: true, box: [40.76, 41.05, 111.6, 111.98] },
  { code: '150103000000', name: '回民区', urban: true, box: [40.75, 41.0, 111.45, 111.7] },
  { code: '150104000000', name: '玉泉区', urban: true, box: [40.6, 40.84, 111.5, 111.8] },
  { code: '150105000000', name: '赛罕区', urban: true, box: [40.55, 40.92, 111.62, 112.12] },
  { code: '150121000000', name: '土默特左旗', urban: false, box: [40.42, 41.08, 110.75, 111.7] },
  { code: '150122000000', name: '托克托县', urban: false, box: [40.05, 40.85, 110.8, 111.65] },
  { code: '150123000000', name: '和林格尔县', urban: false, box: [39.95, 40.75, 111.4, 112.35] },
  { code: '150124000000', name: '清水河县', urban: false, box: [39.58, 40.2, 111.3, 112.1] },
  { code: '150125000000', name: '武川县', urban: false, box: [40.75, 41.45, 110.5, 111.85] },
];

/** Name stems for generated streets and communities; the result is marked as demo data. */
const STEMS = [
  '东风',
  '光明',
  '和平',
  '幸福',
  '团结',
  '建设',
  '胜利',
  '友谊',
  '新华',
  '兴安',
  '锡林',
  '丰州',
  '昭君',
  '青城',
  '大召',
  '通道',
  '长乐',
  '南湖',
  '北垣',
  '西菜园',
  '巴彦',
  '腾飞',
  '金桥',
  '如意',
  '乌兰',
  '哈拉沁',
  '前进',
  '民族',
  '阳光',
  '富康',
  '春华',
  '秋实',
  '嘉园',
  '金海',
  '滨河',
  '塔布',
  '敕勒川',
  '永安',
  '盛乐',
  '云中',
  '白塔',
  '石羊',
  '毫沁营',
  '攸攸板',
  '榆林',
  '黄合少',
  '察素齐',
  '五申',
  '双河',
  '新营',
  '城关',
  '古城',
  '舍必崖',
  '宏伟',
  '团结渠',
  '东兴',
  '西兴',
  '康乐',
  '福源',
  '瑞丰',
];

const STREETS_PER_COUNTY = 8;
const COMMUNITIES_PER_STREET = 8;

/**
 * The demo city: Inner Mongolia → Hohhot → its 9 county-level divisions (real), and below each
 * generated streets/towns and communities/villages (demo), deterministic for a seed.
 */
export function hohhotDemoRegions(seed = 2019): RegionRow[] {
  const rng = xoroshiro128plus(seed);
  const pick = (used: Set<string>) => {
    for (;;) {
      const stem = STEMS[unsafeUniformIntDistribution(0, STEMS.length - 1, rng)] as string;
      if (!used.has(stem)) {
        used.add(stem);
        return stem;
      }
    }
  };
  const rows: RegionRow[] = [
    { ...PROVINCE, level: 'province', parentCode: null, demo: false },
    { ...CITY, level: 'city', parentCode: PROVINCE.code, demo: false },
  ];
  for (const county of COUNTIES) {
    rows.push({
      code: county.code,
      name: county.name,
      level: 'county',
      parentCode: CITY.code,
      demo: false,
      ...bounds(county.box),
    });
    const streetStems = new Set<string>();
    for (let s = 1; s <= STREETS_PER_COUNTY; s++) {
      // Statistical codes: streets 001–099, towns 100–199; communities 001–199, villages 200+.
      const streetCode =
        county.code.slice(0, 6) + String((county.urban ? 0 : 100) + s).padStart(3, '0') + '000';
      const streetName = pick(streetStems) + (county.urban ? '街道' : '镇');
      rows.push({ code: streetCode, name: streetName, level: 'street', parentCode: county.code, demo: true });
      const communityStems = new Set<string>();
      for (let c = 1; c <= COMMUNITIES_PER_STREET; c++) {
        const communityCode = streetCode.slice(0, 9) + String((county.urban ? 0 : 200) + c).padStart(3, '0');
        const communityName = pick(communityStems) + (county.urban ? '社区' : '村');
        rows.push({
          code: communityCode,
          name: communityName,
          level: 'community',
          parentCode: streetCode,
          demo: true,
        });
      }
    }
  }
  return rows;
}
