import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { grantableRoles, PROVIDER_ROLES, type Role } from '@yiyang/domain';
import {
  createUserBody,
  usersEndpoints,
  type SessionUserDto,
  type UpdateUserBody,
  type UserDto,
} from '@yiyang/contracts';
import { ApiError, fieldErrors } from '../../api/client';
import { useEndpointMutation } from '../../api/endpoints';
import { schemaRules } from '../../api/schema-rules';
import { changedFields, useVersionConflict } from '../../api/version-conflict';
import { VersionConflictAlert } from '../../components/VersionConflictAlert';
import { passwordRule } from '../../components/password-rule';
import { RegionSelect } from '../../components/RegionSelect';
import { StaffSelect } from './StaffSelect';

const EDITABLE = ['displayName', 'role', 'regionCode', 'providerId', 'staffId'] as const;

/** Create a user (with an initial password) or edit one (name, role, region, provider, staff record). */
export function UserFormModal(props: {
  me: SessionUserDto;
  user: UserDto | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const role = Form.useWatch<Role | undefined>('role', form);
  const providerId = Form.useWatch<string | undefined>('providerId', form);
  const editing = props.user !== null;
  const conflict = useVersionConflict<UserDto>();
  const { clear } = conflict;
  const create = useEndpointMutation(usersEndpoints.create);
  const update = useEndpointMutation(usersEndpoints.update);
  const rules = (field: keyof typeof createUserBody.shape) => schemaRules(createUserBody, field);

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      clear();
      if (props.user) form.setFieldsValue(props.user);
    }
  }, [props.open, props.user, form, clear]);

  const submit = async () => {
    const values = await form.validateFields();
    const body = {
      ...values,
      providerId: PROVIDER_ROLES.includes(values.role) ? values.providerId : null,
      // Only a caregiver account names its staff record.
      staffId: values.role === 'caregiver' ? (values.staffId ?? null) : null,
    };
    try {
      if (editing) {
        // Only what the user changed, so a save after a conflict keeps the other person's changes.
        const changed = changedFields(body, props.user!, EDITABLE) as Omit<UpdateUserBody, 'version'>;
        if (Object.keys(changed).length)
          await update.mutateAsync({
            params: { id: props.user!.id },
            body: { ...changed, version: conflict.versionFor(props.user!) },
          });
        message.success(t('users.saved'));
      } else {
        await create.mutateAsync({ body });
        message.success(t('users.created'));
      }
      props.onSaved();
    } catch (e) {
      const fields = fieldErrors(e);
      if (conflict.caught(e)) return;
      if (fields.length) form.setFields(fields);
      else if (e instanceof ApiError) message.error(e.message);
    }
  };

  return (
    <Modal
      title={editing ? t('users.edit') : t('users.create')}
      open={props.open}
      onCancel={props.onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {conflict.current && (
        <VersionConflictAlert
          onLoad={() => {
            form.setFieldsValue(conflict.current!);
          }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        // Another provider's staff are not this account's: a new provider clears the choice.
        onValuesChange={(changed: { providerId?: string }) => {
          if ('providerId' in changed) form.setFieldValue('staffId', null);
        }}
      >
        <Form.Item name="username" label={t('users.username')} rules={rules('username')}>
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={rules('displayName')}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={rules('role')}>
          <Select options={grantableRoles(props.me.role).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('users.region')} rules={rules('regionCode')}>
          <RegionSelect root={props.me.regionCode} />
        </Form.Item>
        {role && PROVIDER_ROLES.includes(role) && (
          <Form.Item
            name="providerId"
            label={t('users.provider')}
            rules={schemaRules(createUserBody, 'providerId', { required: true })}
          >
            <Input />
          </Form.Item>
        )}
        {role === 'caregiver' && (
          <Form.Item name="staffId" label={t('users.staff')}>
            <StaffSelect providerId={providerId} placeholder={t('users.staffNone')} />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item
            name="password"
            label={t('users.password')}
            rules={[...rules('password'), passwordRule(t, () => form.getFieldValue('username'))]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
