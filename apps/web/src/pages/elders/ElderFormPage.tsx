import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ageOn,
  DISABILITY_GRADES,
  ELDER_CATEGORIES,
  LIVING_ARRANGEMENTS,
  parseResidentId,
} from '@yiyang/domain';
import type { ElderDto } from '@yiyang/contracts';
import { api, ApiError, fieldErrors } from '../../api/client';
import { changedFields, useVersionConflict } from '../../api/version-conflict';
import { useMe } from '../../api/session';
import { useSubmissionKey } from '../../api/submission-key';
import { RegionSelect } from '../../components/RegionSelect';
import { VersionConflictAlert } from '../../components/VersionConflictAlert';
import { todayInShanghai } from '../../format';

const PROVINCE = '150000000000';
const DIRECT_FIELDS = [
  'name',
  'phone',
  'regionCode',
  'address',
  'lat',
  'lng',
  'livingArrangement',
  'chronicConditions',
  'dementiaDiagnosed',
  'dementiaDiagnosedOn',
  'familyDoctorSigned',
  'familyDoctorInstitution',
  'contacts',
  'notes',
] as const;

/** What the identity number says, or why it is wrong, while it is typed. */
function IdNumberHint({ value }: { value?: string }) {
  const { t } = useTranslation();
  if (!value || value.length < 15) return null;
  const today = todayInShanghai();
  const parsed = parseResidentId(value, today);
  if (!parsed.ok)
    return (
      <Typography.Text type="danger" data-testid="id-hint">
        {t(`elders.idInvalid.${parsed.problem}`)}
      </Typography.Text>
    );
  const { birthDate, sex } = parsed.value;
  return (
    <Typography.Text type="success" data-testid="id-hint">
      {t('elders.derived', { birthDate, sex: t(`sex.${sex}`), age: ageOn(birthDate, today) })}
    </Typography.Text>
  );
}

type FormValues = Record<string, unknown> & { dementiaDiagnosedOn?: Dayjs | null };

