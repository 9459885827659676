import { Checkbox, Form, Input, Select, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import { useAuth } from '../../auth';
import { formatBaht, formatDate } from '../../format';
import { CommandModal, useWorkspaceText } from './CommandModal';
import {
  ActivityItems,
  AgencyItem,
  BahtItem,
  BeDateItem,
  countsForm,
  countsOf,
  CountsItems,
  ReasonItem,
  TextItem,
} from './fields';
import {
  districtName,
  FUNDING_SOURCES,
  permissions,
  type Activity,
  type BudgetLine,
  type CommandAnswer,
  type FundingSource,
  type Kpi,
  type Plan,
  type Project,
} from './model';
import {
  bahtRules,
  bahtToSatang,
  beDateRules,
  beToIso,
  changed,
  isoToBe,
  LIMITS,
  measureRules,
  satangToBahtText,
  toMeasure,
} from './rules';
import { watchers } from './watch';
import { useNow } from '../../clock';

const optionalText = (value: string | undefined) => (value === undefined ? undefined : value.trim());
const reasonOf = (reason: string | undefined) => (reason?.trim() ? { reason: reason.trim() } : {});

interface ActivityValues {
  titleTh: string;
  titleEn: string;
  districtCode: string;
  startDate: string;
  endDate: string;
  targets: Record<string, string | undefined>;
  reason?: string;
}

const activityValues = (a: Activity): ActivityValues => ({
  titleTh: a.titleTh,
  titleEn: a.titleEn ?? '',
  districtCode: a.districtCode,
  startDate: isoToBe(a.startDate),
  endDate: isoToBe(a.endDate),
  targets: countsForm(a.targets),
});

const findActivity = (p: Plan, id: string) => p.projects.flatMap((x) => x.activities).find((a) => a.activityId === id);
const findKpi = (p: Plan, id: string) => p.projects.flatMap((x) => x.kpis).find((k) => k.kpiId === id);
const findLine = (p: Plan, id: string) => p.projects.flatMap((x) => x.budgetLines).find((l) => l.lineId === id);

/** An activity's title, district, schedule and targets (ChangeActivityDto): only what changed is sent. */
export function ChangeActivityForm({
  plan,
  activity,
  onClose,
}: {
  plan: Plan;
  activity: Activity;
  onClose: () => void;
}) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const may = permissions(user!, plan);
  const watch = watchers(w, t, lang);
  const send = (v: ActivityValues, ifMatch: string, opened: Partial<ActivityValues>) => {
    const now = {
      titleTh: v.titleTh.trim(),
      titleEn: v.titleEn?.trim() ?? '',
      districtCode: v.districtCode,
      startDate: beToIso(v.startDate),
      endDate: beToIso(v.endDate),
      targets: countsOf(v.targets),
    };
    const was = {
      titleTh: opened.titleTh,
      titleEn: opened.titleEn ?? '',
      districtCode: opened.districtCode,
      startDate: beToIso(opened.startDate),
      endDate: beToIso(opened.endDate),
      targets: countsOf(opened.targets),
    };
    const diff = changed(now, was as never);
    if (Object.keys(diff).length === 0) return Promise.reject(new Error(w('rules.nothingChanged')));
    return unwrap<CommandAnswer>(
      api.POST('/api/v1/plans/{planId}/activities/{activityId}/changes', {
        params: { path: { planId: plan.planId, activityId: activity.activityId }, header: { 'If-Match': ifMatch } },
        body: { ...diff, ...reasonOf(v.reason) } as never,
      }),
    );
  };
  return (
    <CommandModal<ActivityValues>
      plan={plan}
      name="change-activity"
      title={w('activity.changeTitle')}
      initialValues={activityValues(activity)}
      spec={{
        watch: watch.both(watch.activity(activity.activityId), watch.plan),
        valuesOf: (p) => activityValues(findActivity(p, activity.activityId) ?? activity),
        mine: (v) => ({
          titleTh: v.titleTh,
          titleEn: v.titleEn ?? '',
          districtCode: districtName(v.districtCode, lang),
          startDate: formatDate(beToIso(v.startDate), lang),
          endDate: formatDate(beToIso(v.endDate), lang),
          targets: watch.counts(countsOf(v.targets)),
        }),
        send,
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <ActivityItems plan={plan} />
          <ReasonItem required={may.amending} amending={may.amending} />
        </>
      )}
    </CommandModal>
  );
}

