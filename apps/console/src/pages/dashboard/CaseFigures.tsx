import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencyLabel, useAgencyNames } from '../../agencies';
import { api, ApiError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { districtName } from '../../districts';
import { formatBaht, formatCount, type Lang } from '../../format';
import { minPosition } from '../../live';
import { Published, publishedText, type PublishedTable } from './published';

type CaseDashboard = components['schemas']['CaseDashboardDto'];
type ReferralDashboard = components['schemas']['ReferralDashboardDto'];
type CommitmentDashboard = components['schemas']['CommitmentDashboardDto'];
type Resource = components['schemas']['CommitmentTotalsDto']['resource'];

/** The three de-identified dashboards of the case work; every role may read them. */
function useCaseDashboards() {
  const query = { params: { query: minPosition() as never } };
  return {
    cases: useQuery({
      queryKey: ['dashboard', 'cases'],
      queryFn: () => unwrap<CaseDashboard>(api.GET('/api/v1/dashboards/cases', query)),
    }),
    referrals: useQuery({
      queryKey: ['dashboard', 'referrals'],
      queryFn: () => unwrap<ReferralDashboard>(api.GET('/api/v1/dashboards/referrals', query)),
    }),
    commitments: useQuery({
      queryKey: ['dashboard', 'commitments'],
      queryFn: () => unwrap<CommitmentDashboard>(api.GET('/api/v1/dashboards/commitments', query)),
    }),
  };
}

const hours = (h: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 1 }).format(h);

/**
 * One cut of a dashboard as a small table: the cells the API shows, and one row for what the keys it
 * leaves out add up to (withheld under the small-count rule, so it reads "น้อยกว่า 5" or "ไม่เปิดเผย").
 */
