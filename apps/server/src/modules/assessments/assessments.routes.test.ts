import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_ITEMS,
  assessmentTransition,
  scoreAssessment,
  type AssessmentStatus,
  type ElderCategory,
} from '@yiyang/domain';
import { findCjkFont } from '../../platform/pdf/cjk-font';
import { given } from '../../../test/given';
import { COMMUNITY_A1, createTestApp, DISTRICT, STREET_B, type TestContext } from '../../../test/test-app';

let t: TestContext;
const ids: Record<string, string> = {};
let agencyId: string;

const allMax = () => Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, i.max]));
const createElder = (name: string, categories: ElderCategory[] = []) =>
  given.elder(t, { by: 'district', name, categories });

const post = (as: string, url: string, payload: object) => t.call(as, { method: 'POST', url, payload });
const patch = (as: string, url: string, payload: object) => t.call(as, { method: 'PATCH', url, payload });
const get = (as: string, url: string) => t.call(as, { method: 'GET', url });
const newTask = (as: string, elderId: string, a1 = 'a1', a2 = 'a2', agency = agencyId) =>
  post(as, '/api/v1/assessments', {
    elderId,
    reason: 'first',
    agencyId: agency,
    assessor1Id: ids[a1],
    assessor2Id: ids[a2],
  });
const act = (as: string, id: string, action: string, version: number, note?: string) =>
  post(as, `/api/v1/assessments/${id}/${action}`, note ? { version, note } : { version });
const fill = (as: string, id: string, version: number, extra: object = {}) =>
  patch(as, `/api/v1/assessments/${id}`, {
    version,
    place: '老人家中',
    informant: { name: '王小明', relation: '儿子' },
    assessedOn: '2026-11-20',
    items: allMax(),
    ...extra,
  });

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'civil_affairs', DISTRICT);
  await t.createUser('street-b', 'civil_affairs', STREET_B);
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
  for (const name of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'outsider'])
    ids[name] = await t.createUser(name, 'assessor', DISTRICT);
  const agency = await given.agency(t, {
    by: 'district',
    name: '新城区颐康评估中心',
    creditCode: '91350100M000100Y43',
    regionCode: DISTRICT,
    assessors: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((name) => ({
      userId: ids[name]!,
      certificateNo: `PG-${name}`,
      reviewer: name === 'a6',
    })),
  });
  agencyId = agency.id;
});
afterAll(() => t.close());

describe('POST /api/v1/assessments/score', () => {
  const base = { coma: false, dementia: false, mentalDisorder: false, careRiskEvents30d: 0 };

  it('scores a full set of answers for any signed-in user, saving nothing', async () => {
    const res = await post('worker', '/api/v1/assessments/score', { items: allMax(), ...base });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dimensions: { selfCare: 32, motor: 15, mental: 28, perception: 15 },
      total: 90,
      initialLevel: 0,
      finalLevel: 0,
      levelCode: 'intact',
      reasons: [],
    });
    expect(
      (await t.call(null, { method: 'POST', url: '/api/v1/assessments/score', payload: {} })).statusCode,
    ).toBe(401);
  });

  it.each([
    ['a missing item', (items: Record<string, unknown>) => delete items.memory, 'memory'],
    ['a 27th item', (items: Record<string, unknown>) => (items.pain = 2), 'pain'],
    ['a value above the item’s range', (items: Record<string, unknown>) => (items.stairs = 4), 'stairs'],
    ['a negative value', (items: Record<string, unknown>) => (items.vision = -1), 'vision'],
    ['a string for a number', (items: Record<string, unknown>) => (items.eating = '4'), 'eating'],
  ])('refuses %s with ASSESSMENT_ITEM_INVALID naming it', async (_, spoil, item) => {
    const items: Record<string, unknown> = allMax();
    spoil(items);
    const res = await t.call('worker', {
      method: 'POST',
      url: '/api/v1/assessments/score',
      payload: { items, ...base },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ASSESSMENT_ITEM_INVALID');
    expect(res.json().error.message).toContain(item);
    expect(res.json().error.details[0].item).toBe(item);
  });

  it('matches the domain function for random answers', async () => {
    const input = fc.record({
      items: fc.record(
        Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, fc.integer({ min: 0, max: i.max })])),
      ),
      coma: fc.boolean(),
      dementia: fc.boolean(),
      mentalDisorder: fc.boolean(),
      careRiskEvents30d: fc.integer({ min: 0, max: 9 }),
    });
    await fc.assert(
      fc.asyncProperty(input, async (body) => {
        const res = await post('worker', '/api/v1/assessments/score', body);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual(scoreAssessment(body as Parameters<typeof scoreAssessment>[0]));
      }),
      { numRuns: 60 },
    );
  });
});

