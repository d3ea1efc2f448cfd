/** The login module's texts (i18next namespace "login"). */
export const zhCN = {
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    required: '请输入{{field}}',
    hint: '演示账号和密码在服务启动时打印在控制台',
  },
};
export type Messages = typeof zhCN;
