import type { CodesOf } from '../../platform/errors/error-codes';
import type { ErrorCatalog } from '../../platform/errors/error-catalog';

export const USER_ERRORS = {
  USER_NOT_FOUND: { status: 404, 'zh-CN': '用户不存在', en: 'User not found' },
  USER_USERNAME_TAKEN: {
    status: 409,
    'zh-CN': '用户名 {username} 已被使用',
    en: 'Username {username} is taken',
  },
  USER_ROLE_NOT_GRANTABLE: {
    status: 403,
    'zh-CN': '您不能授予或修改“{role}”角色',
    en: 'You may not grant or change the role {role}',
  },
  USER_PROVIDER_REQUIRED: {
    status: 400,
    'zh-CN': '服务机构角色必须指定所属服务机构',
    en: 'A provider role needs a provider',
  },
  USER_PROVIDER_NOT_ALLOWED: {
    status: 400,
    'zh-CN': '只有服务机构角色可以关联服务机构',
    en: 'Only provider roles belong to a provider',
  },
  USER_SELF_CHANGE_FORBIDDEN: {
    status: 403,
    'zh-CN': '不能修改自己的角色、辖区或状态',
    en: 'You may not change your own role, region or status',
  },
  USER_PASSWORD_WEAK: {
    status: 400,
    'zh-CN': '密码不符合要求：至少10位，包含大写字母、小写字母、数字、符号中的三类，且不含用户名',
    en: 'The password is too weak: at least 10 characters, three of upper case, lower case, digits and symbols, not containing the username',
  },
  USER_PROVIDER_OUTSIDE_REGION: {
    status: 400,
    'zh-CN': '账号所属区域必须包含其服务机构所在区域',
    en: "The account's region must contain its provider's region",
  },
  USER_PROVIDER_NOT_FOUND: {
    status: 400,
    'zh-CN': '所属服务机构不存在',
    en: 'No such provider',
  },
  USER_STAFF_NOT_ALLOWED: {
    status: 400,
    'zh-CN': '只有养老护理员账号可以关联工作人员档案',
    en: 'Only caregiver accounts are linked to a staff record',
  },
  USER_STAFF_NOT_FOUND: {
    status: 400,
    'zh-CN': '所选工作人员档案不存在',
    en: 'No such staff record',
  },
  USER_STAFF_OTHER_PROVIDER: {
    status: 400,
    'zh-CN': '所选工作人员不属于该账号的服务机构',
    en: "The staff record belongs to another provider than the account's",
  },
  USER_STAFF_TAKEN: {
    status: 409,
    'zh-CN': '该工作人员档案已关联其他账号',
    en: 'Another account is already linked to this staff record',
  },
} satisfies ErrorCatalog;

declare module '../../platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof USER_ERRORS> {}
}
