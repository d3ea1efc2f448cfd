import type { ErrorCatalog } from '../../platform/errors/error-catalog';

export const ELDER_ERRORS = {
  ELDER_NOT_FOUND: { status: 404, 'zh-CN': '老年人档案不存在', en: 'Elder record not found' },
  ELDER_ID_NUMBER_INVALID: {
    status: 400,
    'zh-CN': '身份证号码无效：{reason}',
    en: 'Invalid identity number: {reason}',
  },
  ELDER_UNDER_AGE: {
    status: 400,
    'zh-CN': '年龄 {age} 岁，未满60周岁；如确需登记（如残疾人服务），请勾选“允许未满60周岁”',
    en: 'Aged {age}, under 60; to register anyway (e.g. for disability services) set allowUnderAge',
  },
  ELDER_DUPLICATE: {
    status: 409,
    'zh-CN': '该身份证号码已有档案',
    en: 'A record with this identity number exists',
  },
  ELDER_REGION_NOT_COMMUNITY: {
    status: 400,
    'zh-CN': '居住地须选择到社区/村一级',
    en: 'The residence must be a community or village',
  },
  ELDER_DISABILITY_GRADE_MISMATCH: {
    status: 400,
    'zh-CN': '持残疾证的须填写残疾等级（1–4级），未持证的不能填写',
    en: 'A disability grade (1–4) goes with the disabled_cert category, and only with it',
  },
  ELDER_FIELD_NEEDS_APPROVAL: {
    status: 409,
    'zh-CN': '{fields} 涉及补贴和资格，须通过变更申请审批后修改',
    en: '{fields} affect subsidies and eligibility: they change through an approved change request',
  },
  ELDER_CHANGE_PENDING: {
    status: 409,
    'zh-CN': '该老人已有待审批的变更申请，请等待审批结果',
    en: 'This elder already has a change request waiting for a decision',
  },
  ELDER_CHANGE_NOT_FOUND: { status: 404, 'zh-CN': '变更申请不存在', en: 'Change request not found' },
  ELDER_CHANGE_DECIDED: {
    status: 409,
    'zh-CN': '该变更申请已处理',
    en: 'This change request has been decided already',
  },
  ELDER_CHANGE_SELF_APPROVAL: {
    status: 403,
    'zh-CN': '不能审批自己提交的变更申请',
    en: 'You may not decide on a change you requested',
  },
  ELDER_CHANGE_APPROVER_LEVEL: {
    status: 403,
    'zh-CN': '变更申请须由街道（乡镇）及以上民政工作人员审批',
    en: 'A change is decided by a civil affairs official at street level or above',
  },
  ELDER_CHANGE_STALE: {
    status: 409,
    'zh-CN': '档案在申请后已被修改，请驳回后重新申请',
    en: 'The record changed after the request; reject it and request again',
  },
  ELDER_STATUS_DATE_REQUIRED: {
    status: 400,
    'zh-CN': '迁出或死亡须填写日期，且不能晚于今天',
    en: 'Moving out or death needs its date, not later than today',
  },
  ELDER_DECEASED: {
    status: 409,
    'zh-CN': '该老人已于 {date} 去世，档案不能再变更',
    en: 'This elder died on {date}; the record cannot change',
  },
  ELDER_SURVIVAL_DATE_FUTURE: {
    status: 400,
    'zh-CN': '认证日期不能晚于今天',
    en: 'The check date cannot be later than today',
  },
  ELDER_IMPORT_FILE_TYPE: {
    status: 400,
    'zh-CN': '请上传 .xlsx 或 .csv 文件',
    en: 'Upload an .xlsx or .csv file',
  },
  ELDER_IMPORT_FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件超过50MB', en: 'The file is larger than 50 MB' },
  ELDER_IMPORT_TOO_MANY_ROWS: {
    status: 400,
    'zh-CN': '文件超过 {max} 行，请拆分后导入',
    en: 'The file has more than {max} rows; split it',
  },
  ELDER_IMPORT_SHEET_MISSING: {
    status: 400,
    'zh-CN': '找不到工作表“{sheet}”，请使用导入模板',
    en: 'No sheet named "{sheet}": use the import template',
  },
  ELDER_IMPORT_HEADERS_MISSING: {
    status: 400,
    'zh-CN': '缺少列：{headers}，请使用导入模板',
    en: 'Missing columns: {headers}; use the import template',
  },
  ELDER_IMPORT_UNREADABLE: {
    status: 400,
    'zh-CN': '文件无法读取（已损坏或不是表格文件）',
    en: 'The file cannot be read (damaged, or not a spreadsheet)',
  },
  ELDER_IMPORT_NOT_FOUND: { status: 404, 'zh-CN': '导入任务不存在', en: 'Import not found' },
} satisfies ErrorCatalog;
