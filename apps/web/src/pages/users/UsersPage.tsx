import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { ListFilters, LoadMore } from '../../components/ListFilters';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { passwordProblem, ROLES } from '@yiyang/domain';
import { usersEndpoints, type ListUsersQuery, type UserDto } from '@yiyang/contracts';
import { ApiError } from '../../api/client';
import { call, useEndpointList } from '../../api/endpoints';
import { conflictCurrent } from '../../api/version-conflict';
import { useCan, useMe } from '../../api/session';
import { RegionSelect } from '../../components/RegionSelect';
import { formatDateTime } from '../../format';
import { UserFormModal } from './UserFormModal';

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const can = useCan();
  const [filters, setFilters] = useState<Omit<ListUsersQuery, 'limit'>>({});
  const [editing, setEditing] = useState<UserDto | null | undefined>(undefined);
  const list = useEndpointList(usersEndpoints.list, { query: filters });
  const [filterForm] = Form.useForm();
  if (!me) return null;
  const writable = can('users:write');

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      await list.refetch();
    } catch (e) {
      if (e instanceof ApiError) message.error(e.message);
      // Someone else changed the user: show them as they are now.
      if (conflictCurrent(e)) await list.refetch();
    }
  };

  const resetPassword = (user: UserDto) => {
    let value = '';
    Modal.confirm({
      title: `${t('users.resetPassword')} · ${user.username}`,
      content: (
        <Input.Password
          placeholder={t('users.newPassword')}
          onChange={(e) => (value = e.target.value)}
          autoComplete="new-password"
        />
      ),
      onOk: async () => {
        const problem = passwordProblem(value, user.username);
        if (problem) {
          message.error(t(`password.${problem}`));
          throw new Error(problem);
        }
        await act(
          () => call(usersEndpoints.resetPassword, { params: { id: user.id }, body: { newPassword: value } }),
          t('users.resetDone'),
        );
      },
    });
  };

  return (
    <Card
      title={t('users.title')}
      extra={
        writable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        )
      }
    >
      <ListFilters form={filterForm} onSearch={(v) => setFilters(v)} onReset={() => setFilters({})}>
        <Form.Item name="q">
          <Input placeholder={t('users.keyword')} allowClear />
        </Form.Item>
        <Form.Item name="role">
          <Select
            placeholder={t('users.role')}
            allowClear
            style={{ width: 180 }}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            placeholder={t('users.status')}
            allowClear
            style={{ width: 120 }}
            options={[
              { value: 'active', label: t('users.active') },
              { value: 'disabled', label: t('users.disabled') },
            ]}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <RegionSelect root={me.regionCode} allowClear placeholder={t('users.region')} />
        </Form.Item>
      </ListFilters>
      <Table<UserDto>
        rowKey="id"
        data-testid="users-table"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}`) },
          { title: t('users.region'), dataIndex: 'regionName' },
          {
            title: t('users.status'),
            render: (_, u) => (
              <Space size={4}>
                <Tag color={u.status === 'active' ? 'green' : 'default'}>{t(`users.${u.status}`)}</Tag>
                {u.lockedUntil && <Tag color="red">{t('users.locked')}</Tag>}
                {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
              </Space>
            ),
          },
          { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: formatDateTime },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, u: UserDto) =>
                    u.id === me.id ? null : (
                      <Space size={0} wrap>
                        <Button type="link" size="small" onClick={() => setEditing(u)}>
                          {t('common.edit')}
                        </Button>
                        <Button type="link" size="small" onClick={() => resetPassword(u)}>
                          {t('users.resetPassword')}
                        </Button>
                        {u.lockedUntil && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() =>
                              act(
                                () => call(usersEndpoints.unlock, { params: { id: u.id } }),
                                t('users.unlocked'),
                              )
                            }
                          >
                            {t('users.unlock')}
                          </Button>
                        )}
                        <Button
                          type="link"
                          size="small"
                          danger={u.status === 'active'}
                          onClick={() =>
                            act(
                              () =>
                                call(usersEndpoints.update, {
                                  params: { id: u.id },
                                  body: {
                                    status: u.status === 'active' ? 'disabled' : 'active',
                                    version: u.version,
                                  },
                                }),
                              t('users.saved'),
                            )
                          }
                        >
                          {u.status === 'active' ? t('users.disable') : t('users.enable')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <LoadMore list={list} />
      <UserFormModal
        me={me}
        user={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          // The save marked the list stale (useEndpointMutation): it reloads by itself.
          setEditing(undefined);
        }}
      />
    </Card>
  );
}
