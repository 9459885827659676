import { Alert, Select, Space, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth';
import { formatCount, formatDate, formatDateTime, type Lang } from '../../format';
import { useAgencyNames } from '../../agencies';
import { canReadAccessLog, NRM_STAGES, useCaseCounts, useCases, type Case, type CaseFilter } from './cases';
import { CaseStatusTag, OverdueTag, StageTag } from './CaseTags';
import './cases.css';
import { districtName } from '../../districts';
import { WideTable } from '../../WideTable';
import { ShortIdLink } from '../../ShortIdLink';

/**
 * The cases the caller may see, without a single personal field: codes, NRM stage, district, owning
 * agency, dates, and how many referrals and pledges are still open. Filtered by status and stage as
 * the API filters; the API answers the whole list, and the table pages it.
 */
export default function CasesPage({ navigate }: { navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const [filter, setFilter] = useState<CaseFilter>({ status: 'open' });
  const list = useCases(filter);
  const counts = useCaseCounts(!list.error);
  const agencyName = useAgencyNames();
  const statusId = useId();
  const stageId = useId();
  return (
    <section aria-labelledby="cases-title">
      <Typography.Title level={1} id="cases-title" style={{ fontSize: 24 }}>
        {t('cases.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('cases.intro')} {t('cases.countsNote')}
      </Typography.Paragraph>
      {user && canReadAccessLog(user.role) && (
        <Typography.Paragraph>
          <a href="#/cases/access-log" onClick={(e) => (e.preventDefault(), navigate('/cases/access-log'))}>
            {t('cases.accessLogLink')}
          </a>
        </Typography.Paragraph>
      )}
      {/* A role the API refuses gets its answer alone: no filters over a list it may not read. */}
      {!(list.error instanceof ApiError && list.error.status === 403) && (
        <Space wrap style={{ marginBottom: 12 }} align="end">
          <div className="case-filter">
            <label htmlFor={statusId}>{t('cases.filterStatus')}</label>
            <Select
              id={statusId}
              value={filter.status ?? 'all'}
              style={{ width: 160 }}
              onChange={(v: string) =>
                setFilter({ ...filter, status: v === 'all' ? undefined : (v as CaseFilter['status']) })
              }
              options={(['open', 'closed', 'all'] as const).map((s) => ({
                value: s,
                label: s === 'all' ? t('cases.all') : t(`cases.statuses.${s}`),
              }))}
              data-testid="filter-status"
            />
          </div>
          <div className="case-filter">
            <label htmlFor={stageId}>{t('cases.filterStage')}</label>
            <Select
              id={stageId}
              value={filter.stage ?? 'all'}
              style={{ width: 300, maxWidth: '100%' }}
              onChange={(v: string) =>
                setFilter({ ...filter, stage: v === 'all' ? undefined : (v as CaseFilter['stage']) })
              }
              options={[
                { value: 'all', label: t('cases.all') },
                ...NRM_STAGES.map((s) => ({ value: s, label: t(`cases.stages.${s}`) })),
              ]}
              data-testid="filter-stage"
            />
          </div>
        </Space>
      )}
      {list.error && (
        <Alert
          type="error"
          role="alert"
          title={list.error instanceof ApiError ? list.error.text(lang) : t('common.error')}
          style={{ marginBottom: 12 }}
          data-testid="cases-error"
        />
      )}
      {!list.error && (
        <WideTable label={t('cases.title')} minWidth={1200}>
          <Table<Case>
            rowKey="caseId"
            loading={list.isLoading}
            dataSource={list.data ?? []}
            locale={{ emptyText: t('cases.empty') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="cases-table"
            columns={[
              {
                title: t('cases.case'),
                dataIndex: 'caseId',
                width: 100,
                render: (id: string) => <ShortIdLink kind="cases" id={id} navigate={navigate} />,
              },
              {
                title: t('cases.stage'),
                dataIndex: 'stage',
                width: 180,
                render: (s: Case['stage']) => <StageTag stage={s} />,
              },
              {
                title: t('cases.status'),
                dataIndex: 'status',
                width: 95,
                render: (s: Case['status']) => <CaseStatusTag status={s} />,
              },
              {
                title: t('cases.district'),
                dataIndex: 'districtCode',
                width: 120,
                render: (d: string) => districtName(d, lang),
              },
              // The name alone in the table (the code is on the case's page): the row stays short.
              {
                title: t('cases.owningAgency'),
                dataIndex: 'owningAgency',
                width: 260,
                render: (c: string) => agencyName(c, lang),
              },
              {
                title: t('cases.foundOn'),
                dataIndex: 'foundOn',
                width: 115,
                render: (d: string) => formatDate(d, lang),
              },
              {
                title: t('cases.openedAt'),
                dataIndex: 'openedAt',
                width: 155,
                render: (d: string) => formatDateTime(d, lang),
              },
              {
                title: t('cases.openReferrals'),
                width: 105,
                align: 'right',
                render: (_, c) => formatCount(counts.data?.get(c.caseId)?.referrals ?? (counts.data ? 0 : null)),
              },
              {
                title: t('cases.openCommitments'),
                width: 130,
                align: 'right',
                render: (_, c) => {
                  const n = counts.data?.get(c.caseId);
                  return (
                    <span>
                      {formatCount(n?.commitments ?? (counts.data ? 0 : null))}
                      {n && n.overdue > 0 && (
                        <>
                          {' '}
                          <OverdueTag>{t('cases.overdueCount', { count: n.overdue })}</OverdueTag>
                        </>
                      )}
                    </span>
                  );
                },
              },
            ]}
          />
        </WideTable>
      )}
    </section>
  );
}