export function ElderFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data: me } = useMe();
  const [form] = Form.useForm<FormValues>();
  const [loaded, setLoaded] = useState<ElderDto | null>(null);
  const [busy, setBusy] = useState(false);
  const submission = useSubmissionKey();
  const conflict = useVersionConflict<ElderDto>();
  const idNumber = Form.useWatch('idNumber', form) as string | undefined;
  const categories = (Form.useWatch('categories', form) as string[] | undefined) ?? [];

  const show = useCallback(
    (e: ElderDto) => {
      setLoaded(e);
      form.setFieldsValue({
        ...e,
        dementiaDiagnosedOn: e.dementiaDiagnosedOn ? dayjs(e.dementiaDiagnosedOn) : null,
      });
    },
    [form],
  );
  useEffect(() => {
    if (id) void api<ElderDto>(`/api/v1/elders/${id}`).then(show);
  }, [id, show]);
  if (!me) return null;

  const submit = async (values: FormValues) => {
    const body: Record<string, unknown> = {
      ...values,
      dementiaDiagnosedOn: values.dementiaDiagnosedOn
        ? values.dementiaDiagnosedOn.format('YYYY-MM-DD')
        : null,
    };
    for (const [k, v] of Object.entries(body))
      if (v === undefined || v === '') body[k] = k === 'phone' || k === 'notes' ? null : undefined;
    setBusy(true);
    try {
      if (loaded) {
        // Only what changed since it was read: masked phones that were not retyped are not sent
        // back, and fields someone else changed meanwhile keep their value.
        const changed = changedFields(body, loaded, DIRECT_FIELDS);
        if (Object.keys(changed).length)
          await api(`/api/v1/elders/${loaded.id}`, {
            method: 'PATCH',
            body: { ...changed, version: conflict.versionFor(loaded) },
          });
        message.success(t('elders.saved'));
        navigate(`/elders/${loaded.id}`);
      } else {
        const created = await api<ElderDto>('/api/v1/elders', {
          method: 'POST',
          body,
          idempotencyKey: submission.for(body),
        });
        submission.done();
        message.success(t('elders.created'));
        navigate(`/elders/${created.id}`);
      }
    } catch (e) {
      const fields = fieldErrors(e);
      if (conflict.caught(e)) window.scrollTo({ top: 0 });
      else if (fields.length) form.setFields(fields as never);
      else if (e instanceof ApiError) message.error(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={loaded ? `${t('elders.edit')} · ${loaded.name}` : t('elders.create')}>
      {conflict.current && (
        <VersionConflictAlert
          onLoad={() => {
            show(conflict.current!);
            conflict.clear();
          }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          livingArrangement: 'with_spouse',
          categories: [],
          contacts: [],
          chronicConditions: [],
          dementiaDiagnosed: false,
          familyDoctorSigned: false,
        }}
      >
        <Row gutter={16}>
          {!loaded && (
            <Col xs={24} md={12}>
              <Form.Item
                name="idNumber"
                label={t('elders.idNumber')}
                rules={[{ required: true }]}
                extra={<IdNumberHint value={idNumber} />}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('elders.name')} rules={[{ required: true, max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('elders.phone')}>
              <Input />
            </Form.Item>
          </Col>
          {!loaded && (
            <Col xs={24} md={12}>
              <Form.Item name="hukouRegionCode" label={t('elders.hukou')} rules={[{ required: true }]}>
                <RegionSelect root={PROVINCE} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('elders.region')} rules={[{ required: true }]}>
              <RegionSelect root={me.regionCode} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={t('elders.address')} rules={[{ required: true, max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lat" label={t('elders.lat')}>
              <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lng" label={t('elders.lng')}>
              <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="livingArrangement" label={t('elders.living')} rules={[{ required: true }]}>
              <Select options={LIVING_ARRANGEMENTS.map((l) => ({ value: l, label: t(`living.${l}`) }))} />
            </Form.Item>
          </Col>
          {!loaded ? (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="categories" label={t('elders.categories')}>
                  <Select
                    mode="multiple"
                    options={ELDER_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
                  />
                </Form.Item>
              </Col>
              {categories.includes('disabled_cert') && (
                <Col xs={24} md={12}>
                  <Form.Item
                    name="disabilityGrade"
                    label={t('elders.disabilityGrade')}
                    rules={[{ required: true }]}
                  >
                    <Select options={DISABILITY_GRADES.map((g) => ({ value: g, label: g }))} />
                  </Form.Item>
                </Col>
              )}
            </>
          ) : (
            <Col span={24}>
              <Alert type="info" showIcon title={t('elders.approvalHint')} style={{ marginBottom: 16 }} />
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="chronicConditions" label={t('elders.chronic')}>
              <Select mode="tags" tokenSeparators={[',', '，']} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="dementiaDiagnosed" label={t('elders.dementia')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="dementiaDiagnosedOn" label={t('elders.dementiaOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="familyDoctorSigned" label={t('elders.familyDoctor')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={18}>
            <Form.Item name="familyDoctorInstitution" label={t('elders.institution')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('elders.contacts')}</Typography.Title>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('elders.contactName')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'relation']} rules={[{ required: true }]}>
                    <Input placeholder={t('elders.relation')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']} rules={[{ required: true }]}>
                    <Input placeholder={t('elders.phone')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'guardian']} valuePropName="checked" initialValue={false}>
                    <Checkbox>{t('elders.guardian')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() => add()}
                icon={<PlusOutlined />}
                style={{ marginBottom: 16 }}
              >
                {t('elders.addContact')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="notes" label={t('elders.notes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {!loaded && (
          <Form.Item name="allowUnderAge" valuePropName="checked">
            <Checkbox>{t('elders.allowUnderAge')}</Checkbox>
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="elder-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
