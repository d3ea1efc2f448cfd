/** The directory module's texts (i18next namespace "directory"). */
export const zhCN = {
  directory: {
    title: '养老服务机构查询',
    subtitle: '查询本市养老机构、社区养老服务设施和居家服务机构（公开信息）',
    search: '机构名称',
    map: '分布图',
    list: '列表',
    login: '工作人员登录',
    services: '服务项目与价格',
    medical: '医养结合',
    back: '返回查询',
    perUnit: '元/{{unit}}',
    noServices: '暂无服务项目',
  },
};
export type Messages = typeof zhCN;
