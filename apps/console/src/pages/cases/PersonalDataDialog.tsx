import { useMutation } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth';
import { formatDate, formatDateTime, type Lang } from '../../format';
import { noteWrittenPosition } from '../../live';
import { grantAuditAccess, PURPOSE_MAX, PURPOSE_MIN, readPersonalData, shortId, type PersonalDataView } from './cases';

const SUGGESTIONS = ['service', 'medical', 'interview', 'documents', 'legal'] as const;

/**
 * "Show personal data": the purpose first (the API records it with the read, and refuses a read
 * without one), then the person as the API answered. The answer lives in this dialog's mutation
 * only (never in the query cache, nor in storage; the API sends Cache-Control: no-store), and is
 * dropped when the dialog closes. An auditor without a grant may record a reason and take one.
 */
export function PersonalDataDialog({ caseId, open, onClose }: { caseId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const [form] = Form.useForm<{ purpose: string }>();
  const [grantForm] = Form.useForm<{ reason: string }>();
  // gcTime 0: once reset, nothing of the answer stays in the mutation cache either.
  const read = useMutation({ mutationFn: (purpose: string) => readPersonalData(caseId, purpose), gcTime: 0 });
  const grant = useMutation({
    mutationFn: (reason: string) => grantAuditAccess(caseId, reason),
    gcTime: 0,
    onSuccess: (answer) => noteWrittenPosition(answer.position),
  });

  const close = () => {
    read.reset();
    grant.reset();
    form.resetFields();
    grantForm.resetFields();
    onClose();
  };
  const refused = read.error instanceof ApiError ? read.error : null;
  const auditorWithoutGrant =
    user?.role === 'auditor' && refused?.problem.code === 'PERSONAL_DATA.NOT_PERMITTED' && !grant.isSuccess;
  const purpose = (value: string) => value.trim();

  return (
    <Modal
      open={open}
      title={t('cases.reveal.title', { id: shortId(caseId) })}
      onCancel={close}
      destroyOnHidden
      width={720}
      footer={
        <Space wrap>
          <Button onClick={close} data-testid="reveal-close">
            {t('cases.reveal.close')}
          </Button>
          {!read.data && (
            <Button type="primary" onClick={() => form.submit()} loading={read.isPending} data-testid="reveal-submit">
              {t('cases.reveal.submit')}
            </Button>
          )}
        </Space>
      }
    >
      {!read.data && (
        <>
          <Typography.Paragraph>{t('cases.reveal.intro')}</Typography.Paragraph>
          {refused && !auditorWithoutGrant && (
            <Alert
              type="error"
              role="alert"
              title={refused.text(lang)}
              style={{ marginBottom: 12 }}
              data-testid="reveal-error"
            />
          )}
          <Form
            form={form}
            layout="vertical"
            name="personal-data-purpose"
            onFinish={(v) => read.mutate(purpose(v.purpose))}
          >
            <Form.Item
              label={t('cases.reveal.purpose')}
              name="purpose"
              extra={t('cases.reveal.purposeHelp')}
              rules={[
                { required: true, whitespace: true, message: t('cases.reveal.purposeRequired') },
                // The API trims, then asks 3 to 500 characters (ReadPersonalDataDto).
                {
                  validator: (_, v: string | undefined) =>
                    !v || !v.trim() || (v.trim().length >= PURPOSE_MIN && v.trim().length <= PURPOSE_MAX)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('cases.length', { min: PURPOSE_MIN, max: PURPOSE_MAX }))),
                },
              ]}
            >
              <AutoComplete
                options={SUGGESTIONS.map((s) => ({ value: t(`cases.reveal.suggestions.${s}`) }))}
                filterOption={(typed, option) =>
                  String(option?.value ?? '')
                    .toLowerCase()
                    .includes(typed.trim().toLowerCase())
                }
                data-testid="reveal-purpose"
              >
                <Input autoComplete="off" maxLength={PURPOSE_MAX + 50} />
              </AutoComplete>
            </Form.Item>
          </Form>
          {auditorWithoutGrant && (
            <div data-testid="audit-grant">
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('cases.reveal.grantTitle')}
              </Typography.Title>
              <Typography.Paragraph>{t('cases.reveal.grantHelp')}</Typography.Paragraph>
              {grant.error && (
                <Alert
                  type="error"
                  role="alert"
                  title={grant.error instanceof ApiError ? grant.error.text(lang) : t('common.error')}
                  style={{ marginBottom: 12 }}
                />
              )}
              <Form
                form={grantForm}
                layout="vertical"
                name="audit-grant"
                onFinish={(v) => grant.mutate(v.reason.trim())}
              >
                <Form.Item
                  label={t('cases.reveal.grantReason')}
                  name="reason"
                  rules={[
                    { required: true, whitespace: true, message: t('cases.required') },
                    { min: 3, max: 2000, message: t('cases.length', { min: 3, max: 2000 }) },
                  ]}
                >
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button htmlType="submit" loading={grant.isPending}>
                  {t('cases.reveal.grantSubmit')}
                </Button>
              </Form>
            </div>
          )}
          {grant.data && (
            <Alert
              type="success"
              role="status"
              title={t('cases.reveal.granted', { until: formatDateTime(grant.data.until, lang) })}
              style={{ marginTop: 12 }}
            />
          )}
        </>
      )}
      {read.data && <PersonView view={read.data} purpose={read.variables ?? ''} />}
    </Modal>
  );
}

function PersonView({ view, purpose }: { view: PersonalDataView; purpose: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const p = view.person;
  const item = (key: string, value: string | undefined | null) =>
    value ? (
      <Descriptions.Item key={key} label={t(`cases.person.${key}`)}>
        {value}
      </Descriptions.Item>
    ) : null;
  return (
    <div data-testid="personal-data">
      <Alert
        type="info"
        role="status"
        showIcon
        title={t('cases.reveal.recorded', {
          ground: t(`cases.reveal.grounds.${view.ground}`),
          at: formatDateTime(view.readAt, lang),
          purpose,
        })}
        description={t('cases.reveal.notCached')}
        style={{ marginBottom: 12 }}
      />
      <Descriptions column={1} size="small" bordered>
        {item('givenName', p.givenName)}
        {item('familyName', p.familyName)}
        {item('otherNames', p.otherNames?.join(', '))}
        {item('dateOfBirth', p.dateOfBirth ? formatDate(p.dateOfBirth, lang) : null)}
        {item('sex', p.sex ? t(`cases.person.sexes.${p.sex}`) : null)}
        {item('nationality', p.nationality)}
        {item('languages', p.languages?.join(', '))}
        {item('phone', p.contact?.phone)}
        {item('address', p.contact?.address)}
        {item(
          'identityDocuments',
          p.identityDocuments?.map((d) => `${t(`cases.person.documents.${d.kind}`)} ${d.number}`).join(', '),
        )}
        {item('notes', p.notes)}
      </Descriptions>
    </div>
  );
}
