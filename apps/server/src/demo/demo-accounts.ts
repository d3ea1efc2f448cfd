import { randomBytes } from 'node:crypto';
import type { Role } from '@yiyang/domain';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** A 12-digit code, or a relative pick resolved against the demo regions. */
  regionCode: string;
  /** For provider roles: the demo institution. */
  providerId?: string | null;
  /** For the caregiver: their staff record at the institution. */
  staffId?: string | null;
  password: string;
}

/**
 * The demo assessment agency's staff: five, the national minimum; the last one reviews the
 * agency's assessments and so never assesses.
 */
export const DEMO_ASSESSORS = [
  { username: 'pg.assessor', displayName: '评估员 陈静' },
  { username: 'pg.assessor2', displayName: '评估员 周丽' },
  { username: 'pg.assessor3', displayName: '评估员 马海军' },
  { username: 'pg.assessor4', displayName: '评估员 郭晓燕' },
  { username: 'pg.reviewer', displayName: '评估审核员 吴刚' },
];

/** A random password that meets the policy (upper, lower, digit, symbol; 16 characters). */
export function randomDemoPassword(): string {
  return `Yy-${randomBytes(9).toString('base64url')}7a`;
}

/** One account per working role at the level it works at; provider roles at the demo institution. */
export function demoAccountPlan(
  firstStreet: string,
  firstCommunity: string,
  institutionId: string,
  caregiverStaff: { id: string; name: string },
): Omit<DemoAccount, 'password'>[] {
  return [
    { username: 'admin', displayName: '系统管理员', role: 'admin', regionCode: '150100000000' },
    {
      username: 'mz.city',
      displayName: '市民政局 王建国',
      role: 'civil_affairs',
      regionCode: '150100000000',
    },
    {
      username: 'mz.xincheng',
      displayName: '新城区民政局 李秀英',
      role: 'civil_affairs',
      regionCode: '150102000000',
    },
    { username: 'mz.street', displayName: '街道民政 张伟', role: 'civil_affairs', regionCode: firstStreet },
    {
      username: 'sq.worker',
      displayName: '社区工作者 刘芳',
      role: 'community_worker',
      regionCode: firstCommunity,
    },
    ...DEMO_ASSESSORS.map((a) => ({ ...a, role: 'assessor' as const, regionCode: '150100000000' })),
    {
      username: 'fw.manager',
      displayName: '机构负责人 高玉梅',
      role: 'provider_manager',
      regionCode: '150102000000',
      providerId: institutionId,
    },
    {
      username: 'fw.caregiver',
      // Named as the staff record the account is linked to, so that screens agree on who it is.
      displayName: `养老护理员 ${caregiverStaff.name}`,
      role: 'caregiver',
      regionCode: '150102000000',
      providerId: institutionId,
      staffId: caregiverStaff.id,
    },
    { username: 'hotline', displayName: '12349热线 赵敏', role: 'operator', regionCode: '150100000000' },
    { username: 'inspector', displayName: '监督检查员 孙强', role: 'inspector', regionCode: '150100000000' },
  ];
}