/** Hands an activity to another agency of its project (ReassignActivityDto). */
export function ReassignActivityForm({
  plan,
  project,
  activity,
  onClose,
}: {
  plan: Plan;
  project: Project;
  activity: Activity;
  onClose: () => void;
}) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const may = permissions(user!, plan);
  const watch = watchers(w, t, lang);
  const inProject = [project.leadAgencyCode, ...project.participatingAgencyCodes];
  return (
    <CommandModal<{ responsibleAgencyCode: string; reason?: string }>
      plan={plan}
      name="reassign-activity"
      title={w('activity.reassignTitle')}
      intro={<Typography.Paragraph strong>{activity.titleTh}</Typography.Paragraph>}
      initialValues={{ responsibleAgencyCode: activity.responsibleAgencyCode }}
      spec={{
        watch: watch.both(watch.activity(activity.activityId), watch.plan),
        mine: (v) => ({ responsibleAgencyCode: v.responsibleAgencyCode }),
        send: (v, ifMatch) =>
          unwrap(
            api.POST('/api/v1/plans/{planId}/activities/{activityId}/reassignment', {
              params: {
                path: { planId: plan.planId, activityId: activity.activityId },
                header: { 'If-Match': ifMatch },
              },
              body: { responsibleAgencyCode: v.responsibleAgencyCode, ...reasonOf(v.reason) },
            }),
          ),
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <AgencyItem
            name="responsibleAgencyCode"
            label={w('fields.responsible')}
            required
            extra={w('fields.responsibleHelp')}
            rules={[
              {
                validator: (_, code: string) =>
                  !code || inProject.includes(code)
                    ? Promise.resolve()
                    : Promise.reject(new Error(w('rules.agencyInProject'))),
              },
            ]}
          />
          <ReasonItem required={may.amending} amending={may.amending} />
        </>
      )}
    </CommandModal>
  );
}

interface KpiValues {
  descriptionTh: string;
  descriptionEn: string;
  unit: string;
  target: string;
  reason?: string;
}
const kpiValues = (k: Kpi): KpiValues => ({
  descriptionTh: k.descriptionTh,
  descriptionEn: k.descriptionEn ?? '',
  unit: k.unit,
  target: String(k.target),
});

/** A KPI's description, unit and target (ChangeKpiDto). */
export function ChangeKpiForm({ plan, kpi, onClose }: { plan: Plan; kpi: Kpi; onClose: () => void }) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const may = permissions(user!, plan);
  const watch = watchers(w, t, lang);
  const send = (v: KpiValues, ifMatch: string, opened: Partial<KpiValues>) => {
    const now = {
      descriptionTh: v.descriptionTh.trim(),
      descriptionEn: optionalText(v.descriptionEn) ?? '',
      unit: v.unit.trim(),
      target: toMeasure(v.target),
    };
    const was = {
      descriptionTh: opened.descriptionTh,
      descriptionEn: opened.descriptionEn ?? '',
      unit: opened.unit,
      target: toMeasure(opened.target),
    };
    const diff = changed(now, was as never);
    if (Object.keys(diff).length === 0) return Promise.reject(new Error(w('rules.nothingChanged')));
    return unwrap<CommandAnswer>(
      api.POST('/api/v1/plans/{planId}/kpis/{kpiId}/changes', {
        params: { path: { planId: plan.planId, kpiId: kpi.kpiId }, header: { 'If-Match': ifMatch } },
        body: { ...diff, ...reasonOf(v.reason) } as never,
      }),
    );
  };
  return (
    <CommandModal<KpiValues>
      plan={plan}
      name="change-kpi"
      title={w('kpi.changeTitle')}
      initialValues={kpiValues(kpi)}
      spec={{
        watch: watch.both(watch.kpi(kpi.kpiId), watch.plan),
        valuesOf: (p) => kpiValues(findKpi(p, kpi.kpiId) ?? kpi),
        mine: (v) => ({
          descriptionTh: v.descriptionTh,
          descriptionEn: v.descriptionEn ?? '',
          unit: v.unit,
          target: String(toMeasure(v.target) ?? v.target),
        }),
        send,
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <TextItem name="descriptionTh" label={t('add.kpiDescription')} required {...LIMITS.kpiDescription} />
          <TextItem
            name="descriptionEn"
            label={w('fields.descriptionEn')}
            required={false}
            max={LIMITS.kpiDescription.max}
            lang="en"
          />
          <TextItem name="unit" label={t('add.unit')} required {...LIMITS.unit} />
          <Form.Item label={t('add.kpiTarget')} name="target" rules={measureRules(w)} extra={w('fields.measureHelp')}>
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
          <ReasonItem required={may.amending} amending={may.amending} />
        </>
      )}
    </CommandModal>
  );
}

