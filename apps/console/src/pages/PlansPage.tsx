import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { fiscalYearLabel, formatBaht, formatCount, formatDateTime, type Lang } from '../format';
import { isNationalRole, useAuth } from '../auth';
import { PROVINCE_CODES, provinceName } from '../districts';
import { minPosition } from '../live';
import { AddToProject } from './AddToProject';
import { ProjectEditor } from './ProjectEditor';
import { PlanReportsCard } from './Reports';
import { usePlan } from './plan/api';
import { DraftPlanForm } from './plan/DraftPlanForm';
import { FundDecisionForm, SubmitFundForm } from './plan/FundForms';
import {
  ChangeActivityForm,
  ChangeKpiForm,
  KpiActualForm,
  ReassignActivityForm,
  ReassignLineForm,
  ReportProgressForm,
  ReviseLineForm,
} from './plan/ItemForms';
import { permissions, type Plan } from './plan/model';
import { PlanStatusCard, StatusTag } from './plan/PlanStatusCard';
import { PlanTree, type PlanDialog } from './plan/PlanTree';
import { AddProjectForm, ReassignProjectForm, WithdrawForm } from './plan/ProjectForms';
import type { PlanSummary } from '../types';
import './plan/plan-workspace.css';
import { WideTable } from '../WideTable';

