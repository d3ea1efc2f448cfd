/** Texts for the custom `validation.*` keys that contract schemas use as messages. */
export const VALIDATION_MESSAGES: Record<string, { 'zh-CN': string; en: string }> = {
  'validation.regionCode': {
    'zh-CN': '行政区划代码须为12位数字，且层级正确',
    en: 'A region code has 12 digits and a valid level',
  },
  'validation.username': {
    'zh-CN': '用户名为3–32位小写字母、数字或 . _ -，以字母或数字开头',
    en: 'A username has 3–32 lower-case letters, digits or . _ -, starting with a letter or digit',
  },
  'validation.phone': {
    'zh-CN': '电话号码应为11位手机号或带区号的固定电话',
    en: 'A phone number is an 11-digit mobile number or a landline with its area code',
  },
  'validation.deathDate': {
    'zh-CN': '结果为已故时须填写死亡日期，否则不填',
    en: 'A death date goes with the result deceased, and only with it',
  },
  'validation.emptyUpdate': { 'zh-CN': '没有要修改的字段', en: 'Nothing to change' },
};
