import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Table, Tag, Tree, Typography } from 'antd';
import { useState } from 'react';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { fiscalYearLabel, formatBaht, formatDate, formatDateTime, type Lang } from '../format';
import { useAuth } from '../auth';
import { latestPosition } from '../live';
import { AddToProject, type AddKind } from './AddToProject';
import { ProjectEditor } from './ProjectEditor';
import { PlanReportsCard } from './Reports';
import type { PlanSummary, PlanView, ProjectView } from '../types';

const minPosition = () => (latestPosition() ? { minPosition: latestPosition() } : {});

/** Every plan, latest fiscal year first. */
export function PlansPage({ navigate }: { navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: () => unwrap<{ plans: PlanSummary[] }>(api.GET('/api/v1/plans', { params: { query: minPosition() as never } })),
  });
  return (
    <section aria-labelledby="plans-title">
      <Typography.Title level={1} id="plans-title" style={{ fontSize: 24 }}>
        {t('plans.title')}
      </Typography.Title>
      {plans.error && <Alert type="error" title={plans.error instanceof ApiError ? plans.error.text(lang) : t('common.error')} />}
      <Table<PlanSummary>
        rowKey="planId"
        loading={plans.isLoading}
        dataSource={plans.data?.plans ?? []}
        locale={{ emptyText: t('plans.empty') }}
        pagination={false}
        scroll={{ x: 700 }}
        columns={[
          { title: t('plans.fiscalYear'), dataIndex: 'fiscalYear', render: (y: number) => fiscalYearLabel(y, lang), width: 160 },
          {
            title: t('plans.planTitle'),
            render: (_, p) => (
              <a href={`#/plans/${p.planId}`} onClick={(e) => (e.preventDefault(), navigate(`/plans/${p.planId}`))}>
                {lang === 'en' && p.titleEn ? p.titleEn : p.titleTh}
              </a>
            ),
          },
          { title: t('plans.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`status.${s}`)}</Tag>, width: 130 },
          { title: t('plans.updated'), dataIndex: 'latestEventAt', render: (d: string) => formatDateTime(d, lang), width: 200 },
        ]}
      />
    </section>
  );
}

function projectNode(p: ProjectView, lang: Lang, t: (k: string, o?: Record<string, string>) => string, onEdit?: (p: ProjectView) => void, onAdd?: (p: ProjectView, kind: AddKind) => void): DataNode {
  const title = lang === 'en' && p.titleEn ? p.titleEn : p.titleTh;
  return {
    key: p.projectId,
    title: (
      <span>
        <strong>{title}</strong> · {p.leadAgencyCode} · {formatBaht(p.requestedBudgetSatang)} {p.withdrawal ? <Tag>{t('status.withdrawn')}</Tag> : null}
        {onEdit && !p.withdrawal && (
          <Button size="small" style={{ marginInlineStart: 8 }} onClick={() => onEdit(p)} aria-label={t('edit.projectButtonFor', { title })}>
            {t('edit.projectButton')}
          </Button>
        )}
        {onAdd &&
          !p.withdrawal &&
          (['activity', 'kpi', 'budgetLine'] as const).map((kind) => (
            <Button key={kind} size="small" style={{ marginInlineStart: 8 }} onClick={() => onAdd(p, kind)} aria-label={t(`add.${kind}ButtonFor`, { title })}>
              {t(`add.${kind}Button`)}
            </Button>
          ))}
      </span>
    ),
    children: [
      {
        key: `${p.projectId}-activities`,
        title: `${t('plans.activities')} (${p.activities.length})`,
        children: p.activities.map((a) => ({
          key: a.activityId,
          title: `${lang === 'en' && a.titleEn ? a.titleEn : a.titleTh} · ${formatDate(a.startDate, lang)} – ${formatDate(a.endDate, lang)} · ${t(`status.${a.status}`)}`,
          isLeaf: true,
        })),
      },
      {
        key: `${p.projectId}-kpis`,
        title: `${t('plans.kpis')} (${p.kpis.length})`,
        children: p.kpis.map((k) => ({
          key: k.kpiId,
          title: `${lang === 'en' && k.descriptionEn ? k.descriptionEn : k.descriptionTh} · ${t('plans.target')} ${k.target} ${k.unit} · ${t('plans.actual')} ${k.actual ?? '—'}`,
          isLeaf: true,
        })),
      },
      {
        key: `${p.projectId}-budget`,
        title: `${t('plans.budgetLines')} (${p.budgetLines.length})`,
        children: p.budgetLines.map((l) => ({
          key: l.lineId,
          title: `${l.descriptionTh ?? l.fundingSource} · ${formatBaht(l.amountSatang)} · ${t('plans.spent')} ${formatBaht(l.spentSatang)}`,
          isLeaf: true,
        })),
      },
    ],
  };
}

/** One plan as a tree: strategy → project → activities, KPIs, budget lines. */
export function PlanPage({ planId, navigate }: { planId: string; navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<{ projectId: string; kind: AddKind } | null>(null);
  const plan = useQuery({
    queryKey: ['plan', planId],
    queryFn: () => unwrap<PlanView>(api.GET('/api/v1/plans/{planId}', { params: { path: { planId }, query: minPosition() as never } })),
  });
  if (plan.isLoading) return <Skeleton active />;
  if (plan.error || !plan.data) return <Alert type="error" title={plan.error instanceof ApiError ? plan.error.text(lang) : t('common.error')} />;
  const p = plan.data;
  // The secretariat keeps the plan's structure; the API refuses anyone else, so the button is not shown to them.
  const onEdit = user?.role === 'coordinator' && p.status !== 'closed' ? (x: ProjectView) => setEditing(x.projectId) : undefined;
  const editingProject = editing ? p.projects.find((x) => x.projectId === editing) : undefined;
  const onAdd = onEdit ? (x: ProjectView, kind: AddKind) => setAdding({ projectId: x.projectId, kind }) : undefined;
  const addingTo = adding ? p.projects.find((x) => x.projectId === adding.projectId) : undefined;
  const strategies = ['prevention', 'protection', 'prosecution', 'partnership', 'unclassified'] as const;
  const tree: DataNode[] = strategies
    .map((s) => ({ strategy: s, projects: p.projects.filter((x) => x.strategy === s) }))
    .filter((g) => g.projects.length > 0)
    .map((g) => ({ key: g.strategy, title: <strong>{t(`strategy.${g.strategy}`)}</strong>, children: g.projects.map((x) => projectNode(x, lang, t, onEdit, onAdd)) }));
  return (
    <section aria-labelledby="plan-title">
      <a href="#/plans" onClick={(e) => (e.preventDefault(), navigate('/plans'))}>
        ← {t('plans.back')}
      </a>
      <Typography.Title level={1} id="plan-title" style={{ fontSize: 22, marginTop: 8 }}>
        {lang === 'en' && p.titleEn ? p.titleEn : p.titleTh}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('plans.totals')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('plans.fiscalYear')}>{fiscalYearLabel(p.fiscalYear, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('plans.status')}>
                <Tag>{t(`status.${p.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('plans.edition')}>{p.edition}</Descriptions.Item>
              <Descriptions.Item label={t('plans.revision')}>{p.revision}</Descriptions.Item>
              <Descriptions.Item label={t('plans.projects')}>{p.totals.projectCount}</Descriptions.Item>
              <Descriptions.Item label={t('plans.requested')}>{formatBaht(p.totals.requestedBudgetSatang)}</Descriptions.Item>
              <Descriptions.Item label={t('plans.spent')}>{formatBaht(p.totals.progress.spentSatang)}</Descriptions.Item>
              <Descriptions.Item label={t('plans.updated')}>{formatDateTime(p.latestEventAt, lang)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <div style={{ marginTop: 16 }}>
            <PlanReportsCard planId={p.planId} fiscalYear={p.fiscalYear} />
          </div>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('plans.tree')}>
            <Tree treeData={tree} defaultExpandedKeys={tree.map((n) => n.key)} selectable={false} />
          </Card>
        </Col>
      </Row>
      {adding && addingTo && <AddToProject key={`${adding.projectId}-${adding.kind}`} plan={p} project={addingTo} kind={adding.kind} onClose={() => setAdding(null)} />}
      {editingProject && <ProjectEditor key={editingProject.projectId} plan={p} project={editingProject} onClose={() => setEditing(null)} />}
    </section>
  );
}