/** Every plan, latest fiscal year first; the secretariat drafts a new one here. */
export function PlansPage({ navigate }: { navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const [drafting, setDrafting] = useState(false);
  // National roles read every province's plans, or one; everyone else sees their own province's.
  const national = user !== null && isNationalRole(user.role);
  const [province, setProvince] = useState<string | undefined>(undefined);
  const plans = useQuery({
    queryKey: ['plans', province ?? 'all'],
    queryFn: () =>
      unwrap<{ plans: PlanSummary[] }>(
        api.GET('/api/v1/plans', {
          params: { query: { ...minPosition(), ...(province ? { province } : {}) } as never },
        }),
      ),
  });
  return (
    <section aria-labelledby="plans-title">
      <div className="pw-heading">
        <Typography.Title level={1} id="plans-title" style={{ fontSize: 24, margin: 0 }}>
          {t('plans.title')}
        </Typography.Title>
        {user?.role === 'coordinator' && (
          <Button type="primary" onClick={() => setDrafting(true)}>
            {t('plan-workspace.draft.button')}
          </Button>
        )}
      </div>
      {national && (
        <label className="pw-filter" style={{ display: 'inline-flex', gap: 8, alignItems: 'center', marginBlock: 12 }}>
          {t('plans.province')}
          <Select
            data-testid="plans-province-filter"
            style={{ minWidth: 220 }}
            value={province ?? ''}
            onChange={(value: string) => setProvince(value || undefined)}
            options={[
              { value: '', label: t('plans.allProvinces') },
              ...PROVINCE_CODES.map((code) => ({ value: code, label: `${provinceName(code, lang)} (${code})` })),
            ]}
          />
        </label>
      )}
      {plans.error && (
        <Alert type="error" title={plans.error instanceof ApiError ? plans.error.text(lang) : t('common.error')} />
      )}
      <WideTable label={t('plans.title')} minWidth={700}>
        <Table<PlanSummary>
          rowKey="planId"
          loading={plans.isLoading}
          dataSource={plans.data?.plans ?? []}
          locale={{ emptyText: t('plans.empty') }}
          pagination={false}
          columns={[
            {
              title: t('plans.fiscalYear'),
              dataIndex: 'fiscalYear',
              render: (y: number) => fiscalYearLabel(y, lang),
              width: 160,
            },
            ...(national
              ? [
                  {
                    title: t('plans.province'),
                    dataIndex: 'provinceCode',
                    render: (code: string) => provinceName(code, lang),
                    width: 160,
                  },
                ]
              : []),
            {
              title: t('plans.planTitle'),
              render: (_, p) => (
                <a href={`#/plans/${p.planId}`} onClick={(e) => (e.preventDefault(), navigate(`/plans/${p.planId}`))}>
                  {lang === 'en' && p.titleEn ? p.titleEn : p.titleTh}
                </a>
              ),
            },
            {
              title: t('plans.status'),
              dataIndex: 'status',
              render: (s: PlanSummary['status']) => <StatusTag status={s} />,
              width: 150,
            },
            { title: t('plans.edition'), dataIndex: 'edition', width: 90 },
            {
              title: t('plans.updated'),
              dataIndex: 'latestEventAt',
              render: (d: string) => formatDateTime(d, lang),
              width: 200,
            },
          ]}
        />
      </WideTable>
      {drafting && (
        <DraftPlanForm
          onClose={() => setDrafting(false)}
          onDrafted={(planId) => (setDrafting(false), navigate(`/plans/${planId}`))}
        />
      )}
    </section>
  );
}

/** Planned against done, for the whole plan. */
function TotalsCard({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const w = (k: string) => t(`plan-workspace.${k}`);
  const { totals } = plan;
  const rows: Array<[string, string, string]> = [
    ['projects', t('plans.projects'), formatCount(totals.projectCount)],
    ['requested', t('plans.requested'), formatBaht(totals.requestedBudgetSatang)],
    ['fundRequested', w('totals.fundRequested'), formatBaht(totals.fund.requestedSatang)],
    ['fundApproved', w('totals.fundApproved'), formatBaht(totals.fund.approvedSatang)],
    ['fundDisbursed', w('totals.fundDisbursed'), formatBaht(totals.fund.disbursedSatang)],
    ['spent', t('plans.spent'), formatBaht(totals.progress.spentSatang)],
    [
      'activities',
      w('totals.activities'),
      `${formatCount(totals.progress.activitiesDone)} / ${formatCount(totals.progress.activitiesPlanned)}`,
    ],
    [
      'participants',
      w('totals.participants'),
      `${formatCount(totals.progress.participantsReached)} / ${formatCount(totals.progress.participantsTarget)}`,
    ],
    ['kpis', w('totals.kpis'), `${formatCount(totals.progress.kpisAttained)} / ${formatCount(totals.progress.kpis)}`],
  ];
  return (
    <Card title={<h2 className="card-heading">{t('plans.totals')}</h2>}>
      <Descriptions column={1} size="small">
        {rows.map(([key, label, value]) => (
          <Descriptions.Item key={key} label={label}>
            <span data-testid={`plan-total-${key}`}>{value}</span>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('plans.updated')}>
          {formatDateTime(plan.latestEventAt, i18n.language as Lang)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/**
 * One plan as a workspace: its status and the lifecycle steps the role may take, its totals, and
 * the tree (strategy → project → activities, KPIs, budget lines, Fund requests) with the forms for
 * every command the signed-in person may give. The API enforces the rules; the console offers
 * only what it would accept.
 */
export function PlanPage({ planId, navigate }: { planId: string; navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const [dialog, setDialog] = useState<PlanDialog | null>(null);
  const plan = usePlan(planId);
  if (plan.isLoading) return <Skeleton active />;
  if (plan.error || !plan.data || !user)
    return <Alert type="error" title={plan.error instanceof ApiError ? plan.error.text(lang) : t('common.error')} />;
  const p = plan.data;
  const may = permissions(user, p);
  return (
    <section aria-labelledby="plan-title">
      <a href="#/plans" onClick={(e) => (e.preventDefault(), navigate('/plans'))}>
        ← {t('plans.back')}
      </a>
      <Typography.Title level={1} id="plan-title" style={{ fontSize: 22, marginTop: 8 }}>
        {lang === 'en' && p.titleEn ? p.titleEn : p.titleTh}{' '}
        <StatusTag status={p.status}>
          {t(`status.${p.status}`)} · {t('plans.edition')} {p.edition}
        </StatusTag>
      </Typography.Title>
      {/* Status, then the tree, then totals and reports on a narrow screen; the tree beside them on a wide one. */}
      <div className="pw-layout">
        <div className="pw-status">
          <PlanStatusCard plan={p} />
        </div>
        <div className="pw-tree">
          <Card
            title={<h2 className="card-heading">{t('plans.tree')}</h2>}
            extra={
              may.addProject && (
                <Button type="primary" onClick={() => setDialog({ kind: 'addProject' })}>
                  {t('plan-workspace.project.addButton')}
                </Button>
              )
            }
          >
            <PlanTree plan={p} may={may} open={setDialog} />
          </Card>
        </div>
        <div className="pw-totals">
          <TotalsCard plan={p} />
        </div>
        <div className="pw-reports">
          <PlanReportsCard planId={p.planId} fiscalYear={p.fiscalYear} />
        </div>
      </div>
      {dialog && <PlanDialogs key={JSON.stringify(dialog)} plan={p} dialog={dialog} onClose={() => setDialog(null)} />}
    </section>
  );
}

/** The form a dialog names, on the plan as it stands when it opens. */
function PlanDialogs({ plan, dialog, onClose }: { plan: Plan; dialog: PlanDialog; onClose: () => void }) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (dialog.kind === 'addProject') return <AddProjectForm plan={plan} onClose={onClose} />;
  const project = plan.projects.find((x) => x.projectId === dialog.projectId);
  if (!project) return null;
  const title = (th: string, en: string | null) => (lang === 'en' && en ? en : th);
  switch (dialog.kind) {
    case 'changeProject':
      return <ProjectEditor plan={plan} project={project} onClose={onClose} />;
    case 'reassignProject':
      return <ReassignProjectForm plan={plan} project={project} onClose={onClose} />;
    case 'withdrawProject':
      return (
        <WithdrawForm
          plan={plan}
          item="project"
          id={project.projectId}
          title={title(project.titleTh, project.titleEn)}
          onClose={onClose}
        />
      );
    case 'activity':
    case 'kpi':
    case 'budgetLine':
      return <AddToProject plan={plan} project={project} kind={dialog.kind} onClose={onClose} />;
    case 'requestFund':
      return <SubmitFundForm plan={plan} project={project} onClose={onClose} />;
    case 'changeActivity':
    case 'reassignActivity':
    case 'withdrawActivity':
    case 'reportProgress': {
      const activity = project.activities.find((a) => a.activityId === dialog.activityId);
      if (!activity) return null;
      if (dialog.kind === 'changeActivity')
        return <ChangeActivityForm plan={plan} activity={activity} onClose={onClose} />;
      if (dialog.kind === 'reassignActivity')
        return <ReassignActivityForm plan={plan} project={project} activity={activity} onClose={onClose} />;
      if (dialog.kind === 'withdrawActivity')
        return (
          <WithdrawForm
            plan={plan}
            item="activity"
            id={activity.activityId}
            title={title(activity.titleTh, activity.titleEn)}
            onClose={onClose}
          />
        );
      return <ReportProgressForm plan={plan} project={project} activity={activity} onClose={onClose} />;
    }
    case 'changeKpi':
    case 'withdrawKpi':
    case 'recordActual': {
      const kpi = project.kpis.find((k) => k.kpiId === dialog.kpiId);
      if (!kpi) return null;
      if (dialog.kind === 'changeKpi') return <ChangeKpiForm plan={plan} kpi={kpi} onClose={onClose} />;
      if (dialog.kind === 'withdrawKpi')
        return (
          <WithdrawForm
            plan={plan}
            item="kpi"
            id={kpi.kpiId}
            title={title(kpi.descriptionTh, kpi.descriptionEn)}
            onClose={onClose}
          />
        );
      return <KpiActualForm plan={plan} kpi={kpi} onClose={onClose} />;
    }
    case 'reviseLine':
    case 'reassignLine':
    case 'withdrawLine': {
      const line = project.budgetLines.find((l) => l.lineId === dialog.lineId);
      if (!line) return null;
      if (dialog.kind === 'reviseLine') return <ReviseLineForm plan={plan} line={line} onClose={onClose} />;
      if (dialog.kind === 'reassignLine') return <ReassignLineForm plan={plan} line={line} onClose={onClose} />;
      return (
        <WithdrawForm
          plan={plan}
          item="line"
          id={line.lineId}
          title={line.descriptionTh ?? line.fundingSource}
          onClose={onClose}
        />
      );
    }
    case 'return':
    case 'revise':
    case 'approve':
    case 'reject':
    case 'disburse': {
      const request = project.fundRequests.find((r) => r.requestId === dialog.requestId);
      if (!request) return null;
      return (
        <FundDecisionForm plan={plan} project={project} request={request} action={dialog.kind} onClose={onClose} />
      );
    }
  }
}
