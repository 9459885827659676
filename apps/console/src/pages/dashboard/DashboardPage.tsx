import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Select, Skeleton, Statistic, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencyLabel } from '../../agencies';
import { api, ApiError, unwrap } from '../../api/client';
import { fiscalYearLabel, formatBaht, formatCount, satangToBaht, type Lang } from '../../format';
import { minPosition } from '../../live';
import type { DashboardCell, PlanDashboard, PlanSummary } from '../../types';
import { CaseReportsCard } from '../Reports';
import { WideTable } from '../../WideTable';
import { CaseFigures } from './CaseFigures';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/**
 * What every chart shares: the console's Thai font (SVG text otherwise falls back to a system
 * sans-serif, which on many machines has no Thai glyphs), and no grow-in animation, so that a
 * screenshot or a quick look shows the real figures, and motion-sensitive users see none.
 */
const CHART_BASE = { textStyle: { fontFamily: "'Sarabun', 'Noto Sans Thai', sans-serif" }, animation: false } as const;

/** The plan choice that means every plan of the fiscal year. */
const ALL_PLANS = 'all';

const label = (cell: DashboardCell, lang: Lang): string => (lang === 'en' ? cell.labelEn : cell.labelTh) ?? cell.key;

/**
 * The dashboards every role may read: a fiscal year's plans, or one plan of it (budget by strategy,
 * source, district and agency; the Fund; activities, participants and KPIs), then the case work
 * (cases, referrals with time to accept by agency, agencies' pledges) under the small-count rule.
 */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: () =>
      unwrap<{ plans: PlanSummary[] }>(api.GET('/api/v1/plans', { params: { query: minPosition() as never } })),
  });
  const years = [...new Set((plans.data?.plans ?? []).map((p) => p.fiscalYear))].sort((a, b) => b - a);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [planId, setPlanId] = useState<string>(ALL_PLANS);
  const year = chosen ?? years[0];
  const plansOfYear = (plans.data?.plans ?? []).filter((p) => p.fiscalYear === year);
  const onePlan = planId !== ALL_PLANS && plansOfYear.some((p) => p.planId === planId);
  const dashboard = useQuery({
    queryKey: ['dashboard', year, onePlan ? planId : ALL_PLANS],
    enabled: year !== undefined,
    queryFn: () =>
      onePlan
        ? unwrap<PlanDashboard>(
            api.GET('/api/v1/plans/{planId}/dashboard', {
              params: { path: { planId }, query: minPosition() as never },
            }),
          )
        : unwrap<PlanDashboard>(
            api.GET('/api/v1/dashboards/fiscal-years/{fiscalYear}', {
              params: { path: { fiscalYear: year }, query: minPosition() as never },
            }),
          ),
  });
  const d = dashboard.data;
  return (
    <section aria-labelledby="dashboard-title">
      <Typography.Title level={1} id="dashboard-title" style={{ fontSize: 24 }}>
        {t('dashboard.title')}
      </Typography.Title>
      {years.length > 0 && (
        <div>
          <label htmlFor="fiscal-year" style={{ marginRight: 8 }}>
            {t('dashboard.fiscalYear')}
          </label>
          <Select
            id="fiscal-year"
            style={{ width: 220, marginBottom: 16 }}
            value={year}
            onChange={(y) => {
              setChosen(y);
              setPlanId(ALL_PLANS);
            }}
            options={years.map((y) => ({ value: y, label: fiscalYearLabel(y, lang) }))}
            aria-label={t('dashboard.fiscalYear')}
          />
          <label htmlFor="dashboard-plan" style={{ margin: '0 8px 0 16px' }}>
            {t('dashboard.plan')}
          </label>
          <Select
            id="dashboard-plan"
            style={{ width: 360, maxWidth: '100%', marginBottom: 16 }}
            value={onePlan ? planId : ALL_PLANS}
            onChange={setPlanId}
            options={[
              { value: ALL_PLANS, label: t('dashboard.allPlans') },
              ...plansOfYear.map((p) => ({
                value: p.planId,
                label: lang === 'en' && p.titleEn ? p.titleEn : p.titleTh,
              })),
            ]}
            aria-label={t('dashboard.plan')}
            data-testid="dashboard-plan"
          />
        </div>
      )}
      {(plans.error || dashboard.error) && (
        <Alert
          type="error"
          title={
            (plans.error ?? dashboard.error) instanceof ApiError
              ? ((plans.error ?? dashboard.error) as ApiError).text(lang)
              : t('common.error')
          }
        />
      )}
      {(plans.isLoading || dashboard.isLoading) && <Skeleton active />}
      {!plans.isLoading && years.length === 0 && <Empty description={t('dashboard.noData')} />}
      {d && (
        <div
          data-testid="fiscal-year-dashboard"
          data-fiscal-year={d.fiscalYear}
          data-plan={onePlan ? planId : undefined}
        >
          <Row gutter={[16, 16]}>
            {(
              [
                ['budget', d.totals.budgetSatang],
                ['fundRequested', d.totals.fundRequestedSatang],
                ['fundApproved', d.totals.fundApprovedSatang],
                ['fundDisbursed', d.totals.fundDisbursedSatang],
                ['spent', d.totals.spentSatang],
              ] as const
            ).map(([key, value]) => (
              <Col xs={12} md={8} xl={4} key={key}>
                <Card size="small">
                  <Statistic
                    title={t(`dashboard.${key}`)}
                    value={formatBaht(value)}
                    valueStyle={{ fontSize: 18 }}
                    data-testid={`total-${key}`}
                  />
                </Card>
              </Col>
            ))}
            <Col xs={12} md={8} xl={4}>
              <Card size="small">
                {/* A plan's numbers count activities and KPIs, not people: the API withholds none of them, and neither does the console. */}
                <Statistic
                  title={t('dashboard.activities')}
                  value={`${formatCount(d.totals.activitiesDone)} / ${formatCount(d.totals.activitiesPlanned)}`}
                  valueStyle={{ fontSize: 18 }}
                  data-testid="total-activities"
                />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={6}>
              <Card size="small">
                <Statistic
                  title={t('dashboard.participants')}
                  value={`${formatCount(d.totals.participantsReached)} / ${formatCount(d.totals.participantsTarget)}`}
                  valueStyle={{ fontSize: 18 }}
                  data-testid="total-participants"
                />
              </Card>
            </Col>
            <Col xs={12} md={8} xl={6}>
              <Card size="small">
                <Statistic
                  title={t('dashboard.kpis')}
                  value={`${formatCount(d.totals.kpisAttained)} / ${formatCount(d.totals.kpis)}`}
                  valueStyle={{ fontSize: 18 }}
                  data-testid="total-kpis"
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <Card title={t('dashboard.byStrategy')}>
                <BudgetBars cells={d.byStrategy} lang={lang} colour="#1f5fa8" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('dashboard.activitiesByStrategy')}>
                <ReactEChartsCore
                  echarts={echarts}
                  style={{ height: 300 }}
                  opts={{ renderer: 'svg' }}
                  option={{
                    ...CHART_BASE,
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0, data: [t('dashboard.planned'), t('dashboard.done')] },
                    grid: { left: 110, right: 16, top: 32, bottom: 24 },
                    // Activities are counted whole.
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', data: d.byStrategy.map((c) => label(c, lang)) },
                    series: [
                      {
                        type: 'bar',
                        name: t('dashboard.planned'),
                        data: d.byStrategy.map((c) => c.activitiesPlanned),
                        itemStyle: { color: '#8c8c8c' },
                      },
                      {
                        type: 'bar',
                        name: t('dashboard.done'),
                        data: d.byStrategy.map((c) => c.activitiesDone),
                        itemStyle: { color: '#237804' },
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={t('dashboard.byDistrict')}>
                <BudgetBars cells={d.byDistrict} lang={lang} colour="#0b6767" />
                <CellTable
                  id="by-district"
                  cells={d.byDistrict}
                  lang={lang}
                  first={t('dashboard.district')}
                  region={t('dashboard.byDistrict')}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={t('dashboard.bySource')}>
                <ul className="plain-list">
                  {d.bySource.map((c) => (
                    <li key={c.key}>
                      {label(c, lang)}: <strong>{formatBaht(c.budgetSatang)}</strong>
                    </li>
                  ))}
                </ul>
                <Typography.Paragraph type="secondary">{d.notes[lang]}</Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={t('dashboard.byAgency')}>
                <CellTable
                  id="by-agency"
                  cells={d.byAgency}
                  lang={lang}
                  first={t('dashboard.agency')}
                  region={t('dashboard.byAgency')}
                  agency
                />
              </Card>
            </Col>
          </Row>
        </div>
      )}
      <CaseFigures />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <CaseReportsCard />
        </Col>
      </Row>
    </section>
  );
}

/**
 * A cut of the plan dashboard with every measure, one row per district or agency: the numbers a
 * subcommittee compares, in the same words as the totals above.
 */
function CellTable({
  id,
  cells,
  lang,
  first,
  region,
  agency = false,
}: {
  id: string;
  cells: readonly DashboardCell[];
  lang: Lang;
  first: string;
  region: string;
  agency?: boolean;
}) {
  const { t } = useTranslation();
  // Eight columns overflow a tablet's width: the region scrolls, and takes focus so the keyboard can scroll it too.
  return (
    <WideTable label={region} minWidth={860}>
      <Table
        size="small"
        data-testid={id}
        pagination={false}
        rowKey="key"
        dataSource={[...cells]}
        locale={{ emptyText: <Typography.Text type="secondary">{t('dashboard.none')}</Typography.Text> }}
        columns={[
          {
            title: first,
            dataIndex: 'key',
            render: (_: string, c: DashboardCell) =>
              agency ? <AgencyLabel code={c.key} name={label(c, lang)} /> : label(c, lang),
          },
          {
            title: t('dashboard.budget'),
            dataIndex: 'budgetSatang',
            align: 'right',
            render: (v: number) => formatBaht(v),
          },
          {
            title: t('dashboard.fundRequested'),
            dataIndex: 'fundRequestedSatang',
            align: 'right',
            render: (v: number) => formatBaht(v),
          },
          {
            title: t('dashboard.fundApproved'),
            dataIndex: 'fundApprovedSatang',
            align: 'right',
            render: (v: number) => formatBaht(v),
          },
          {
            title: t('dashboard.spent'),
            dataIndex: 'spentSatang',
            align: 'right',
            render: (v: number) => formatBaht(v),
          },
          {
            title: t('dashboard.activities'),
            key: 'activities',
            align: 'right',
            render: (_: unknown, c: DashboardCell) =>
              `${formatCount(c.activitiesDone)} / ${formatCount(c.activitiesPlanned)}`,
          },
          {
            title: t('dashboard.participants'),
            key: 'participants',
            align: 'right',
            render: (_: unknown, c: DashboardCell) =>
              `${formatCount(c.participantsReached)} / ${formatCount(c.participantsTarget)}`,
          },
          {
            title: t('dashboard.kpis'),
            key: 'kpis',
            align: 'right',
            render: (_: unknown, c: DashboardCell) => `${formatCount(c.kpisAttained)} / ${formatCount(c.kpis)}`,
          },
        ]}
      />
    </WideTable>
  );
}

/** Budget in baht, one bar per strategy or district: as tall as its rows need, with every figure in the tooltip as the console writes money. */
function BudgetBars({ cells, lang, colour }: { cells: readonly DashboardCell[]; lang: Lang; colour: string }) {
  const { t } = useTranslation();
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: Math.max(300, 60 + 40 * cells.length) }}
      opts={{ renderer: 'svg' }}
      option={{
        ...CHART_BASE,
        aria: { enabled: true },
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatBaht(Math.round(v * 100)) },
        grid: { left: 120, right: 16, top: 16, bottom: 24 },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `฿${formatCount(v)}` } },
        // Top to bottom in the order of the table below it.
        yAxis: { type: 'category', inverse: true, data: cells.map((c) => label(c, lang)) },
        series: [
          {
            type: 'bar',
            name: t('dashboard.budget'),
            data: cells.map((c) => satangToBaht(c.budgetSatang)),
            itemStyle: { color: colour },
          },
        ],
      }}
    />
  );
}