describe('assessment agencies', () => {
  it('validates the credit code and refuses a second agency with it', async () => {
    const bad = await post('district', '/api/v1/assessment-agencies', {
      name: '某评估机构',
      creditCode: '91350100M000100Y44',
      regionCode: DISTRICT,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'ASSESSMENT_AGENCY_CREDIT_CODE_INVALID', details: { reason: 'check' } },
    });
    const again = await post('district', '/api/v1/assessment-agencies', {
      name: '另一家',
      creditCode: '91350100m000100y43',
      regionCode: DISTRICT,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ASSESSMENT_AGENCY_DUPLICATE');
  });

  it('only officials register agencies; an assessor cannot join two agencies', async () => {
    const byWorker = await post('worker', '/api/v1/assessment-agencies', {
      name: '某评估机构',
      creditCode: '91110000600037341L',
      regionCode: COMMUNITY_A1,
    });
    expect(byWorker.statusCode).toBe(403);
    const other = await post('district', '/api/v1/assessment-agencies', {
      name: '另一家评估机构',
      creditCode: '91110000600037341L',
      regionCode: DISTRICT,
    });
    const twice = await post('district', `/api/v1/assessment-agencies/${other.json().id}/assessors`, {
      userId: ids.a1,
      qualification: '评估师',
      certificateNo: 'X',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ASSESSMENT_ASSESSOR_TAKEN');
    const notAssessor = await post('district', `/api/v1/assessment-agencies/${other.json().id}/assessors`, {
      userId: (await get('worker', '/api/v1/auth/me')).json().id,
      qualification: '评估师',
      certificateNo: 'X',
    });
    expect(notAssessor.json().error.code).toBe('ASSESSMENT_ASSESSOR_USER_INVALID');
  });

  it('flags an agency with fewer than five active assessors, which cannot start tasks', async () => {
    for (const name of ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'])
      ids[name] = await t.createUser(name, 'assessor', DISTRICT);
    const small = await given.agency(t, {
      by: 'district',
      regionCode: DISTRICT,
      assessors: ['b1', 'b2', 'b3', 'b4'].map((name) => ({
        userId: ids[name]!,
        certificateNo: `PG-${name}`,
      })),
    });
    const agency = (await get('district', `/api/v1/assessment-agencies/${small.id}`)).json();
    expect(agency).toMatchObject({ activeAssessors: 4, understaffed: true });
    const elderId = await createElder('赵淑珍');
    const res = await newTask('district', elderId, 'b1', 'b2', small.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: 'ASSESSMENT_AGENCY_UNDERSTAFFED', details: { activeAssessors: 4 } },
    });
    for (const [name, reviewer] of [
      ['b5', false],
      ['b6', true],
    ] as const)
      await post('district', `/api/v1/assessment-agencies/${small.id}/assessors`, {
        userId: ids[name],
        qualification: '老年人能力评估师',
        certificateNo: `PG-${name}`,
        reviewer,
      });
    expect((await get('district', `/api/v1/assessment-agencies/${small.id}`)).json()).toMatchObject({
      activeAssessors: 6,
      understaffed: false,
    });
  });
});

describe('the assessment workflow', () => {
  let elderId: string;
  let id: string;

  /**
   * A new elder, and their task taken through the first `steps` steps of this story as the tests
   * before did them: each test starts where the one before left off, on data of its own.
   */
  async function storySoFar(steps: number) {
    elderId = await createElder('孙桂兰', ['dibao']);
    const story = [
      async () => (id = (await newTask('a1', elderId)).json().id),
      () => patch('a2', `/api/v1/assessments/${id}`, { version: 1, items: { eating: 2 } }),
      async () => {
        const items = Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, i.max - 1]));
        await fill('a1', id, 2, { items, dementia: true });
        await act('a2', id, 'submit', 3);
      },
      async () => {
        await act('a6', id, 'return', 4, '认知障碍诊断证明未上传');
        await fill('a1', id, 5, { dementia: true, items: allMax() });
        await act('a1', id, 'submit', 6);
      },
      () => act('district', id, 'approve', 7),
    ];
    for (const step of story.slice(0, steps)) await step();
  }

  it('opens a task with two distinct qualified assessors of the agency, one per elder', async () => {
    await storySoFar(0);
    const same = await newTask('a1', elderId, 'a1', 'a1');
    expect(same.json().error.code).toBe('ASSESSMENT_ASSESSORS_SAME');
    const outsider = await newTask('a1', elderId, 'a1', 'outsider');
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error).toMatchObject({
      code: 'ASSESSMENT_ASSESSOR_NOT_QUALIFIED',
      message: 'outsider（outsider） 不是该机构在岗的评估员',
      details: { userId: ids.outsider },
    });
    // An assessor on no agency's staff has no work, and so no access to elders or tasks at all.
    const byOutsider = await newTask('outsider', elderId);
    expect(byOutsider.statusCode).toBe(403);
    expect(byOutsider.json().error.code).toBe('AUTH_FORBIDDEN');

    const created = await newTask('a1', elderId);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'draft',
      elderName: '孙桂兰',
      elderIdNumber: expect.stringMatching(/^1501\*+\d{3}[\dX]$/),
      assessor1: { id: ids.a1, certificateNo: 'PG-a1' },
      result: null,
      version: 1,
    });
    id = created.json().id;
    const again = await newTask('a3', elderId, 'a3', 'a4');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ASSESSMENT_OPEN_EXISTS');
  });

  it('lets only its two assessors fill it in; bad items change nothing', async () => {
    await storySoFar(1);
    // An assessor of the agency who is not on the task does not see it at all.
    expect((await fill('a3', id, 1)).json().error.code).toBe('ASSESSMENT_NOT_FOUND');
    const bad = await patch('a1', `/api/v1/assessments/${id}`, {
      version: 1,
      items: { stairs: 4, eating: 2 },
    });
    expect(bad.json()).toMatchObject({
      error: { code: 'ASSESSMENT_ITEM_INVALID', details: [{ item: 'stairs' }] },
    });
    const partial = await patch('a2', `/api/v1/assessments/${id}`, { version: 1, items: { eating: 2 } });
    expect(partial.statusCode).toBe(200);
    expect(partial.json()).toMatchObject({ items: { eating: 2 }, version: 2 });
    const stale = await patch('a1', `/api/v1/assessments/${id}`, { version: 1, items: { eating: 3 } });
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { items: { eating: 2 }, version: 2 } },
    });
    const future = await patch('a1', `/api/v1/assessments/${id}`, { version: 2, assessedOn: '2099-01-01' });
    expect(future.json().error.code).toBe('ASSESSMENT_DATE_INVALID');
  });

  it('submits only when complete, with the score computed by the standard', async () => {
    await storySoFar(2);
    const incomplete = await act('a1', id, 'submit', 2);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json()).toMatchObject({
      error: { code: 'ASSESSMENT_INCOMPLETE', details: { fields: ['assessedOn', 'place', 'informant'] } },
    });
    const items = Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, i.max - 1]));
    expect((await fill('a1', id, 2, { items, dementia: true })).statusCode).toBe(200);
    const submitted = await act('a2', id, 'submit', 3);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      submittedBy: 'a2',
      result: { total: 64, initialLevel: 2, finalLevel: 3, levelCode: 'severe', reasons: ['dementia'] },
    });
    expect((await fill('a1', id, 4)).json().error.code).toBe('ASSESSMENT_STATE_CONFLICT');
  });

  it('is reviewed by an agency reviewer who did not assess it, or by civil affairs; a return needs a reason', async () => {
    await storySoFar(3);
    expect((await act('a1', id, 'approve', 4)).json().error.code).toBe('ASSESSMENT_REVIEW_FORBIDDEN');
    expect((await act('a3', id, 'approve', 4)).json().error.code).toBe('ASSESSMENT_NOT_FOUND');
    expect((await act('worker', id, 'approve', 4)).statusCode).toBe(403);
    expect((await act('a6', id, 'return', 4)).json().error.code).toBe('ASSESSMENT_RETURN_NOTE_REQUIRED');
    const returned = await act('a6', id, 'return', 4, '认知障碍诊断证明未上传');
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewedBy: 'a6',
      reviewNote: '认知障碍诊断证明未上传',
    });
    expect((await fill('a1', id, 5, { dementia: true, items: allMax() })).statusCode).toBe(200);
    expect((await act('a1', id, 'submit', 6)).json().result).toMatchObject({ total: 90, finalLevel: 1 });
  });

  it('once approved, becomes the elder’s current level with its validity, and never changes again', async () => {
    await storySoFar(4);
    const approved = await act('district', id, 'approve', 7);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', validUntil: '2027-11-19' });
    const elder = (await get('district', `/api/v1/elders/${elderId}`)).json();
    expect(elder).toMatchObject({
      currentLevel: 1,
      levelAssessedOn: '2026-11-20',
      levelValidUntil: '2027-11-19',
    });
    for (const action of ['approve', 'return', 'submit', 'cancel'])
      expect((await act('district', id, action, 8, '再议')).json().error.code).toBe(
        'ASSESSMENT_STATE_CONFLICT',
      );
    expect((await fill('a1', id, 8)).json().error.code).toBe('ASSESSMENT_STATE_CONFLICT');
    expect((await act('district', id, 'approve', 8)).json().error.message).toBe(
      '评估状态为“已通过”，不能通过',
    );
    const listed = (await get('district', `/api/v1/elders?level=1`))
      .json()
      .items.map((e: { id: string }) => e.id);
    expect(listed).toEqual([elderId]);
  });

  it('keeps earlier assessments; level 4 does not expire', async () => {
    await storySoFar(5);
    const next = await newTask('a3', elderId, 'a3', 'a4');
    expect(next.statusCode).toBe(201);
    const nextId = next.json().id;
    await fill('a3', nextId, 1, { coma: true });
    await act('a4', nextId, 'submit', 2);
    const approved = await act('a6', nextId, 'approve', 3);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      validUntil: null,
      result: { finalLevel: 4 },
    });
    expect((await get('district', `/api/v1/elders/${elderId}`)).json()).toMatchObject({
      currentLevel: 4,
      levelValidUntil: null,
    });
    const severe = (await get('district', '/api/v1/elders?levelMin=3')).json().items;
    expect(severe.map((e: { id: string }) => e.id)).toEqual([elderId]);
    const history = (await get('district', `/api/v1/assessments?elderId=${elderId}`)).json().items;
    expect(history.map((a: { id: string }) => a.id)).toEqual([nextId, id]);
  });

  it('rejects illegal transitions and hides assessments outside the caller’s scope', async () => {
    const elder = await createElder('钱玉兰');
    const draft = (await newTask('a1', elder)).json();
    expect((await act('district', draft.id, 'approve', 1)).json().error.code).toBe(
      'ASSESSMENT_STATE_CONFLICT',
    );
    expect((await act('a6', draft.id, 'return', 1, 'x')).json().error.code).toBe('ASSESSMENT_STATE_CONFLICT');
    expect((await get('street-b', `/api/v1/assessments/${draft.id}`)).statusCode).toBe(404);
    expect((await get('street-b', '/api/v1/assessments')).json().items).toEqual([]);
    const cancelled = await act('a2', draft.id, 'cancel', 1);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await act('a2', draft.id, 'submit', 2)).json().error.code).toBe('ASSESSMENT_STATE_CONFLICT');
    expect((await newTask('a1', elder)).statusCode).toBe(201);
  });
});

