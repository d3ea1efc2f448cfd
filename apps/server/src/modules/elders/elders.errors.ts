import type { CodesOf } from '../../platform/errors/error-codes';
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
  ELDER_IMPORT_HEADERS_MISSING: {
    status: 400,
    'zh-CN': '没有找到含表头的工作表，缺少列：{headers}；请使用导入模板',
    en: 'No sheet has the template’s headers; missing columns: {headers}. Use the import template',
  },
  ELDER_IMPORT_UNREADABLE: {
    status: 400,
    'zh-CN': '文件无法读取（已损坏或不是表格文件）',
    en: 'The file cannot be read (damaged, or not a spreadsheet)',
  },
  ELDER_IMPORT_NOT_FOUND: { status: 404, 'zh-CN': '导入任务不存在', en: 'Import not found' },
  ELDER_IMPORT_EMPTY: { status: 400, 'zh-CN': '文件是空的（0字节）', en: 'The file is empty (0 bytes)' },
  ELDER_IMPORT_EXPANDS_TOO_MUCH: {
    status: 400,
    'zh-CN': '文件解压后过大（通常是表格含大量空行或格式）：请删除多余的空行后另存，或拆分后导入',
    en: 'The file expands to far more than its rows need (usually many blank or formatted rows): delete them and save again, or split the file',
  },
  /** A job that stopped on an unexpected error; what went wrong is in the server log only. */
  ELDER_IMPORT_FAILED: {
    status: 500,
    'zh-CN': '导入因系统错误中断，已导入的行保留；请稍后重新导入同一文件（已登记的会跳过）或联系管理员',
    en: 'The import stopped on a system error; rows already imported stay. Import the same file again later (registered people are skipped) or contact the administrator',
  },

  ELDER_IMPORT_INTERRUPTED: {
    status: 500,
    'zh-CN': '导入在系统升级前中断，已导入的行保留；请重新导入同一文件（已登记的会跳过）',
    en: 'The import was interrupted before an upgrade; rows already imported stay. Import the same file again (registered people are skipped)',
  },
  ELDER_IMPORT_CANCELLED: {
    status: 409,
    'zh-CN': '导入已被取消，已导入的行保留',
    en: 'The import was cancelled; rows already imported stay',
  },
  ELDER_IMPORT_MORE_ROWS: {
    status: 400,
    'zh-CN': '以上列出前 {listed} 行；另有 {more} 行未导入、未列出。请先按以上原因改正整个文件，再重新导入',
    en: 'The first {listed} rows are listed; {more} more were not imported. Fix the file for the reasons above, then import it again',
  },

  // Row errors: reported per cell in the import report and the error workbook, not as responses.
  ELDER_IMPORT_ROW_REQUIRED: { status: 400, 'zh-CN': '必填', en: 'required' },
  ELDER_IMPORT_ROW_NUMERIC_CELL: {
    status: 400,
    'zh-CN':
      'Excel 把这个号码存成了数字，末几位已变成0或显示为科学计数（如 1.50102E+17），号码已不可信。请把该列设置为“文本”格式后重新输入号码，或使用导入模板（该列已是文本格式）',
    en: 'Excel stored this as a number: its last digits became 0 or it shows in scientific notation (such as 1.50102E+17), so it can no longer be trusted. Format the column as Text and type the numbers again, or use the import template (its column is Text already)',
  },
  ELDER_IMPORT_ROW_EXCEL_ERROR: {
    status: 400,
    'zh-CN': '单元格是 Excel 错误值 {value}（公式或引用出错），请改为实际内容',
    en: 'the cell holds the Excel error {value} (a broken formula or reference): enter the actual value',
  },
  ELDER_IMPORT_ROW_FORMULA: {
    status: 400,
    'zh-CN': '单元格是公式，但没有可用的计算结果（公式出错，如 #REF!、#DIV/0!）：请改为实际内容',
    en: 'the cell is a formula without a usable result (a broken formula, such as #REF! or #DIV/0!): enter the actual value',
  },
  ELDER_IMPORT_ROW_CONTROL_CHARACTER: {
    status: 400,
    'zh-CN': '含有不可见的控制字符（如 NUL），请删除后重新输入',
    en: 'contains invisible control characters (such as NUL): delete them and type the value again',
  },
  ELDER_IMPORT_ROW_INVALID: { status: 400, 'zh-CN': '{reason}', en: '{reason}' },
  ELDER_IMPORT_ROW_ID_NUMBER: { status: 400, 'zh-CN': '{reason}', en: '{reason}' },
  ELDER_IMPORT_ROW_UNDER_AGE: {
    status: 400,
    'zh-CN': '未满60周岁，请通过档案页面单独登记',
    en: 'under 60: register separately through the record form',
  },
  ELDER_IMPORT_ROW_DUPLICATE_IN_FILE: {
    status: 400,
    'zh-CN': '与第 {row} 行身份证号重复',
    en: 'same identity number as row {row}',
  },
  ELDER_IMPORT_ROW_REGION_UNKNOWN: { status: 400, 'zh-CN': '区划代码不存在', en: 'no such region code' },
  ELDER_IMPORT_ROW_NOT_COMMUNITY: {
    status: 400,
    'zh-CN': '须为社区/村一级的区划代码',
    en: 'must be a community or village code',
  },
  ELDER_IMPORT_ROW_OUT_OF_SCOPE: { status: 400, 'zh-CN': '不在您的管辖范围内', en: 'outside your scope' },
  ELDER_IMPORT_ROW_LIVING: {
    status: 400,
    'zh-CN': '应为：独居、与配偶同住、与子女同住、入住机构、其他',
    en: 'one of: alone, with spouse, with children, in institution, other',
  },
  ELDER_IMPORT_ROW_CATEGORY: { status: 400, 'zh-CN': '无法识别的人员类别', en: 'unknown category' },
  ELDER_IMPORT_ROW_GRADE: {
    status: 400,
    'zh-CN': '持残疾证的须填写1–4级，未持证的不填',
    en: '1–4 with the disability certificate category, and only with it',
  },
  ELDER_IMPORT_ROW_NUMBER: {
    status: 400,
    'zh-CN': '应为数字且在有效范围内',
    en: 'must be a number in range',
  },
  ELDER_IMPORT_ROW_CONTACT: {
    status: 400,
    'zh-CN': '联系人姓名、关系、电话须一起填写',
    en: 'contact name, relation and phone go together',
  },
} satisfies ErrorCatalog;

declare module '../../platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof ELDER_ERRORS> {}
}
