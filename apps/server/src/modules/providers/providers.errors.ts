import type { ErrorCatalog, LocalisedText } from '../../platform/errors/error-catalog';

export const PROVIDER_ERRORS = {
  PROVIDER_NOT_FOUND: { status: 404, 'zh-CN': '服务机构不存在', en: 'Provider not found' },
  PROVIDER_CREDIT_CODE_INVALID: {
    status: 400,
    'zh-CN': '统一社会信用代码无效：{reason}',
    en: 'Invalid unified social credit code: {reason}',
  },
  PROVIDER_DUPLICATE: {
    status: 409,
    'zh-CN': '该统一社会信用代码的机构已登记',
    en: 'A provider with this credit code is registered',
  },
  PROVIDER_BEDS_INCONSISTENT: {
    status: 400,
    'zh-CN': '床位数不一致：{reason}',
    en: 'Bed numbers do not add up: {reason}',
  },
  PROVIDER_GRADE_INVALID: { status: 400, 'zh-CN': '等级应为一级至五级', en: 'The grade must be 1 to 5' },
  PROVIDER_COORDINATES_OUTSIDE: {
    status: 400,
    'zh-CN': '坐标不在所选区划范围内',
    en: 'The coordinates are outside the chosen region',
  },
  PROVIDER_FIELD_NEEDS_APPROVAL: {
    status: 409,
    'zh-CN': '{fields}须提交变更申请，由区民政部门确认',
    en: '{fields} change through a request confirmed by the district civil-affairs office',
  },
  PROVIDER_CHANGE_PENDING: {
    status: 409,
    'zh-CN': '该机构已有待确认的变更申请',
    en: 'This provider already has a change request waiting',
  },
  PROVIDER_CHANGE_NOT_FOUND: { status: 404, 'zh-CN': '变更申请不存在', en: 'Change request not found' },
  PROVIDER_CHANGE_DECIDED: { status: 409, 'zh-CN': '该申请已处理', en: 'This request has been decided' },
  PROVIDER_CHANGE_STALE: {
    status: 409,
    'zh-CN': '机构信息在申请后已被修改，请驳回后重新申请',
    en: 'The provider changed after the request; reject it and request again',
  },
  PROVIDER_CHANGE_APPROVER_LEVEL: {
    status: 403,
    'zh-CN': '备案和等级变更须由区县及以上民政部门确认',
    en: 'Filing and grade changes are confirmed at district level or above',
  },
  PROVIDER_CHANGE_SELF_APPROVAL: {
    status: 403,
    'zh-CN': '不能确认自己提交的申请',
    en: 'You cannot decide your own request',
  },
  PROVIDER_CHANGE_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '驳回须说明理由',
    en: 'A rejection needs a reason',
  },
  STAFF_NOT_FOUND: { status: 404, 'zh-CN': '人员不存在', en: 'Staff member not found' },
  STAFF_ID_NUMBER_INVALID: {
    status: 400,
    'zh-CN': '身份证号码无效：{reason}',
    en: 'Invalid identity number: {reason}',
  },
  STAFF_DUPLICATE: {
    status: 409,
    'zh-CN': '该人员已在本机构登记',
    en: 'This person is registered with this provider',
  },
  STAFF_CERTIFICATE_LEVEL: {
    status: 400,
    'zh-CN': '养老护理员职业技能证书须填写等级（1–5级），其他证书不填',
    en: 'A caregiver skill certificate has a level (1–5); other certificates have none',
  },
  STAFF_DATES_INVALID: {
    status: 400,
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  CATALOGUE_ITEM_UNKNOWN: {
    status: 400,
    'zh-CN': '服务项目不存在：{item}',
    en: 'No such service item: {item}',
  },
} satisfies ErrorCatalog;

export const BEDS_PROBLEMS = {
  negative: { 'zh-CN': '不能为负数', en: 'none may be negative' },
  nursing_exceeds_total: { 'zh-CN': '护理型床位多于总床位', en: 'more nursing beds than beds' },
  occupied_exceeds_total: { 'zh-CN': '在住人数多于总床位', en: 'more occupied beds than beds' },
} as const;

/** Field names as officials know them, for messages that list fields. */
const GATED_FIELD_LABELS: Record<string, LocalisedText> = {
  name: { 'zh-CN': '机构名称', en: 'name' },
  kind: { 'zh-CN': '机构类型', en: 'kind' },
  ownership: { 'zh-CN': '举办性质', en: 'ownership' },
  legalRepresentative: { 'zh-CN': '法定代表人', en: 'legal representative' },
  regionCode: { 'zh-CN': '所在区划', en: 'region' },
  address: { 'zh-CN': '地址', en: 'address' },
  filingStatus: { 'zh-CN': '备案状态', en: 'filing status' },
  filingNo: { 'zh-CN': '备案号', en: 'filing number' },
  filedOn: { 'zh-CN': '备案日期', en: 'filing date' },
  filingChangedOn: { 'zh-CN': '变更备案日期', en: 'filing change date' },
  filingCancelledOn: { 'zh-CN': '注销备案日期', en: 'filing cancellation date' },
  filingDocuments: { 'zh-CN': '备案材料', en: 'filing documents' },
  grade: { 'zh-CN': '等级', en: 'grade' },
  gradedOn: { 'zh-CN': '评定日期', en: 'grading date' },
  gradeBody: { 'zh-CN': '评定机构', en: 'grading body' },
};

export function gatedFieldList(fields: readonly string[]): LocalisedText {
  const label = (f: string, locale: keyof LocalisedText) => GATED_FIELD_LABELS[f]?.[locale] ?? f;
  return {
    'zh-CN': fields.map((f) => label(f, 'zh-CN')).join('、'),
    en: fields.map((f) => label(f, 'en')).join(', '),
  };
}

declare module '../../platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof PROVIDER_ERRORS> {}
}
