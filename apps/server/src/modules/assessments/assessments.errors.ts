import type { CodesOf } from '../../platform/errors/error-codes';
import type { ErrorCatalog } from '../../platform/errors/error-catalog';

export const ASSESSMENT_ERRORS = {
  ASSESSMENT_ITEM_INVALID: {
    status: 400,
    'zh-CN': '评估项目 {item} 无效：{problem}',
    en: 'Assessment item {item} is invalid: {problem}',
  },
  ASSESSMENT_NOT_FOUND: { status: 404, 'zh-CN': '评估记录不存在', en: 'Assessment not found' },
  ASSESSMENT_OPEN_EXISTS: {
    status: 409,
    'zh-CN': '该老人已有进行中的评估任务',
    en: 'This elder already has an assessment in progress',
  },
  ASSESSMENT_STATE_CONFLICT: {
    status: 409,
    'zh-CN': '评估状态为“{status}”，不能{action}',
    en: 'Status “{status}”: the assessment cannot be {action}',
  },
  ASSESSMENT_NOT_ASSIGNED: {
    status: 403,
    'zh-CN': '只有本次评估的两名评估员可以填写和提交',
    en: 'Only the two assessors of this assessment can fill it in and submit it',
  },
  ASSESSMENT_REVIEW_FORBIDDEN: {
    status: 403,
    'zh-CN': '只有本机构的审核人员或民政部门可以审核，且不能审核自己参与的评估',
    en: 'Only a reviewer of the agency or civil affairs may review, never an assessment they made',
  },
  ASSESSMENT_INCOMPLETE: {
    status: 400,
    'zh-CN': '提交前须填写：{fields}',
    en: 'Fill in before submitting: {fields}',
  },
  ASSESSMENT_DATE_INVALID: {
    status: 400,
    'zh-CN': '评估日期不能晚于今天',
    en: 'The assessment date cannot be in the future',
  },
  ASSESSMENT_RETURN_NOTE_REQUIRED: {
    status: 400,
    'zh-CN': '退回须说明原因',
    en: 'Returning an assessment needs a reason',
  },
  ASSESSMENT_AGENCY_NOT_FOUND: { status: 404, 'zh-CN': '评估机构不存在', en: 'Assessment agency not found' },
  ASSESSMENT_AGENCY_CREDIT_CODE_INVALID: {
    status: 400,
    'zh-CN': '统一社会信用代码无效：{reason}',
    en: 'Invalid unified social credit code: {reason}',
  },
  ASSESSMENT_AGENCY_DUPLICATE: {
    status: 409,
    'zh-CN': '该统一社会信用代码的评估机构已登记',
    en: 'An agency with this credit code is registered',
  },
  ASSESSMENT_AGENCY_UNDERSTAFFED: {
    status: 409,
    'zh-CN': '评估机构在岗评估员 {count} 人，不足5人，不能开展新的评估',
    en: 'The agency has {count} active assessors, fewer than 5: it cannot start new assessments',
  },
  ASSESSMENT_AGENCY_SUSPENDED: {
    status: 409,
    'zh-CN': '评估机构已暂停，不能开展新的评估',
    en: 'The agency is suspended: it cannot start new assessments',
  },
  ASSESSMENT_AGENCY_OUT_OF_AREA: {
    status: 400,
    'zh-CN': '老人居住地不在该评估机构的服务区域内',
    en: 'The elder lives outside the agency’s area',
  },
  ASSESSMENT_ASSESSORS_SAME: {
    status: 400,
    'zh-CN': '须由两名不同的评估员共同评估',
    en: 'Two different assessors are needed',
  },
  ASSESSMENT_ASSESSOR_NOT_QUALIFIED: {
    status: 400,
    'zh-CN': '{user} 不是该机构在岗的评估员',
    en: '{user} is not an active assessor of this agency',
  },
  ASSESSMENT_ASSESSOR_USER_INVALID: {
    status: 400,
    'zh-CN': '只能登记角色为评估员、状态正常的账号',
    en: 'Only enabled accounts with the assessor role can be registered',
  },
  ASSESSMENT_ASSESSOR_TAKEN: {
    status: 409,
    'zh-CN': '该评估员已登记在评估机构“{agency}”',
    en: 'This assessor is registered with the agency “{agency}”',
  },
  ASSESSMENT_ASSESSOR_NOT_FOUND: {
    status: 404,
    'zh-CN': '该机构没有这名评估员',
    en: 'No such assessor in this agency',
  },
  ASSESSMENT_REQUEST_OPEN_EXISTS: {
    status: 409,
    'zh-CN': '该老人已有待处理的即时评估申请',
    en: 'This elder already has an open re-assessment request',
  },
  ASSESSMENT_PDF_FONT_MISSING: {
    status: 503,
    'zh-CN':
      '服务器未安装中文字体，无法生成PDF；请使用打印页面，或由管理员安装 fonts-noto-cjk / 设置 YIYANG_PDF_FONT',
    en: 'No Chinese font on the server for PDFs: use the print view, or have fonts-noto-cjk installed or YIYANG_PDF_FONT set',
  },
} satisfies ErrorCatalog;

/** Texts for `{problem}` of ASSESSMENT_ITEM_INVALID. */
export const ITEM_PROBLEMS = {
  missing: { 'zh-CN': '未填写', en: 'missing' },
  unknown: { 'zh-CN': '不是 GB/T 42195 的评估项目', en: 'not an item of GB/T 42195' },
  out_of_range: { 'zh-CN': '分值应为 0–{max} 的整数', en: 'points must be a whole number 0–{max}' },
} as const;

/** Texts for `{action}` of ASSESSMENT_STATE_CONFLICT; `{status}` uses the domain's status labels. */
export const ACTION_TEXT = {
  edit: { 'zh-CN': '修改', en: 'edited' },
  submit: { 'zh-CN': '提交', en: 'submitted' },
  approve: { 'zh-CN': '通过', en: 'approved' },
  return: { 'zh-CN': '退回', en: 'returned' },
  cancel: { 'zh-CN': '取消', en: 'cancelled' },
} as const;

declare module '../../platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof ASSESSMENT_ERRORS> {}
}
