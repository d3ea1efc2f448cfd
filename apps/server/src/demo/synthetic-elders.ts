import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import {
  addMonths,
  checkCharacter,
  daysBetween,
  ELDER_CATEGORIES,
  shiftDays,
  type Bounds,
  type ElderCategory,
  type LivingArrangement,
} from '@yiyang/domain';
import type { NewElder } from '../modules/elders/index';

/** One generated elder, in clear (the insert encrypts): always with coordinates and a survival-check date. */
export type SyntheticElder = NewElder & { lat: number; lng: number; survivalCheckedOn: string | null };

export interface Community {
  code: string;
  name: string;
  /** The county's bounding box: the community is placed inside it. */
  bounds?: Bounds;
}

// Common surnames, roughly by frequency; given-name characters by sex, as people of these ages were named.
export const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const MALE = '建国军华明强伟平志文德福荣生林海金成永春忠庆祥贵宝富山才发玉清广兴东利和胜义民安'.split('');
const FEMALE = '秀兰英凤珍芳玉桂淑华琴翠梅霞云红兰芬莲娥萍杰荣丽敏琳香燕慧春金凤素'.split('');
const ROADS = '新华 中山 胜利 人民 建设 解放 和平 光明 团结 锡林 昭君 大学 兴安 海拉尔 呼伦 成吉思汗'.split(
  ' ',
);

/** Category prevalences among elders (issue 3): a share of 1 for each category. */
const PREVALENCE: Partial<Record<ElderCategory, number>> = {
  dibao: 0.03,
  tekun: 0.005,
  dibao_edge: 0.01,
  low_income: 0.04,
  shidu: 0.005,
  empty_nest: 0.3,
  disabled_cert: 0.06,
  special_care: 0.01,
  special_contribution: 0.002,
};

/** Ages 60–105, a pyramid narrowing with age: weight by ten-year band, then uniform in the band. */
const AGE_BANDS: [from: number, to: number, weight: number][] = [
  [60, 69, 55],
  [70, 79, 30],
  [80, 89, 12],
  [90, 99, 2.8],
  [100, 105, 0.2],
];

/** A community's fixed spot inside its county's box (from its code), plus a few hundred metres. */
function communitySpot(code: string, b: Bounds): { lat: number; lng: number } {
  let h = 0;
  for (const c of code) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const fy = 0.15 + ((h % 1000) / 1000) * 0.7;
  const fx = 0.15 + ((Math.floor(h / 1000) % 1000) / 1000) * 0.7;
  return { lat: b.minLat + (b.maxLat - b.minLat) * fy, lng: b.minLng + (b.maxLng - b.minLng) * fx };
}