describe('the state machine through the API', () => {
  it('answers every illegal action in every status with 409 ASSESSMENT_STATE_CONFLICT, changing nothing', async () => {
    const elder = await createElder('冯秀云');
    const task = (await newTask('a1', elder)).json();
    const tryIllegal = async (status: AssessmentStatus) => {
      const current = (await get('district', `/api/v1/assessments/${task.id}`)).json();
      expect(current.status).toBe(status);
      for (const action of ASSESSMENT_ACTIONS.filter((a) => !assessmentTransition(status, a))) {
        const res =
          action === 'edit'
            ? await fill('a1', task.id, current.version)
            : await act(
                ['approve', 'return'].includes(action) ? 'district' : 'a1',
                task.id,
                action,
                current.version,
                '理由',
              );
        expect([action, res.statusCode, res.json().error?.code]).toEqual([
          action,
          409,
          'ASSESSMENT_STATE_CONFLICT',
        ]);
      }
      expect((await get('district', `/api/v1/assessments/${task.id}`)).json()).toEqual(current);
      return current.version as number;
    };
    let version = await tryIllegal('draft');
    await fill('a1', task.id, version);
    version = (await act('a1', task.id, 'submit', version + 1)).json().version;
    version = await tryIllegal('submitted');
    await act('district', task.id, 'return', version, '补充材料');
    version = await tryIllegal('returned');
    await act('a1', task.id, 'submit', version);
    version = (await get('district', `/api/v1/assessments/${task.id}`)).json().version;
    await act('district', task.id, 'approve', version);
    await tryIllegal('approved');

    const other = await createElder('蒋玉珍');
    const cancelled = (await newTask('a1', other)).json();
    await act('a1', cancelled.id, 'cancel', 1);
    for (const action of ASSESSMENT_ACTIONS) {
      const res =
        action === 'edit'
          ? await fill('a1', cancelled.id, 2)
          : await act('district', cancelled.id, action, 2, 'x');
      expect(res.json().error.code).toBe('ASSESSMENT_STATE_CONFLICT');
    }
  });
});

