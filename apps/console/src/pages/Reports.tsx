import { Alert, Button, Card, DatePicker, Select, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import thTH from 'antd/locale/th_TH';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/th';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useAuth } from '../auth';
import { formatDate, formatDateTime, type Lang } from '../format';
import {
  canExportHtcds,
  canReadCaseStatistics,
  canReadPlanHistory,
  canReadPlanReports,
  defaultQuarter,
  endOfBangkokDay,
  useReportDownload,
  type Provenance,
  type Quarter,
  type ReportFormat,
  type ReportRequest,
} from '../reports';

dayjs.extend(buddhistEra);

/** The date picker's calendar in Buddhist-era years (2562, not 2019), Thai month names in Thai. */
export const pickerLocale = (lang: Lang) => {
  const base = (lang === 'th' ? thTH : enUS).DatePicker!;
  return { ...base, lang: { ...base.lang, yearFormat: 'BBBB', cellYearFormat: 'BBBB', fieldYearFormat: 'BBBB' } };
};

/** A past point to build the reports at: a day, read as its end in Bangkok. Empty = the log as it stands. */
function AsOfPicker({ value, onChange }: { value: Dayjs | null; onChange: (d: Dayjs | null) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  return (
    <div className="report-as-of">
      <label htmlFor={id}>{t('reports.asOf')}</label>
      <DatePicker
        id={id}
        value={value}
        onChange={(d) => onChange(d ?? null)}
        locale={pickerLocale(lang)}
        format={(d) => formatDate(d.format('YYYY-MM-DD'), lang)}
        inputReadOnly
        allowClear
        placeholder={t('reports.asOfLatest')}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        aria-describedby={`${id}-help`}
        style={{ width: '100%' }}
        data-testid="report-as-of"
      />
      <Typography.Text type="secondary" id={`${id}-help`} className="report-help">
        {t('reports.asOfHelp')}
      </Typography.Text>
    </div>
  );
}

/** What the last download was built from, so that an auditor can build it again. */
function ProvenanceNote({ done }: { done: Provenance | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <div role="status" className="report-provenance" data-testid="report-provenance">
      {done && (
        <>
          <div>{t('reports.saved', { file: done.fileName })}</div>
          <div>
            <strong>{t('reports.builtFrom', { position: done.position })}</strong>
          </div>
          {done.asOf && (
            <div>
              {t('reports.reproduce')} <code>{done.asOf}</code> ({formatDateTime(done.asOf, lang)})
            </div>
          )}
        </>
      )}
    </div>
  );
}

type Download = ReturnType<typeof useReportDownload>;

function DownloadButton({
  download,
  id,
  request,
  format,
  label,
  asOf,
}: {
  download: Download;
  id: string;
  request: ReportRequest;
  format: ReportFormat;
  label: string;
  asOf: string | undefined;
}) {
  const { t } = useTranslation();
  const building = download.busy === id;
  return (
    <Button
      icon={<DownloadIcon />}
      loading={building}
      disabled={download.busy !== null && !building}
      onClick={() => void download.run(id, request, asOf)}
      aria-label={t('reports.buttonFor', { report: label, format: t(`reports.format.${format}`) })}
      aria-busy={building}
      data-testid={`report-${id}`}
    >
      {t(`reports.format.${format}`)}
    </Button>
  );
}

function ReportItem({
  title,
  help,
  field,
  children,
}: {
  title: string;
  help: string;
  field?: ReactNode;
  children: ReactNode;
}) {
  return (
    <li className="report-item">
      <div className="report-name">{title}</div>
      <Typography.Text type="secondary" className="report-help">
        {help}
      </Typography.Text>
      {field}
      <Space wrap style={{ marginTop: 8 }}>
        {children}
      </Space>
    </li>
  );
}

/** A download arrow, drawn inline (the console carries no icon font). */
const DownloadIcon = () => (
  <svg
    width="14"
    height="14"
    viewBox="0 0 16 16"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 13.5h11" />
  </svg>
);

function ReportError({ download }: { download: Download }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (!download.error) return null;
  const text = download.error instanceof ApiError ? download.error.text(lang) : t('reports.error');
  return (
    <Alert
      type="error"
      showIcon
      title={t('reports.error')}
      description={text}
      style={{ marginTop: 12 }}
      data-testid="report-error"
    />
  );
}

const asOfOf = (day: Dayjs | null): string | undefined => (day ? endOfBangkokDay(day.format('YYYY-MM-DD')) : undefined);

/** A plan's papers for the subcommittee: the action plan, quarterly progress, the Fund report. */
export function PlanReportsCard({ planId, fiscalYear }: { planId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const download = useReportDownload();
  const [quarter, setQuarter] = useState<Quarter>(() => defaultQuarter(fiscalYear));
  const [day, setDay] = useState<Dayjs | null>(null);
  const quarterId = useId();
  if (!user || !canReadPlanReports(user.role)) return null;
  const asOf = canReadPlanHistory(user.role) ? asOfOf(day) : undefined;
  const button = (id: string, request: ReportRequest, format: ReportFormat, label: string) => (
    <DownloadButton key={id} download={download} id={id} request={request} format={format} label={label} asOf={asOf} />
  );
  return (
    <Card title={<h2 className="card-heading">{t('reports.title')}</h2>} data-testid="plan-reports">
      {canReadPlanHistory(user.role) && <AsOfPicker value={day} onChange={setDay} />}
      <ul className="report-list">
        <ReportItem title={t('reports.actionPlan')} help={t('reports.actionPlanHelp')}>
          {button('action-plan-pdf', { kind: 'action-plan', planId }, 'pdf', t('reports.actionPlan'))}
        </ReportItem>
        <ReportItem
          title={t('reports.quarterly')}
          help={t('reports.quarterlyHelp')}
          field={
            <div className="report-field">
              <label htmlFor={quarterId}>{t('reports.quarter')}</label>
              <Select<Quarter>
                id={quarterId}
                value={quarter}
                onChange={setQuarter}
                style={{ width: '100%' }}
                options={([1, 2, 3, 4] as const).map((q) => ({ value: q, label: t(`reports.quarters.${q}`) }))}
                data-testid="report-quarter"
              />
            </div>
          }
        >
          {(['pdf', 'xlsx'] as const).map((format) =>
            button(
              `quarterly-${format}`,
              { kind: 'quarterly-progress', planId, quarter, format },
              format,
              `${t('reports.quarterly')} ${t(`reports.quarters.${quarter}`)}`,
            ),
          )}
        </ReportItem>
        <ReportItem title={t('reports.fund')} help={t('reports.fundHelp')}>
          {(['pdf', 'xlsx'] as const).map((format) =>
            button(`fund-${format}`, { kind: 'fund', planId, format }, format, t('reports.fund')),
          )}
        </ReportItem>
      </ul>
      <ReportError download={download} />
      <ProvenanceNote done={download.done} />
    </Card>
  );
}

/** Case reports: counts for every role, the HTCDS record export for the secretariat and auditors. */
export function CaseReportsCard() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const download = useReportDownload();
  const [day, setDay] = useState<Dayjs | null>(null);
  if (!user || (!canReadCaseStatistics(user.role) && !canExportHtcds(user.role))) return null;
  const asOf = asOfOf(day);
  return (
    <Card title={<h2 className="card-heading">{t('reports.caseTitle')}</h2>} data-testid="case-reports">
      <AsOfPicker value={day} onChange={setDay} />
      <ul className="report-list">
        {canReadCaseStatistics(user.role) && (
          <ReportItem title={t('reports.caseStatistics')} help={t('reports.caseStatisticsHelp')}>
            {(['pdf', 'xlsx'] as const).map((format) => (
              <DownloadButton
                key={format}
                download={download}
                id={`case-statistics-${format}`}
                request={{ kind: 'case-statistics', format }}
                format={format}
                label={t('reports.caseStatistics')}
                asOf={asOf}
              />
            ))}
          </ReportItem>
        )}
        {canExportHtcds(user.role) && (
          <ReportItem title={t('reports.htcds')} help={t('reports.htcdsHelp')}>
            <DownloadButton
              download={download}
              id="htcds-csv"
              request={{ kind: 'htcds' }}
              format="csv"
              label={t('reports.htcds')}
              asOf={asOf}
            />
          </ReportItem>
        )}
      </ul>
      <ReportError download={download} />
      <ProvenanceNote done={download.done} />
    </Card>
  );
}
