import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPERATING_STATUSES, OWNERSHIPS, PROVIDER_KINDS } from '@yiyang/domain';
import { PROVIDER_GATED_FIELDS, type CreateProviderBody, type ProviderDto } from '@yiyang/contracts';
import { api, ApiError, fieldErrors } from '../../api/client';
import { changedFields, useVersionConflict } from '../../api/version-conflict';
import { VersionConflictAlert } from '../../components/VersionConflictAlert';
import { useMe } from '../../api/session';
import { RegionSelect } from '../../components/RegionSelect';

type Values = Omit<CreateProviderBody, 'creditCode'> & { creditCode?: string; requestReason?: string };

/** Registers a provider (officials) or changes its profile; filing and grade are not here. */
export function ProviderFormModal(props: {
  open: boolean;
  provider?: ProviderDto;
  onClose: () => void;
  onSaved: (p: ProviderDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const editing = !!props.provider;
  const ownProvider = !!me?.providerId;
  const conflict = useVersionConflict<ProviderDto>();

  /** Only what the user changed, so a save after a conflict keeps the other person's changes. */
  const patch = async (read: ProviderDto, changed: Record<string, unknown>) =>
    Object.keys(changed).length
      ? api<ProviderDto>(`/api/v1/providers/${read.id}`, {
          method: 'PATCH',
          body: { ...changed, version: conflict.versionFor(read) },
        })
      : read;

  /**
   * A provider manager's edit: operational facts are saved at once, changed registration facts
   * go to the district office as a change request (with the reason given).
   */
  const submitOwn = async ({ requestReason, creditCode: _code, ...values }: Values) => {
    const current = props.provider!;
    const isGated = (k: string) => (PROVIDER_GATED_FIELDS as readonly string[]).includes(k);
    const keys = Object.keys(values) as (keyof typeof values)[];
    const changedGated = changedFields(values, current, keys.filter(isGated));
    form.setFields([{ name: 'requestReason', errors: [] }]);
    if (Object.keys(changedGated).length && !requestReason?.trim()) {
      form.setFields([{ name: 'requestReason', errors: [t('providers.requestReasonRequired')] }]);
      return;
    }
    // The request first: a refused request (one already pending, a value the rules refuse)
    // stops here with nothing saved; the operational save after it stands on its own.
    if (Object.keys(changedGated).length)
      await api(`/api/v1/providers/${current.id}/change-requests`, {
        method: 'POST',
        body: { changes: changedGated, reason: requestReason },
      });
    const saved = await patch(
      current,
      changedFields(
        values,
        current,
        keys.filter((k) => !isGated(k)),
      ),
    );
    message.success(t(Object.keys(changedGated).length ? 'providers.changeRequested' : 'providers.saved'));
    conflict.clear();
    props.onSaved(saved);
  };

  const submit = async (values: Values) => {
    try {
      if (editing && ownProvider) return await submitOwn(values);
      const keys = (Object.keys(values) as (keyof Values)[]).filter((k) => k !== 'creditCode');
      const saved = props.provider
        ? await patch(props.provider, changedFields(values, props.provider, keys))
        : await api<ProviderDto>('/api/v1/providers', { method: 'POST', body: values });
      conflict.clear();
      message.success(t('providers.saved'));
      props.onSaved(saved);
    } catch (err) {
      const fields = fieldErrors(err);
      if (conflict.caught(err)) return;
      if (fields.length) form.setFields(fields as never);
      else if (err instanceof ApiError) message.error(err.message);
    }
  };
  const number = (name: keyof Values, label: string) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={label} rules={[{ required: true }]}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      open={props.open}
      width={820}
      title={editing ? props.provider!.name : t('providers.new')}
      onCancel={() => {
        conflict.clear();
        props.onClose();
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {conflict.current && (
        <VersionConflictAlert onLoad={() => form.setFieldsValue(conflict.current as never)} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          props.provider ?? {
            kind: 'community_station',
            ownership: 'public_private',
            serviceRadiusM: 1500,
            bedsTotal: 0,
            bedsNursing: 0,
            bedsOccupied: 0,
            operatingStatus: 'operating',
          }
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('providers.name')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label={t('providers.creditCode')} rules={[{ required: !editing }]}>
              <Input maxLength={18} disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="kind" label={t('providers.kind')} rules={[{ required: true }]}>
              <Select options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providerKind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="ownership" label={t('providers.ownership')} rules={[{ required: true }]}>
              <Select options={OWNERSHIPS.map((k) => ({ value: k, label: t(`ownership.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="operatingStatus" label={t('providers.operatingStatus')}>
              <Select
                options={OPERATING_STATUSES.map((k) => ({ value: k, label: t(`operatingStatus.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="legalRepresentative"
              label={t('providers.legalRepresentative')}
              rules={[{ required: true }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="regionCode" label={t('providers.region')} rules={[{ required: true }]}>
              {me && <RegionSelect root={me.regionCode} />}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={t('providers.address')} rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lat" label={t('providers.lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lng" label={t('providers.lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="openingHours" label={t('providers.openingHours')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="phone" label={t('providers.phone')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="serviceRadiusM" label={t('providers.serviceRadius')}>
              <InputNumber min={100} max={50000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {number('bedsTotal', t('providers.bedsTotal'))}
          {number('bedsNursing', t('providers.bedsNursing'))}
          {number('bedsOccupied', t('providers.bedsOccupied'))}
          <Col xs={24}>
            <Form.Item name="description" label={t('providers.description')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
          {editing && ownProvider && (
            <Col xs={24}>
              <Form.Item
                name="requestReason"
                label={t('providers.requestReason')}
                extra={t('providers.registrationByRequest')}
              >
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
