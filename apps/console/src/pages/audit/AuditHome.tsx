import { Alert, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { fiscalYearLabel, formatDateTime, type Lang } from '../../format';
import type { PlanSummary } from '../../types';
import { usePlans } from './auditApi';
import { auditPath } from './route';
import { VerificationCard } from './VerificationCard';
import { WideTable } from '../../WideTable';

/** Where an audit starts: the plans to replay, and whether the log is still whole. */
export function AuditHome({ navigate }: { navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const plans = usePlans();
  return (
    <section aria-labelledby="audit-title">
      <Typography.Title level={1} id="audit-title" style={{ fontSize: 24 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('audit.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={<h2 className="card-heading">{t('audit.plans.title')}</h2>}>
            {plans.error && (
              <Alert
                type="error"
                title={plans.error instanceof ApiError ? plans.error.text(lang) : t('common.error')}
              />
            )}
            <WideTable label={t('audit.plans.title')} minWidth={640}>
              <Table<PlanSummary>
                rowKey="planId"
                loading={plans.isLoading}
                dataSource={plans.data ?? []}
                locale={{ emptyText: t('audit.plans.empty') }}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                data-testid="audit-plans"
                columns={[
                  {
                    title: t('audit.plan.fiscalYear'),
                    dataIndex: 'fiscalYear',
                    render: (y: number) => fiscalYearLabel(y, lang),
                    width: 140,
                  },
                  {
                    title: t('audit.plans.plan'),
                    render: (_, p) => {
                      const title = lang === 'en' && p.titleEn ? p.titleEn : p.titleTh;
                      return (
                        <a
                          href={`#${auditPath({ planId: p.planId, tab: 'history' })}`}
                          onClick={(e) => (
                            e.preventDefault(),
                            navigate(auditPath({ planId: p.planId, tab: 'history' }))
                          )}
                          aria-label={t('audit.plans.open', { title })}
                        >
                          {title}
                        </a>
                      );
                    },
                  },
                  {
                    title: t('audit.fields.status'),
                    dataIndex: 'status',
                    render: (s: string) => <Tag>{t(`status.${s}`)}</Tag>,
                    width: 130,
                  },
                  {
                    title: t('audit.plans.revisions'),
                    dataIndex: 'revision',
                    render: (r: number) => r + 1,
                    width: 90,
                    align: 'right',
                  },
                  {
                    title: t('audit.plans.latest'),
                    dataIndex: 'latestEventAt',
                    render: (d: string) => formatDateTime(d, lang),
                    width: 170,
                  },
                ]}
              />
            </WideTable>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <VerificationCard />
        </Col>
      </Row>
    </section>
  );
}