function CutTable({
  id,
  title,
  keyTitle,
  table,
  name,
}: {
  id: string;
  title: string;
  keyTitle: string;
  table: PublishedTable;
  name: (key: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const rest = table.suppressedTotal;
  const rows = [
    ...table.rows.map((r) => ({ key: r.key, label: name(r.key), value: formatCount(r.count) })),
    ...(rest.count === 0
      ? []
      : [
          { key: '__rest', label: t('dashboard.otherKeys'), value: publishedText(rest, lang, t('dashboard.withheld')) },
        ]),
  ];
  return (
    <Table
      size="small"
      data-testid={id}
      pagination={false}
      title={() => <h3 className="card-heading">{title}</h3>}
      rowKey="key"
      dataSource={rows}
      locale={{ emptyText: <Typography.Text type="secondary">{t('dashboard.none')}</Typography.Text> }}
      columns={[
        { title: keyTitle, dataIndex: 'label' },
        {
          title: t('dashboard.count'),
          dataIndex: 'value',
          align: 'right',
          render: (v: string) => <span className="nowrap">{v}</span>,
        },
      ]}
    />
  );
}

/** Cases, referrals and agencies' pledges, de-identified: the small-count rule shows as words, never as a blank. */
export function CaseFigures() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const agencyName = useAgencyNames();
  const { cases, referrals, commitments } = useCaseDashboards();
  const error = cases.error ?? referrals.error ?? commitments.error;
  const quantity = (resource: Resource, n: number) =>
    resource === 'budget_satang' ? formatBaht(n) : `${formatCount(n)} ${t(`cases.units.${resource}`, { count: n })}`;
  const threshold = cases.data?.threshold ?? referrals.data?.threshold;
  return (
    <section aria-labelledby="case-figures-title" data-testid="case-figures" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="case-figures-title" style={{ fontSize: 20 }}>
        {t('dashboard.casesTitle')}
      </Typography.Title>
      {threshold !== undefined && (
        <Typography.Paragraph type="secondary">{t('dashboard.smallCountRule', { threshold })}</Typography.Paragraph>
      )}
      {error && <Alert type="error" title={error instanceof ApiError ? error.text(lang) : t('common.error')} />}
      {(cases.isLoading || referrals.isLoading || commitments.isLoading) && <Skeleton active />}
      <Row gutter={[16, 16]}>
        {cases.data && (
          <Col xs={24} xl={12}>
            <Card title={<h3 className="card-heading">{t('dashboard.cases')}</h3>}>
              <Statistic
                title={t('dashboard.casesTotal')}
                value={publishedText(cases.data.total, lang, t('dashboard.withheld'))}
                valueStyle={{ fontSize: 18 }}
                data-testid="cases-total"
              />
              <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
                <Col xs={24} md={12}>
                  <CutTable
                    id="cases-by-status"
                    title={t('dashboard.byCaseStatus')}
                    keyTitle={t('dashboard.keyStatus')}
                    table={cases.data.byStatus}
                    name={(k) => t(`cases.statuses.${k}`, { defaultValue: k })}
                  />
                </Col>
                <Col xs={24} md={12}>
                  <CutTable
                    id="cases-by-stage"
                    title={t('dashboard.byStage')}
                    keyTitle={t('dashboard.keyStage')}
                    table={cases.data.byStage}
                    name={(k) => t(`cases.stages.${k}`, { defaultValue: k })}
                  />
                </Col>
                <Col xs={24} md={12}>
                  <CutTable
                    id="cases-by-district"
                    title={t('dashboard.casesByDistrict')}
                    keyTitle={t('dashboard.district')}
                    table={cases.data.byDistrict}
                    name={(k) => districtName(k, lang)}
                  />
                </Col>
                <Col xs={24} md={12}>
                  <CutTable
                    id="cases-by-source"
                    title={t('dashboard.byCaseSource')}
                    keyTitle={t('dashboard.keySource')}
                    table={cases.data.bySource}
                    name={(k) => t(`cases.sources.${k}`, { defaultValue: k })}
                  />
                </Col>
                <Col xs={24} md={12}>
                  <CutTable
                    id="cases-by-age-group"
                    title={t('dashboard.byAgeGroup')}
                    keyTitle={t('dashboard.keyAgeGroup')}
                    table={cases.data.byAgeGroup}
                    name={(k) => t(`cases.ageGroups.${k}`, { defaultValue: k })}
                  />
                </Col>
              </Row>
            </Card>
          </Col>
        )}
        {referrals.data && (
          <Col xs={24} xl={12}>
            <Card title={<h3 className="card-heading">{t('dashboard.referrals')}</h3>}>
              <Row gutter={16}>
                <Col span={12}>
                  <Statistic
                    title={t('dashboard.referralsTotal')}
                    value={publishedText(referrals.data.total, lang, t('dashboard.withheld'))}
                    valueStyle={{ fontSize: 18 }}
                    data-testid="referrals-total"
                  />
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t('dashboard.overdueUnanswered')}
                    value={publishedText(referrals.data.overdueUnanswered, lang, t('dashboard.withheld'))}
                    valueStyle={{ fontSize: 18, color: referrals.data.overdueUnanswered.count ? '#b3261e' : undefined }}
                    data-testid="referrals-overdue"
                  />
                </Col>
              </Row>
              <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
                <Col xs={24} md={12}>
                  <CutTable
                    id="referrals-by-status"
                    title={t('dashboard.byReferralStatus')}
                    keyTitle={t('dashboard.keyStatus')}
                    table={referrals.data.byStatus}
                    name={(k) => t(`referrals.status.${k}`, { defaultValue: k })}
                  />
                </Col>
                <Col xs={24} md={12}>
                  <CutTable
                    id="referrals-by-service"
                    title={t('dashboard.byService')}
                    keyTitle={t('dashboard.keyService')}
                    table={referrals.data.byService}
                    name={(k) => t(`referrals.services.${k}`, { defaultValue: k })}
                  />
                </Col>
                <Col xs={24}>
                  <Table
                    size="small"
                    data-testid="time-to-accept"
                    pagination={false}
                    title={() => <h3 className="card-heading">{t('dashboard.timeToAccept')}</h3>}
                    rowKey="agency"
                    dataSource={referrals.data.timeToAcceptHours}
                    locale={{
                      emptyText: (
                        <Typography.Text type="secondary">
                          {t('dashboard.timeToAcceptNone', { threshold: referrals.data.threshold })}
                        </Typography.Text>
                      ),
                    }}
                    columns={[
                      {
                        title: t('dashboard.agency'),
                        dataIndex: 'agency',
                        render: (c: string) => <AgencyLabel code={c} name={agencyName(c, lang)} />,
                      },
                      {
                        title: t('dashboard.p50'),
                        dataIndex: 'p50',
                        align: 'right',
                        render: (h: number) => hours(h, lang),
                      },
                      {
                        title: t('dashboard.p90'),
                        dataIndex: 'p90',
                        align: 'right',
                        render: (h: number) => hours(h, lang),
                      },
                    ]}
                  />
                </Col>
              </Row>
            </Card>
          </Col>
        )}
        {commitments.data && (
          <Col xs={24}>
            <Card title={<h3 className="card-heading">{t('dashboard.commitments')}</h3>}>
              <Table
                size="small"
                data-testid="commitments-by-agency"
                pagination={false}
                rowKey={(r) => `${r.agency}/${r.resource}`}
                dataSource={[
                  ...commitments.data.projects.map((r) => ({
                    ...r,
                    to: 'projects' as const,
                    overdue: formatCount(r.overduePledges),
                  })),
                  ...commitments.data.cases.rows.map((r) => ({
                    ...r,
                    to: 'cases' as const,
                    overdue: publishedText(r.overduePledges, lang, t('dashboard.withheld')),
                  })),
                ]}
                locale={{ emptyText: <Typography.Text type="secondary">{t('dashboard.none')}</Typography.Text> }}
                columns={[
                  {
                    title: t('dashboard.agency'),
                    dataIndex: 'agency',
                    render: (c: string) => <AgencyLabel code={c} name={agencyName(c, lang)} />,
                  },
                  {
                    title: t('dashboard.pledgedTo'),
                    dataIndex: 'to',
                    render: (to: string) => t(`dashboard.pledgedTo_${to}`),
                  },
                  {
                    title: t('dashboard.resource'),
                    dataIndex: 'resource',
                    render: (r: Resource) => t(`cases.resources.${r}`, { defaultValue: r }),
                  },
                  {
                    title: t('dashboard.pledged'),
                    dataIndex: 'pledged',
                    align: 'right',
                    render: (n: number, r) => quantity(r.resource, n),
                  },
                  {
                    title: t('dashboard.fulfilled'),
                    dataIndex: 'fulfilled',
                    align: 'right',
                    render: (n: number, r) => quantity(r.resource, n),
                  },
                  { title: t('dashboard.overduePledges'), dataIndex: 'overdue', align: 'right' },
                ]}
              />
              {commitments.data.cases.withheldPledges.count !== 0 && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  {t('dashboard.withheldPledges')}{' '}
                  <Published count={commitments.data.cases.withheldPledges} testId="withheld-pledges" />
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        )}
      </Row>
    </section>
  );
}