/** A budget line's amount, always with a reason (ReviseBudgetLineDto); the project's first line is its requested budget. */
export function ReviseLineForm({ plan, line, onClose }: { plan: Plan; line: BudgetLine; onClose: () => void }) {
  const { w, t, lang } = useWorkspaceText();
  const watch = watchers(w, t, lang);
  return (
    <CommandModal<{ amountBaht: string; reason: string }>
      plan={plan}
      name="revise-line"
      title={w('line.reviseTitle')}
      intro={
        <Typography.Paragraph>
          {w('line.now', { source: t(`add.source.${line.fundingSource}`), amount: formatBaht(line.amountSatang) })}
        </Typography.Paragraph>
      }
      initialValues={{ amountBaht: satangToBahtText(line.amountSatang) }}
      spec={{
        watch: watch.both(watch.line(line.lineId), watch.plan),
        valuesOf: (p) => ({
          amountBaht: satangToBahtText(findLine(p, line.lineId)?.amountSatang ?? line.amountSatang),
        }),
        mine: (v) => ({ amountSatang: formatBaht(bahtToSatang(v.amountBaht) ?? 0) }),
        send: (v, ifMatch) => {
          const amountSatang = bahtToSatang(v.amountBaht)!;
          if (amountSatang === line.amountSatang) return Promise.reject(new Error(w('rules.nothingChanged')));
          return unwrap(
            api.POST('/api/v1/plans/{planId}/budget-lines/{lineId}/revisions', {
              params: { path: { planId: plan.planId, lineId: line.lineId }, header: { 'If-Match': ifMatch } },
              body: { amountSatang, reason: v.reason.trim() },
            }),
          );
        },
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <BahtItem name="amountBaht" label={w('line.newAmount')} rules={bahtRules(w)} />
          <ReasonItem required />
        </>
      )}
    </CommandModal>
  );
}

