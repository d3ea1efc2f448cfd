/** The home module's texts (i18next namespace "home"). */
export const zhCN = {
  menu: {
    home: '工作台',
  },
  home: {
    welcome: '{{name}}，您好',
    todos: '我的待办',
    open: '去处理',
    nothingToDo: '暂无待办',
    loadFailed: '待办加载失败',
    clear: '以下事项暂无待办',
    retry: '重试',
  },
};
export type Messages = typeof zhCN;
