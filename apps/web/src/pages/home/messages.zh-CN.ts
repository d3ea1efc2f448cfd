/** The home module's texts (i18next namespace "home"). */
export const zhCN = {
  menu: {
    home: '工作台',
  },
  home: {
    welcome: '{{name}}，您好',
    role: '角色',
    scope: '管辖范围',
    permissions: '权限',
    system: '系统状态',
    database: '数据库',
    broker: '物联网消息',
    version: '版本',
    noPermissions: '当前角色暂无可用的管理功能，相关业务模块上线后将在此显示。',
  },
};
export type Messages = typeof zhCN;
