/** The account module's texts (i18next namespace "account"). */
export const zhCN = {
  account: {
    title: '修改密码',
    current: '当前密码',
    next: '新密码',
    confirm: '确认新密码',
    mismatch: '两次输入的新密码不一致',
    done: '密码已修改',
    forced: '您的密码由管理员设置，请先修改密码后再使用系统。',
  },
};
export type Messages = typeof zhCN;
