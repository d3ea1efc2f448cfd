import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  createAgencyBody,
  createElderBody,
  createProviderBody,
  createStaffBody,
  updateAssessmentBody,
} from '@yiyang/contracts';
import { ASSESSMENT_ITEMS, checkCharacter, creditCodeCheckCharacter, type Role } from '@yiyang/domain';
import { CITY, COMMUNITY_A1, DISTRICT } from './demo-regions';
import type { TestContext } from './test-app';

/**
 * The data a test stands on, made through the API (or, for users, the users service) exactly as a
 * caller would. Every factory takes `by`, the username that makes the record; without it, a
 * city-level civil affairs official (`given.official`) does, created on first use.
 */
type By = { by?: string };
type Input<S extends z.ZodType> = Partial<z.input<S>>;

let serial = 0;
/** A number no other call in this test file gets. */
const next = () => ++serial;

/** Lazily created helpers of one test context (the default official, the default agency). */
const defaults = new WeakMap<TestContext, { official?: Promise<string>; agency?: Promise<GivenAgency> }>();
const defaultsOf = (t: TestContext) => {
  if (!defaults.has(t)) defaults.set(t, {});
  return defaults.get(t)!;
};

async function created(
  t: TestContext,
  as: string,
  url: string,
  payload: object,
): Promise<Record<string, unknown>> {
  const res = await t.call(as, { method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`given: POST ${url} by ${as}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function actor(t: TestContext, by: string | undefined): Promise<string> {
  if (by) return by;
  const d = defaultsOf(t);
  d.official ??= t.createUser('given.official', 'civil_affairs', CITY).then(() => 'given.official');
  return d.official;
}

export interface GivenAgency {
  id: string;
  /** Usernames and ids of its assessors, in the order added. */
  assessors: { username: string; id: string }[];
}

export interface GivenAssessor {
  userId: string;
  certificateNo?: string;
  qualification?: string;
  reviewer?: boolean;
}

export const given = {
  /** A valid 18-digit identity number registered in 新城区, of someone born on `birth` (1950 unless given). */
  idNumber(birth = '19500101'): string {
    const first17 = `150102${birth}${String(next() % 1000).padStart(3, '0')}`;
    return first17 + checkCharacter(first17);
  },

  /** A valid unified social credit code (统一社会信用代码) no other record has. */
  creditCode(): string {
    const first17 = `91150100MA${randomBytes(4).toString('hex').toUpperCase().slice(0, 7)}`;
    return first17 + creditCodeCheckCharacter(first17);
  },

  /** An active user (password TEST_PASSWORD, no forced change); returns its id. */
  user(
    t: TestContext,
    u: { username: string; role: Role; regionCode: string; providerId?: string },
  ): Promise<string> {
    return t.createUser(u.username, u.role, u.regionCode, u.providerId);
  },

  /** An elder living in COMMUNITY_A1 unless told otherwise; returns the id. */
  async elder(t: TestContext, overrides: Input<typeof createElderBody> & By = {}): Promise<string> {
    const { by, ...body } = overrides;
    const elder = await created(t, await actor(t, by), '/api/v1/elders', {
      idNumber: given.idNumber(),
      name: `老人${next()}`,
      hukouRegionCode: DISTRICT,
      regionCode: COMMUNITY_A1,
      address: '光明路8号',
      livingArrangement: 'alone',
      ...body,
    });
    return elder.id as string;
  },

  /** A home-service provider in COMMUNITY_A1 unless told otherwise; returns the id. */
  async provider(t: TestContext, overrides: Input<typeof createProviderBody> & By = {}): Promise<string> {
    const { by, ...body } = overrides;
    const provider = await created(t, await actor(t, by), '/api/v1/providers', {
      name: `测试服务机构${next()}`,
      kind: 'home_service',
      ownership: 'private_nonprofit',
      creditCode: given.creditCode(),
      legalRepresentative: '测试',
      regionCode: COMMUNITY_A1,
      address: '测试地址',
      ...body,
    });
    return provider.id as string;
  },

  /** A caregiver on a provider's staff; returns the staff id. */
  async staff(
    t: TestContext,
    providerId: string,
    overrides: Input<typeof createStaffBody> & By = {},
  ): Promise<string> {
    const { by, ...body } = overrides;
    const staff = await created(t, await actor(t, by), `/api/v1/providers/${providerId}/staff`, {
      name: `护理员${next()}`,
      idNumber: given.idNumber('19800101'),
      role: 'caregiver',
      employedFrom: '2024-01-01',
      ...body,
    });
    return staff.id as string;
  },

  /**
   * An assessment agency with the given assessors (users of role assessor). Without `assessors`
   * it gets five new ones, the fewest that may start tasks, the fifth a reviewer.
   */
  async agency(
    t: TestContext,
    overrides: Input<typeof createAgencyBody> & By & { assessors?: GivenAssessor[] } = {},
  ): Promise<GivenAgency> {
    const { by, assessors, ...body } = overrides;
    const as = await actor(t, by);
    const regionCode = body.regionCode ?? DISTRICT;
    const agency = await created(t, as, '/api/v1/assessment-agencies', {
      name: `测试评估机构${next()}`,
      creditCode: given.creditCode(),
      regionCode,
      ...body,
    });
    const id = agency.id as string;
    const members: GivenAgency['assessors'] = [];
    if (!assessors)
      for (let i = 0; i < 5; i++) {
        const username = `assessor${next()}`;
        members.push({ username, id: await given.user(t, { username, role: 'assessor', regionCode }) });
      }
    const wanted = assessors ?? members.map((m, i) => ({ userId: m.id, reviewer: i === 4 }));
    for (const a of wanted)
      await created(t, as, `/api/v1/assessment-agencies/${id}/assessors`, {
        qualification: '老年人能力评估师',
        certificateNo: `PG-${next()}`,
        ...a,
      });
    return { id, assessors: members };
  },

  /**
   * A capability assessment of an elder (a new one unless `elderId`), by an agency with five
   * assessors (a new one unless `agency`), taken to `status`: a `draft`; `submitted` with
   * `answers` (every item at its maximum unless told); `approved` by the official `by`.
   * Returns the assessment as the API answers it.
   */
  async assessment(
    t: TestContext,
    options: By & {
      elderId?: string;
      agency?: GivenAgency;
      status?: 'draft' | 'submitted' | 'approved';
      answers?: Omit<z.input<typeof updateAssessmentBody>, 'version'>;
    } = {},
  ): Promise<Record<string, unknown> & { id: string; version: number }> {
    const as = await actor(t, options.by);
    const elderId = options.elderId ?? (await given.elder(t, { by: as }));
    const d = defaultsOf(t);
    const agency = options.agency ?? (await (d.agency ??= given.agency(t, { by: as })));
    const [first, second] = agency.assessors;
    let a = (await created(t, as, '/api/v1/assessments', {
      elderId,
      reason: 'first',
      agencyId: agency.id,
      assessor1Id: first!.id,
      assessor2Id: second!.id,
    })) as { id: string; version: number };
    const step = async (user: string, method: 'PATCH' | 'POST', url: string, payload: object) => {
      const res = await t.call(user, { method, url: `/api/v1/assessments/${a.id}${url}`, payload });
      if (res.statusCode !== 200) throw new Error(`given: assessment ${url}: ${res.statusCode} ${res.body}`);
      a = res.json();
    };
    if (options.status === 'submitted' || options.status === 'approved') {
      await step(first!.username, 'PATCH', '', {
        version: a.version,
        place: '老人家中',
        informant: { name: '王小明', relation: '儿子' },
        assessedOn: '2026-11-20',
        items: Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, i.max])),
        ...options.answers,
      });
      await step(first!.username, 'POST', '/submit', { version: a.version });
    }
    if (options.status === 'approved') await step(as, 'POST', '/approve', { version: a.version });
    return a;
  },
};
