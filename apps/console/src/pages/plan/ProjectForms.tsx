import { Form, Select, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAuth } from '../../auth';
import { CommandModal, useWorkspaceText } from './CommandModal';
import {
  AgencyItem,
  BahtItem,
  DistrictItem,
  linesOf,
  ObjectivesItem,
  ReasonItem,
  TargetGroupsItem,
  TextItem,
} from './fields';
import {
  FUNDING_SOURCES,
  permissions,
  STRATEGIES,
  type CommandAnswer,
  type FundingSource,
  type Plan,
  type Project,
  type Strategy,
  type TargetGroup,
} from './model';
import { bahtToSatang, LIMITS } from './rules';
import { watchers } from './watch';

interface AddProjectValues {
  titleTh: string;
  titleEn?: string;
  strategy: Strategy;
  leadAgencyCode: string;
  participatingAgencyCodes?: string[];
  districtCodes: string[];
  targetGroups?: TargetGroup[];
  objectives?: string;
  requestedBudget: string;
  fundingSource: FundingSource;
  reason?: string;
}

/** A new project in the plan (AddProjectDto). An officer's project is led by the officer's agency. */
export function AddProjectForm({
  plan,
  onClose,
  onDone,
}: {
  plan: Plan;
  onClose: () => void;
  onDone?: (a: CommandAnswer) => void;
}) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const may = permissions(user!, plan);
  const watch = watchers(w, t, lang);
  const send = (v: AddProjectValues, ifMatch: string) =>
    unwrap<CommandAnswer>(
      api.POST('/api/v1/plans/{planId}/projects', {
        params: { path: { planId: plan.planId }, header: { 'If-Match': ifMatch } },
        body: {
          titleTh: v.titleTh.trim(),
          ...(v.titleEn?.trim() ? { titleEn: v.titleEn.trim() } : {}),
          strategy: v.strategy,
          leadAgencyCode: v.leadAgencyCode,
          ...(v.participatingAgencyCodes?.length ? { participatingAgencyCodes: v.participatingAgencyCodes } : {}),
          districtCodes: v.districtCodes,
          ...(v.targetGroups?.length ? { targetGroups: v.targetGroups } : {}),
          ...(linesOf(v.objectives).length ? { objectives: linesOf(v.objectives) } : {}),
          requestedBudgetSatang: bahtToSatang(v.requestedBudget)!,
          fundingSource: v.fundingSource,
          ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        },
      }),
    );
  return (
    <CommandModal<AddProjectValues>
      plan={plan}
      name="add-project"
      title={w('project.addTitle')}
      spec={{ watch: watch.plan, send }}
      initialValues={{
        leadAgencyCode: may.leadFixedTo ?? user!.agency,
        fundingSource: 'provincial_budget',
        strategy: 'prevention',
      }}
      onClose={onClose}
      onDone={onDone}
    >
      {() => (
        <>
          <TextItem name="titleTh" label={t('edit.titleTh')} required {...LIMITS.title} />
          <TextItem name="titleEn" label={t('edit.titleEn')} required={false} max={LIMITS.titleEn} lang="en" />
          <Form.Item
            label={t('edit.strategy')}
            name="strategy"
            rules={[{ required: true, message: w('rules.required') }]}
          >
            <Select options={STRATEGIES.map((s) => ({ value: s, label: t(`strategy.${s}`) }))} />
          </Form.Item>
          <AgencyItem
            name="leadAgencyCode"
            label={w('fields.leadAgency')}
            required
            disabled={may.leadFixedTo !== undefined}
            extra={may.leadFixedTo ? w('project.leadFixed') : undefined}
          />
          <AgencyItem name="participatingAgencyCodes" label={w('fields.participants')} multiple />
          <DistrictItem
            name="districtCodes"
            label={w('fields.districts')}
            province={plan.provinceCode}
            multiple
            required
          />
          <TargetGroupsItem />
          <ObjectivesItem />
          <BahtItem name="requestedBudget" label={w('project.requestedBudget')} extra={w('project.requestedHelp')} />
          <Form.Item
            label={t('add.fundingSource')}
            name="fundingSource"
            rules={[{ required: true, message: w('rules.required') }]}
          >
            <Select options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`add.source.${f}`) }))} />
          </Form.Item>
          <ReasonItem required={may.amending} amending={may.amending} />
        </>
      )}
    </CommandModal>
  );
}