export function createElderGenerator(seed: number, communities: Community[], today: string) {
  const rng: RandomGenerator = xoroshiro128plus(seed);
  const int = (min: number, max: number) => unsafeUniformIntDistribution(min, max, rng);
  const chance = (p: number) => int(0, 999_999) < p * 1_000_000;
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)] as T;
  const usedIds = new Set<string>();
  const totalWeight = AGE_BANDS.reduce((s, b) => s + b[2], 0);

  const jitter = () => int(-400, 400) / 100_000;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  function insideBounds(code: string, b: Bounds) {
    const spot = communitySpot(code, b);
    return {
      lat: round(Math.min(b.maxLat, Math.max(b.minLat, spot.lat + jitter()))),
      lng: round(Math.min(b.maxLng, Math.max(b.minLng, spot.lng + jitter()))),
    };
  }
  /** Without bounds: around Hohhot's centre, the county deciding the offset. */
  function nearCentre(code: string) {
    const county = Number(code.slice(4, 6));
    const ci = Number(code.slice(6, 9)) % 100;
    return {
      lat: round(
        40.82 +
          (county > 20 ? (county - 23) * 0.12 : (county - 3.5) * 0.03) +
          ci * 0.004 +
          int(-500, 500) / 100_000,
      ),
      lng: round(
        111.67 +
          (county > 20 ? (county - 23) * 0.15 : (county - 3.5) * 0.04) +
          (Number(code.slice(9)) % 100) * 0.003 +
          int(-500, 500) / 100_000,
      ),
    };
  }

  function age(): number {
    let r = (int(0, 999_999) / 1_000_000) * totalWeight;
    for (const [from, to, weight] of AGE_BANDS) {
      if (r < weight) return int(from, to);
      r -= weight;
    }
    return 60;
  }

  function mobile(): string {
    return `1${pick(['3', '5', '8'])}${int(0, 9)}${String(int(0, 99_999_999)).padStart(8, '0')}`;
  }

  /** A birth date that makes the person `years` old today: after the day they would be one older. */
  function birthDateFor(years: number): string {
    const start = shiftDays(addMonths(today, -12 * (years + 1)), 1);
    return shiftDays(start, int(0, daysBetween(start, addMonths(today, -12 * years))));
  }

  function idNumber(countyCode: string, birthDate: string, sex: 'male' | 'female'): string {
    for (;;) {
      let seq = int(0, 999);
      if ((seq % 2 === 1) !== (sex === 'male')) seq = (seq + 1) % 1000;
      const first17 = countyCode.slice(0, 6) + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
      const id = first17 + checkCharacter(first17);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  }

  return function next(): SyntheticElder {
    const community = pick(communities);
    const rural = community.code.slice(9, 10) === '2';
    const years = age();
    // Women outlive men: half at 60, two thirds among the very old.
    const sex = chance(0.5 + Math.min(years - 60, 30) / 180) ? 'female' : 'male';
    const birthDate = birthDateFor(years);
    const residenceCounty = community.code.slice(0, 6) + '000000';
    const hukouCounty = chance(0.9) ? residenceCounty : pick(communities).code.slice(0, 6) + '000000';
    const surname = pick(SURNAMES);
    const given = sex === 'male' ? MALE : FEMALE;
    const name = surname + pick(given) + (chance(0.7) ? pick(given) : '');

    const arrangement: LivingArrangement = pick([
      ...Array<LivingArrangement>(10).fill('alone'),
      ...Array<LivingArrangement>(45).fill('with_spouse'),
      ...Array<LivingArrangement>(38).fill('with_children'),
      ...Array<LivingArrangement>(3).fill('in_institution'),
      ...Array<LivingArrangement>(4).fill('other'),
    ]);
    const categories = ELDER_CATEGORIES.filter((c) => {
      if (c === 'living_alone') return arrangement === 'alone';
      if (c === 'left_behind') return rural && chance(0.08);
      if (c === 'empty_nest') return arrangement !== 'with_children' && chance(PREVALENCE.empty_nest! / 0.62);
      return chance(PREVALENCE[c] ?? 0);
    });
    const disabilityGrade = categories.includes('disabled_cert') ? int(1, 4) : null;
    const childSurname = chance(0.8) ? surname : pick(SURNAMES);
    const contacts = Array.from({ length: int(0, 2) }, (_, i) => ({
      name: childSurname + pick(chance(0.5) ? MALE : FEMALE) + pick(chance(0.5) ? MALE : FEMALE),
      relation: pick(['儿子', '女儿', '儿媳', '女婿', '侄子', '邻居']),
      phone: mobile(),
      guardian: i === 0,
    }));
    const { lat, lng } = community.bounds
      ? insideBounds(community.code, community.bounds)
      : nearCentre(community.code);
    const checkedDaysAgo = int(0, 460);
    const checked = chance(0.95) ? shiftDays(today, -checkedDaysAgo) : null;

    return {
      idNumber: idNumber(hukouCounty, birthDate, sex),
      name,
      sex,
      birthDate,
      phone: chance(0.7) ? mobile() : null,
      hukouRegionCode: hukouCounty,
      regionCode: community.code,
      address: rural
        ? `${community.name}${int(1, 12)}组${int(1, 80)}号`
        : `${pick(ROADS)}路${int(1, 300)}号${int(1, 6)}单元${int(1, 18)}${String(int(1, 4)).padStart(2, '0')}`,
      lat,
      lng,
      livingArrangement: arrangement,
      categories,
      disabilityGrade,
      contacts,
      survivalCheckedOn: checked,
    };
  };
}