describe('due lists and re-assessment requests', () => {
  it('lists elders never assessed whose category calls for it, and requested re-assessments', async () => {
    const needy = await createElder('周凤英', ['tekun']);
    await createElder('吴建国', ['empty_nest']);
    const never = (await get('district', '/api/v1/assessments/due?kind=never')).json().items;
    expect(never.map((e: { name: string }) => e.name)).toContain('周凤英');
    expect(never.map((e: { name: string }) => e.name)).not.toContain('吴建国');

    const raised = await post('worker', `/api/v1/elders/${needy}/reassessment-requests`, {
      cause: 'fall',
      note: '夜间跌倒',
    });
    expect(raised.statusCode).toBe(201);
    expect(
      (await post('worker', `/api/v1/elders/${needy}/reassessment-requests`, { cause: 'other' })).json().error
        .code,
    ).toBe('ASSESSMENT_REQUEST_OPEN_EXISTS');
    const requested = (await get('district', '/api/v1/assessments/due?kind=requested')).json().items;
    expect(requested).toEqual([
      expect.objectContaining({
        name: '周凤英',
        request: expect.objectContaining({ cause: 'fall', status: 'open' }),
      }),
    ]);
    const task = (await newTask('a1', needy)).json();
    const scheduled = (await get('district', '/api/v1/assessments/due?kind=requested')).json().items[0];
    expect(scheduled).toMatchObject({ openAssessmentId: task.id, request: { status: 'scheduled' } });
    expect((await get('street-b', '/api/v1/assessments/due?kind=requested')).json().items).toEqual([]);
  });

  it('exports a due list as a workbook and audits it', async () => {
    const res = await get('district', '/api/v1/assessments/due.xlsx?kind=never');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const audit = (await get('district', '/api/v1/audit?action=assessment.due_export')).json();
    expect(audit.items[0]).toMatchObject({ action: 'assessment.due_export' });
  });
});

