export const zhCN = {
  app: { name: '颐养', title: '居家和社区养老服务监管平台', footer: '颐养 · 开源养老服务监管平台' },
  menu: { home: '工作台', users: '用户管理', audit: '审计日志', account: '修改密码', logout: '退出登录' },
  common: {
    search: '查询', reset: '重置', create: '新增', edit: '编辑', save: '保存', cancel: '取消', actions: '操作',
    loadMore: '加载更多', all: '全部', yes: '是', no: '否', language: 'English', scope: '管辖范围',
    demo: '演示', detail: '详情', close: '关闭',
  },
  login: {
    title: '登录', username: '用户名', password: '密码', submit: '登录', required: '请输入{{field}}',
    hint: '演示账号和密码在服务启动时打印在控制台',
  },
  role: {
    admin: '系统管理员', civil_affairs: '民政工作人员', community_worker: '社区工作者', assessor: '评估员',
    provider_manager: '服务机构管理员', caregiver: '护理员', operator: '热线/呼叫中心坐席', inspector: '监督检查员',
  },
  level: { province: '省', city: '市', county: '区县', street: '街道/乡镇', community: '社区/村' },
  home: {
    welcome: '{{name}}，您好', role: '角色', scope: '管辖范围', permissions: '权限',
    system: '系统状态', database: '数据库', broker: '物联网消息', version: '版本',
    noPermissions: '当前角色暂无可用的管理功能，相关业务模块上线后将在此显示。',
  },
  users: {
    title: '用户管理', username: '用户名', displayName: '姓名', role: '角色', region: '所属区划', status: '状态',
    provider: '服务机构ID', lastLogin: '最近登录', locked: '已锁定', active: '启用', disabled: '停用',
    mustChange: '待改密', create: '新增用户', edit: '编辑用户', password: '初始密码', resetPassword: '重置密码',
    newPassword: '新密码', unlock: '解锁', keyword: '用户名或姓名', created: '用户已创建', saved: '已保存',
    resetDone: '密码已重置，用户下次登录须修改密码', unlocked: '已解锁', disable: '停用', enable: '启用',
  },
  audit: {
    title: '审计日志', at: '时间', actor: '操作人', action: '操作', entity: '对象', entityId: '对象ID', region: '区划',
    ip: '来源地址', before: '修改前', after: '修改后', from: '开始时间', to: '结束时间',
    actions: {
      'auth.login': '登录', 'auth.logout': '退出', 'auth.login_failed': '登录失败', 'user.create': '创建用户',
      'user.update': '修改用户', 'user.password_reset': '重置密码', 'user.password_change': '修改密码',
      'user.unlock': '解锁用户',
    },
  },
  account: {
    title: '修改密码', current: '当前密码', next: '新密码', confirm: '确认新密码', mismatch: '两次输入的新密码不一致',
    done: '密码已修改', forced: '您的密码由管理员设置，请先修改密码后再使用系统。',
  },
  password: {
    too_short: '至少10位', too_long: '最多128位', too_simple: '须包含大写字母、小写字母、数字、符号中的三类',
    contains_username: '不能包含用户名',
  },
  errors: {
    forbidden: '您没有访问此页面的权限', notFound: '页面不存在', back: '返回工作台', network: '网络错误，请稍后再试',
  },
};
export type Messages = typeof zhCN;