interface ReassignValues {
  leadAgencyCode: string;
  participatingAgencyCodes: string[];
  reason?: string;
}

/** The project's lead and participating agencies (ReassignProjectDto). */
export function ReassignProjectForm({ plan, project, onClose }: { plan: Plan; project: Project; onClose: () => void }) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const may = permissions(user!, plan);
  const watch = watchers(w, t, lang);
  const valuesOf = (p: Plan): ReassignValues => {
    const x = p.projects.find((y) => y.projectId === project.projectId) ?? project;
    return { leadAgencyCode: x.leadAgencyCode, participatingAgencyCodes: x.participatingAgencyCodes };
  };
  return (
    <CommandModal<ReassignValues>
      plan={plan}
      name="reassign-project"
      title={w('project.reassignTitle')}
      intro={
        <Typography.Paragraph strong>
          {lang === 'en' && project.titleEn ? project.titleEn : project.titleTh}
        </Typography.Paragraph>
      }
      initialValues={valuesOf(plan)}
      spec={{
        watch: watch.both(watch.project(project.projectId), watch.plan),
        valuesOf,
        mine: (v) => ({
          leadAgencyCode: v.leadAgencyCode,
          participatingAgencyCodes: v.participatingAgencyCodes.join(', ') || '—',
        }),
        send: (v, ifMatch) =>
          unwrap(
            api.POST('/api/v1/plans/{planId}/projects/{projectId}/reassignment', {
              params: { path: { planId: plan.planId, projectId: project.projectId }, header: { 'If-Match': ifMatch } },
              body: {
                leadAgencyCode: v.leadAgencyCode,
                participatingAgencyCodes: v.participatingAgencyCodes ?? [],
                ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
              },
            }),
          ),
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <AgencyItem name="leadAgencyCode" label={w('fields.leadAgency')} required />
          <AgencyItem name="participatingAgencyCodes" label={w('fields.participants')} multiple />
          <ReasonItem required={may.amending} amending={may.amending} />
        </>
      )}
    </CommandModal>
  );
}

/** Withdraws a project, an activity, a KPI or a budget line: always with a reason (RequiredReasonDto). */
export function WithdrawForm({
  plan,
  item,
  id,
  title,
  onClose,
}: {
  plan: Plan;
  item: 'project' | 'activity' | 'kpi' | 'line';
  id: string;
  title: string;
  onClose: () => void;
}) {
  const { w, t, lang } = useWorkspaceText();
  const watch = watchers(w, t, lang);
  const watchItem = { project: watch.project, activity: watch.activity, kpi: watch.kpi, line: watch.line }[item](id);
  const send = (v: { reason: string }, ifMatch: string) => {
    const header = { 'If-Match': ifMatch };
    const body = { reason: v.reason.trim() };
    const planId = plan.planId;
    switch (item) {
      case 'project':
        return unwrap<CommandAnswer>(
          api.POST('/api/v1/plans/{planId}/projects/{projectId}/withdrawal', {
            params: { path: { planId, projectId: id }, header },
            body,
          }),
        );
      case 'activity':
        return unwrap<CommandAnswer>(
          api.POST('/api/v1/plans/{planId}/activities/{activityId}/withdrawal', {
            params: { path: { planId, activityId: id }, header },
            body,
          }),
        );
      case 'kpi':
        return unwrap<CommandAnswer>(
          api.POST('/api/v1/plans/{planId}/kpis/{kpiId}/withdrawal', {
            params: { path: { planId, kpiId: id }, header },
            body,
          }),
        );
      case 'line':
        return unwrap<CommandAnswer>(
          api.POST('/api/v1/plans/{planId}/budget-lines/{lineId}/withdrawal', {
            params: { path: { planId, lineId: id }, header },
            body,
          }),
        );
    }
  };
  return (
    <CommandModal<{ reason: string }>
      plan={plan}
      name={`withdraw-${item}`}
      title={w(`withdraw.${item}`)}
      okText={w('withdraw.ok')}
      danger
      intro={
        <Typography.Paragraph>
          <strong>{title}</strong>
          <br />
          {w('withdraw.intro')}
        </Typography.Paragraph>
      }
      spec={{ watch: watch.both(watchItem, watch.plan), send }}
      onClose={onClose}
    >
      {() => <ReasonItem required label={w('withdraw.reason')} />}
    </CommandModal>
  );
}
