import { Alert, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { fiscalYearLabel, type Lang } from '../../format';
import './audit.css';
import { AuditHome } from './AuditHome';
import { useCurrentPlan } from './auditApi';
import { CompareRevisions } from './CompareRevisions';
import { HistoryTimeline } from './HistoryTimeline';
import { PlanAsOf } from './PlanAsOf';
import { auditPath, parseAuditRoute, type AuditTab } from './route';

/** One plan under audit: its history, the plan as it was, two revisions side by side. */
function PlanAudit({
  planId,
  tab,
  children,
  navigate,
}: {
  planId: string;
  tab: AuditTab;
  children: ReactNode;
  navigate: (path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const plan = useCurrentPlan(planId);
  const title = plan.data ? (lang === 'en' && plan.data.titleEn ? plan.data.titleEn : plan.data.titleTh) : '';
  return (
    <section aria-labelledby="audit-plan-title">
      <a href="#/audit" onClick={(e) => (e.preventDefault(), navigate('/audit'))}>
        ← {t('audit.back')}
      </a>
      <Typography.Title level={1} id="audit-plan-title" style={{ fontSize: 22, marginTop: 8 }}>
        {t('audit.planTitle', { title })}
      </Typography.Title>
      {plan.error && (
        <Alert
          type="error"
          showIcon
          title={plan.error instanceof ApiError ? plan.error.text(lang) : t('common.error')}
        />
      )}
      {plan.data && (
        <p className="audit-plan-now" data-testid="plan-now">
          {fiscalYearLabel(plan.data.fiscalYear, lang)} · {t('audit.now')} <Tag>{t(`status.${plan.data.status}`)}</Tag>
          {t('audit.history.revision', { revision: plan.data.revision })}
        </p>
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(auditPath({ planId, tab: key as AuditTab }))}
        items={(['history', 'as-of', 'compare'] as const).map((key) => ({
          key,
          label: t(`audit.tabs.${key}`),
          children: key === tab ? children : null,
        }))}
        destroyOnHidden
      />
    </section>
  );
}

/** The auditor's screens (`#/audit/…`), for those who may read the history: the secretariat, the chair and auditors. */
export default function AuditPage({ path, navigate }: { path: string; navigate: (path: string) => void }) {
  const route = parseAuditRoute(path);
  if (!route.planId) return <AuditHome navigate={navigate} />;
  return (
    <PlanAudit planId={route.planId} tab={route.tab} navigate={navigate}>
      {route.tab === 'history' && <HistoryTimeline key={route.planId} planId={route.planId} />}
      {route.tab === 'as-of' && (
        <PlanAsOf planId={route.planId} day={route.day} revision={route.revision} navigate={navigate} />
      )}
      {route.tab === 'compare' && (
        <CompareRevisions planId={route.planId} from={route.from} to={route.to} navigate={navigate} />
      )}
    </PlanAudit>
  );
}