describe('the PDF report', () => {
  it('renders the assessment as an A4 PDF with a Chinese font, and audits the export', async () => {
    const elder = await createElder('郑秀珍');
    const task = (await newTask('a1', elder)).json();
    await fill('a1', task.id, 1);
    const res = await get('district', `/api/v1/assessments/${task.id}/report.pdf`);
    // CI installs fonts-noto-cjk; a machine without a Chinese font gets a clear 503 instead.
    expect(res.statusCode).toBe(findCjkFont() ? 200 : 503);
    if (res.statusCode === 503) return expect(res.json().error.code).toBe('ASSESSMENT_PDF_FONT_MISSING');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5000);
    const audit = (await get('district', '/api/v1/audit?action=assessment.report_pdf')).json();
    expect(audit.items[0]).toMatchObject({ entityId: task.id });
    expect((await get('street-b', `/api/v1/assessments/${task.id}/report.pdf`)).statusCode).toBe(404);
  });
});

describe('due list pages', () => {
  it('pages through a list with its cursor, and refuses a forged one', async () => {
    for (const i of [0, 1, 2, 3]) await createElder(`低保老人${i}`, ['dibao']);
    const first = (await get('district', '/api/v1/assessments/due?kind=never&limit=2')).json();
    expect(first.items).toHaveLength(2);
    const next = (
      await get('district', `/api/v1/assessments/due?kind=never&limit=2&cursor=${first.nextCursor}`)
    ).json();
    const all = (await get('district', '/api/v1/assessments/due?kind=never&limit=50')).json().items;
    expect([...first.items, ...next.items].map((e: { elderId: string }) => e.elderId)).toEqual(
      all.slice(0, 4).map((e: { elderId: string }) => e.elderId),
    );
    const forged = Buffer.from(
      JSON.stringify(['not-a-date', '00000000-0000-0000-0000-000000000000']),
    ).toString('base64url');
    const res = await get('district', `/api/v1/assessments/due?kind=expiring&cursor=${forged}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PAGINATION_CURSOR_INVALID');
  });
});