/** Moves a budget line to another funding source (ReassignBudgetLineDto). */
export function ReassignLineForm({ plan, line, onClose }: { plan: Plan; line: BudgetLine; onClose: () => void }) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const may = permissions(user!, plan);
  const watch = watchers(w, t, lang);
  return (
    <CommandModal<{ fundingSource: FundingSource; reason?: string }>
      plan={plan}
      name="reassign-line"
      title={w('line.reassignTitle')}
      initialValues={{ fundingSource: line.fundingSource }}
      spec={{
        watch: watch.both(watch.line(line.lineId), watch.plan),
        mine: (v) => ({ fundingSource: t(`add.source.${v.fundingSource}`) }),
        send: (v, ifMatch) => {
          if (v.fundingSource === line.fundingSource) return Promise.reject(new Error(w('rules.nothingChanged')));
          return unwrap(
            api.POST('/api/v1/plans/{planId}/budget-lines/{lineId}/reassignment', {
              params: { path: { planId: plan.planId, lineId: line.lineId }, header: { 'If-Match': ifMatch } },
              body: { fundingSource: v.fundingSource, ...reasonOf(v.reason) },
            }),
          );
        },
      }}
      onClose={onClose}
    >
      {() => (
        <>
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

interface ProgressValues {
  reportedOn: string;
  reached: Record<string, string | undefined>;
  spendBaht: string;
  budgetLineId: string;
  note?: string;
  completed?: boolean;
}

/**
 * What an agency did on an activity (ReportProgressDto): the day, participants reached by target
 * group, money spent from one of the project's budget lines, a note, and whether it is finished.
 * The day is one of the plan's fiscal year that has come (the decider's rule).
 */
export function ReportProgressForm({
  plan,
  project,
  activity,
  onClose,
}: {
  plan: Plan;
  project: Project;
  activity: Activity;
  onClose: () => void;
}) {
  const { w, t, lang } = useWorkspaceText();
  const watch = watchers(w, t, lang);
  const now = useNow();
  const today = new Date(now + 7 * 3600 * 1000).toISOString().slice(0, 10);
  const last = today < plan.fiscalYearEnd ? today : plan.fiscalYearEnd;
  const lines = project.budgetLines.filter((l) => !l.withdrawn);
  return (
    <CommandModal<ProgressValues>
      plan={plan}
      name="report-progress"
      title={w('progress.title')}
      okText={w('progress.ok')}
      intro={
        <Typography.Paragraph>
          <strong>{lang === 'en' && activity.titleEn ? activity.titleEn : activity.titleTh}</strong>
          <br />
          {w('progress.targets', { targets: watch.counts(activity.targets), reached: watch.counts(activity.reached) })}
        </Typography.Paragraph>
      }
      initialValues={{ budgetLineId: project.projectId, completed: false }}
      spec={{
        watch: watch.both(watch.activity(activity.activityId), watch.plan),
        send: (v, ifMatch) =>
          unwrap(
            api.POST('/api/v1/plans/{planId}/activities/{activityId}/progress-reports', {
              params: {
                path: { planId: plan.planId, activityId: activity.activityId },
                header: { 'If-Match': ifMatch },
              },
              body: {
                reportedOn: beToIso(v.reportedOn)!,
                participantsReached: countsOf(v.reached),
                spendSatang: bahtToSatang(v.spendBaht)!,
                budgetLineId: v.budgetLineId,
                ...(v.note?.trim() ? { note: v.note.trim() } : {}),
                completed: v.completed === true,
              },
            }),
          ),
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <BeDateItem
            name="reportedOn"
            label={w('progress.reportedOn')}
            rules={beDateRules(w, {
              from: plan.fiscalYearStart,
              to: last,
              outside: w('rules.reportDay', {
                from: formatDate(plan.fiscalYearStart, lang),
                to: formatDate(last, lang),
              }),
            })}
          />
          <CountsItems name="reached" legend={w('progress.reached')} />
          <BahtItem name="spendBaht" label={w('progress.spend')} />
          <Form.Item
            label={w('progress.line')}
            name="budgetLineId"
            rules={[{ required: true, message: w('rules.required') }]}
          >
            <Select
              options={lines.map((l) => ({
                value: l.lineId,
                label: `${l.descriptionTh ?? t(`add.source.${l.fundingSource}`)} · ${formatBaht(l.amountSatang)} (${t('plans.spent')} ${formatBaht(l.spentSatang)})`,
              }))}
            />
          </Form.Item>
          <TextItem name="note" label={w('progress.note')} required={false} max={LIMITS.note} area />
          <Form.Item name="completed" valuePropName="checked">
            <Checkbox>{w('progress.completed')}</Checkbox>
          </Form.Item>
        </>
      )}
    </CommandModal>
  );
}

/** A KPI's measured value on a day (RecordKpiActualDto). */
export function KpiActualForm({ plan, kpi, onClose }: { plan: Plan; kpi: Kpi; onClose: () => void }) {
  const { w, t, lang } = useWorkspaceText();
  const watch = watchers(w, t, lang);
  const now = useNow();
  const today = new Date(now + 7 * 3600 * 1000).toISOString().slice(0, 10);
  const last = today < plan.fiscalYearEnd ? today : plan.fiscalYearEnd;
  return (
    <CommandModal<{ actual: string; measuredOn: string; note?: string }>
      plan={plan}
      name="kpi-actual"
      title={w('actual.title')}
      okText={w('actual.ok')}
      intro={
        <Typography.Paragraph>
          <strong>{lang === 'en' && kpi.descriptionEn ? kpi.descriptionEn : kpi.descriptionTh}</strong>
          <br />
          {w('actual.target', { target: kpi.target, unit: kpi.unit, actual: kpi.actual ?? '—' })}
        </Typography.Paragraph>
      }
      spec={{
        watch: watch.both(watch.kpi(kpi.kpiId), watch.plan),
        send: (v, ifMatch) =>
          unwrap(
            api.POST('/api/v1/plans/{planId}/kpis/{kpiId}/actuals', {
              params: { path: { planId: plan.planId, kpiId: kpi.kpiId }, header: { 'If-Match': ifMatch } },
              body: {
                actual: toMeasure(v.actual)!,
                measuredOn: beToIso(v.measuredOn)!,
                ...(v.note?.trim() ? { note: v.note.trim() } : {}),
              },
            }),
          ),
      }}
      onClose={onClose}
    >
      {() => (
        <>
          <Form.Item
            label={w('actual.value', { unit: kpi.unit })}
            name="actual"
            rules={measureRules(w)}
            extra={w('fields.measureHelp')}
          >
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
          <BeDateItem
            name="measuredOn"
            label={w('actual.measuredOn')}
            rules={beDateRules(w, {
              from: plan.fiscalYearStart,
              to: last,
              outside: w('rules.reportDay', {
                from: formatDate(plan.fiscalYearStart, lang),
                to: formatDate(last, lang),
              }),
            })}
          />
          <TextItem name="note" label={w('progress.note')} required={false} max={LIMITS.note} area />
        </>
      )}
    </CommandModal>
  );
}
