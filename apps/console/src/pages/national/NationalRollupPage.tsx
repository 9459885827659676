import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { fiscalYearLabel, formatBaht, formatCount, formatDay, satangToBaht, type Lang } from '../../format';
import { minPosition } from '../../live';
import { fileNameFrom, saveBlob } from '../../reports';
import { WideTable } from '../../WideTable';
import { Published } from '../dashboard/published';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

type Rollup = components['schemas']['NationalRollupDto'];
type ProvinceRow = components['schemas']['ProvinceRollupDto'];
type Totals = components['schemas']['NationalTotalsDto'];

/** The Thai fiscal year (B.E.) of a moment, judged in Bangkok: 1 October opens the next one. */
function fiscalYearOf(now: Date): number {
  const bangkok = new Date(now.getTime() + 7 * 3600_000);
  return bangkok.getUTCFullYear() + 543 + (bangkok.getUTCMonth() >= 9 ? 1 : 0);
}

/** The fiscal years offered: this one and the seven before it, back to the first plans (FY2562). */
function fiscalYears(current: number): number[] {
  return Array.from({ length: current - 2562 + 1 }, (_, i) => current - i).slice(0, 8);
}

const COUNTS = ['casesOpened', 'casesOpen', 'victimsIdentified', 'referralsOpen', 'referralsOverdue'] as const;
const MONEY = ['budgetSatang', 'fundRequestedSatang', 'fundApprovedSatang', 'fundDisbursedSatang'] as const;
const MONEY_LABEL = {
  budgetSatang: 'budget',
  fundRequestedSatang: 'fundRequested',
  fundApprovedSatang: 'fundApproved',
  fundDisbursedSatang: 'fundDisbursed',
} as const;

/**
 * The national roll-up of a fiscal year, for the national secretariat, auditors and viewers: one
 * row per province (Thai name first) and the national row, plan money and progress, and counts of
 * cases and referrals under the small-count rule as the API publishes them.
 */
export default function NationalRollupPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  // Read once, when the page opens: renders stay pure.
  const [current] = useState(() => fiscalYearOf(new Date()));
  const years = fiscalYears(current);
  const [year, setYear] = useState(current);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const rollup = useQuery({
    queryKey: ['national-rollup', year],
    queryFn: () =>
      unwrap<Rollup>(
        api.GET('/api/v1/dashboards/national', {
          params: { query: { fiscalYear: year, ...minPosition() } },
        }),
      ),
  });
  const download = async () => {
    setDownloadError(null);
    const { data, error, response } = await api.GET('/api/v1/dashboards/national', {
      params: { query: { fiscalYear: year, format: 'csv' } },
      parseAs: 'blob',
    });
    if (!response.ok || !(data instanceof Blob)) {
      setDownloadError(new ApiError(response.status, typeof error === 'object' && error !== null ? error : {}));
      return;
    }
    saveBlob(data, fileNameFrom(response.headers.get('Content-Disposition'), `national-rollup-${year}.csv`));
  };
  const d = rollup.data;
  const error = rollup.error ?? downloadError;
  return (
    <section aria-labelledby="national-title" data-testid="national-rollup">
      <Typography.Title level={1} id="national-title" style={{ fontSize: 24 }}>
        {d?.scope === 'province' ? t('national.provinceTitle') : t('national.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('national.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="national-fiscal-year">{t('national.fiscalYear')}</label>
        <Select
          id="national-fiscal-year"
          style={{ width: 220 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: fiscalYearLabel(y, lang) }))}
          aria-label={t('national.fiscalYear')}
        />
        {d && (
          <Typography.Text type="secondary" data-testid="national-period">
            {t('national.period', { start: formatDay(d.fiscalYearStart, lang), end: formatDay(d.fiscalYearEnd, lang) })}
          </Typography.Text>
        )}
        <Button onClick={() => void download()} data-testid="national-download">
          {t('national.download')}
        </Button>
      </Space>
      {error !== null && error !== undefined && (
        <Alert type="error" title={error instanceof ApiError ? error.text(lang) : t('common.error')} />
      )}
      {rollup.isLoading && <Skeleton active />}
      {d && (
        <>
          {d.national && <NationalFigures totals={d.national} />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('national.rule', { threshold: d.threshold })}
          </Typography.Paragraph>
          {d.scope === 'national' && (
            <Card title={t('national.chartTitle')} style={{ marginBottom: 16 }}>
              <BudgetByProvinceChart rows={d.provinces} lang={lang} />
            </Card>
          )}
          <ProvinceTable rollup={d} />
        </>
      )}
    </section>
  );
}

