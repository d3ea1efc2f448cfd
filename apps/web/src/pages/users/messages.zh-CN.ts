/** The users module's texts (i18next namespace "users"). */
export const zhCN = {
  menu: {
    users: '用户管理',
  },
  users: {
    title: '用户管理',
    username: '用户名',
    displayName: '姓名',
    role: '角色',
    region: '所属区划',
    status: '状态',
    provider: '服务机构ID',
    lastLogin: '最近登录',
    locked: '已锁定',
    active: '启用',
    disabled: '停用',
    mustChange: '待改密',
    create: '新增用户',
    edit: '编辑用户',
    password: '初始密码',
    resetPassword: '重置密码',
    newPassword: '新密码',
    unlock: '解锁',
    keyword: '用户名或姓名',
    created: '用户已创建',
    saved: '已保存',
    resetDone: '密码已重置，用户下次登录须修改密码',
    unlocked: '已解锁',
    disable: '停用',
    enable: '启用',
  },
};
export type Messages = typeof zhCN;
