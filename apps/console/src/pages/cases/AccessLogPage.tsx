import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { formatDateTime, type Lang } from '../../format';
import { useAgencyNames } from '../../agencies';
import { useAccessLog, type AccessLogEntry, type AccessLogFilter } from './cases';
import { WideTable } from '../../WideTable';
import { ShortIdLink } from '../../ShortIdLink';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The directory's display names, under the users screen's query key and shape; a username stands for itself otherwise. */
function useDisplayNames(): (username: string) => string | null {
  const users = useQuery({
    queryKey: ['users'],
    staleTime: 60_000,
    retry: false,
    queryFn: () => unwrap<{ users: Array<{ username: string; displayName: string }> }>(api.GET('/api/v1/users')),
  });
  return (username) => users.data?.users.find((u) => u.username === username)?.displayName ?? null;
}

/**
 * The auditors' log of access to personal data: every read (who, agency, role, which case, when in
 * Bangkok time, on what ground and for what purpose) and every temporary grant auditors took.
 */
export default function AccessLogPage({ navigate }: { navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [filter, setFilter] = useState<AccessLogFilter>({});
  const [form] = Form.useForm<{ caseId?: string; actor?: string }>();
  const log = useAccessLog(filter, true);
  const agencyName = useAgencyNames();
  const displayName = useDisplayNames();
  const apply = (v: { caseId?: string; actor?: string }) =>
    setFilter({
      ...(v.caseId?.trim() ? { caseId: v.caseId.trim() } : {}),
      ...(v.actor?.trim() ? { actor: v.actor.trim() } : {}),
    });
  return (
    <section aria-labelledby="access-log-title">
      <a href="#/cases" onClick={(e) => (e.preventDefault(), navigate('/cases'))}>
        ← {t('cases.accessLog.back')}
      </a>
      <Typography.Title level={1} id="access-log-title" style={{ fontSize: 24, marginTop: 8 }}>
        {t('cases.accessLog.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('cases.accessLog.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        name="access-log-filter"
        onFinish={apply}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item
          label={t('cases.accessLog.caseFilter')}
          name="caseId"
          rules={[{ pattern: UUID, message: t('cases.accessLog.caseFilterInvalid') }]}
        >
          <Input style={{ width: 330, maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('cases.accessLog.actorFilter')}
          name="actor"
          rules={[{ max: 200, message: t('cases.length', { min: 1, max: 200 }) }]}
        >
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('cases.accessLog.apply')}
          </Button>
          <Button onClick={() => (form.resetFields(), setFilter({}))}>{t('cases.accessLog.clear')}</Button>
        </Space>
      </Form>
      {log.error && (
        <Alert
          type="error"
          role="alert"
          title={log.error instanceof ApiError ? log.error.text(lang) : t('common.error')}
          style={{ marginBottom: 12 }}
          data-testid="access-log-error"
        />
      )}
      {!log.error && (
        <WideTable label={t('cases.accessLog.title')} minWidth={1000}>
          <Table<AccessLogEntry>
            rowKey="eventId"
            loading={log.isLoading}
            // Newest first: an auditor looks for what just happened.
            dataSource={[...(log.data ?? [])].reverse()}
            locale={{ emptyText: t('cases.accessLog.empty') }}
            pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="access-log"
            columns={[
              {
                title: t('cases.accessLog.at'),
                dataIndex: 'at',
                width: 170,
                render: (d: string) => formatDateTime(d, lang),
              },
              {
                title: t('cases.accessLog.who'),
                render: (_, e) => (
                  <span>
                    {displayName(e.actorId) ? `${displayName(e.actorId)} (${e.actorId})` : e.actorId}
                    <br />
                    <Typography.Text type="secondary">
                      {t(`roles.${e.role}`)} · {agencyName(e.agency, lang)}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                title: t('cases.accessLog.case'),
                dataIndex: 'caseId',
                width: 100,
                render: (id: string) => <ShortIdLink kind="cases" id={id} navigate={navigate} />,
              },
              {
                title: t('cases.accessLog.kind'),
                width: 170,
                render: (_, e) => (
                  <span>
                    {t(`cases.accessLog.kinds.${e.kind}`)}
                    {e.until && (
                      <>
                        <br />
                        <Typography.Text type="secondary">
                          {t('cases.accessLog.until', { until: formatDateTime(e.until, lang) })}
                        </Typography.Text>
                      </>
                    )}
                  </span>
                ),
              },
              {
                title: t('cases.accessLog.purpose'),
                dataIndex: 'purpose',
                render: (p: string) => <span style={{ overflowWrap: 'anywhere' }}>{p}</span>,
              },
              {
                title: t('cases.accessLog.ground'),
                dataIndex: 'ground',
                width: 170,
                render: (g: string | null) => (g ? t(`cases.reveal.grounds.${g}`) : '—'),
              },
            ]}
          />
        </WideTable>
      )}
    </section>
  );
}