/** The national row at a glance: money in baht, the plans, and the counts as published. */
function NationalFigures({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} data-testid="national-figures">
      {MONEY.map((key) => (
        <Col xs={12} md={8} xl={6} key={key}>
          <Card size="small">
            <Statistic
              title={t(`national.${MONEY_LABEL[key]}`)}
              value={formatBaht(totals[key])}
              valueStyle={{ fontSize: 18 }}
            />
          </Card>
        </Col>
      ))}
      <Col xs={24} md={16} xl={4}>
        <Card size="small">
          <Statistic
            title={t('national.plan')}
            value={t('national.provincesWithPlan', { count: totals.provincesWithPlan })}
            valueStyle={{ fontSize: 16 }}
          />
          <Space wrap size={4}>
            {totals.planStatuses.map((s) => (
              <Tag key={s.status}>
                {t(`status.${s.status}`)}: {formatCount(s.plans)}
              </Tag>
            ))}
          </Space>
        </Card>
      </Col>
      {COUNTS.map((key) => (
        <Col xs={12} md={8} xl={4} key={key}>
          <Card size="small">
            <div className="ant-statistic-title" style={{ marginBottom: 4 }}>
              {t(`national.${key}`)}
            </div>
            <strong style={{ fontSize: 18 }}>
              <Published count={totals[key]} testId={`national-${key}`} />
            </strong>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Planned budget and Fund disbursed per province, in baht: only provinces with a plan, largest first. */
function BudgetByProvinceChart({ rows, lang }: { rows: readonly ProvinceRow[]; lang: Lang }) {
  const { t } = useTranslation();
  const shown = rows.filter((r) => r.plans.length > 0).sort((a, b) => b.budgetSatang - a.budgetSatang);
  if (shown.length === 0) return <Empty description={t('national.chartEmpty')} />;
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: Math.max(240, 80 + 36 * shown.length) }}
      opts={{ renderer: 'svg' }}
      option={{
        textStyle: { fontFamily: "'Sarabun', 'Noto Sans Thai', sans-serif" },
        animation: false,
        aria: { enabled: true },
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatBaht(Math.round(v * 100)) },
        legend: { top: 0, data: [t('national.budget'), t('national.fundDisbursed')] },
        grid: { left: 140, right: 24, top: 36, bottom: 24 },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `฿${formatCount(v)}` } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: shown.map((r) => (lang === 'en' ? r.nameEn : r.nameTh)),
        },
        series: [
          {
            type: 'bar',
            name: t('national.budget'),
            data: shown.map((r) => satangToBaht(r.budgetSatang)),
            itemStyle: { color: '#1f5fa8' },
          },
          {
            type: 'bar',
            name: t('national.fundDisbursed'),
            data: shown.map((r) => satangToBaht(r.fundDisbursedSatang)),
            itemStyle: { color: '#237804' },
          },
        ],
      }}
    />
  );
}

type TableRow = (ProvinceRow & { national?: false }) | (Totals & { national: true; provinceCode: 'national' });

/** Every province (Thai name first, English below), and the national row at the foot. */
function ProvinceTable({ rollup }: { rollup: Rollup }) {
  const { t } = useTranslation();
  const rows: TableRow[] = [
    ...rollup.provinces,
    ...(rollup.national ? [{ ...rollup.national, national: true as const, provinceCode: 'national' as const }] : []),
  ];
  const money = (key: (typeof MONEY)[number]) => ({
    title: t(`national.${MONEY_LABEL[key]}`),
    key,
    align: 'right' as const,
    render: (_: unknown, r: TableRow) => formatBaht(r[key]),
  });
  const count = (key: (typeof COUNTS)[number]) => ({
    title: t(`national.${key}`),
    key,
    align: 'right' as const,
    render: (_: unknown, r: TableRow) => <Published count={r[key]} testId={`${r.provinceCode}-${key}`} />,
  });
  return (
    <WideTable label={t('national.table')} minWidth={1500}>
      <Table
        size="small"
        data-testid="national-table"
        pagination={false}
        rowKey="provinceCode"
        dataSource={rows}
        rowClassName={(r) => (r.national ? 'national-total-row' : '')}
        columns={[
          {
            title: t('national.province'),
            key: 'province',
            fixed: 'left',
            width: 170,
            render: (_: unknown, r: TableRow) =>
              r.national ? (
                <strong>{t('national.nationalTotal')}</strong>
              ) : (
                <span lang="th">
                  {r.nameTh}
                  <br />
                  <Typography.Text type="secondary" lang="en">
                    {r.nameEn}
                  </Typography.Text>
                </span>
              ),
          },
          {
            title: t('national.plan'),
            key: 'plan',
            render: (_: unknown, r: TableRow) =>
              r.national ? (
                t('national.provincesWithPlan', { count: r.provincesWithPlan })
              ) : r.plans.length === 0 ? (
                <Typography.Text type="secondary">{t('national.noPlan')}</Typography.Text>
              ) : (
                r.plans.map((p) => <Tag key={p.planId}>{t(`status.${p.status}`)}</Tag>)
              ),
          },
          ...MONEY.map(money),
          {
            title: t('national.activities'),
            key: 'activities',
            align: 'right' as const,
            render: (_: unknown, r: TableRow) =>
              `${formatCount(r.activitiesDone)} / ${formatCount(r.activitiesPlanned)}`,
          },
          ...COUNTS.map(count),
        ]}
      />
    </WideTable>
  );
}
