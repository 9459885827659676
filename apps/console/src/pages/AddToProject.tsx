import { Form, Input, Select, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import { useAuth } from '../auth';
import { CommandModal, useWorkspaceText } from './plan/CommandModal';
import { ActivityItems, AgencyItem, BahtItem, countsOf, ReasonItem, TextItem } from './plan/fields';
import {
  FUNDING_SOURCES,
  permissions,
  type CommandAnswer,
  type FundingSource,
  type Plan,
  type Project,
} from './plan/model';
import { bahtToSatang, beToIso, LIMITS, measureRules, toMeasure } from './plan/rules';
import { watchers } from './plan/watch';

export type AddKind = 'activity' | 'kpi' | 'budgetLine';

interface Values {
  titleTh?: string;
  titleEn?: string;
  districtCode?: string;
  startDate?: string;
  endDate?: string;
  targets?: Record<string, string>;
  responsibleAgencyCode?: string;
  descriptionTh?: string;
  descriptionEn?: string;
  unit?: string;
  target?: string;
  fundingSource?: FundingSource;
  amountBaht?: string;
  reason?: string;
}

const optional = (key: string, value: string | undefined) => (value?.trim() ? { [key]: value.trim() } : {});

/**
 * Adds an activity, a KPI or a budget line to a project, with If-Match set to the plan revision the
 * form opened at. The rules mirror the API's DTOs and the decider's own checks a form can know (a
 * schedule inside the fiscal year, a district of the plan's province, whole participants, baht with
 * at most two satang digits, sent as integer satang); the API still decides, and its Thai/English
 * problem text is shown as it comes.
 */
export function AddToProject({
  plan,
  project,
  kind,
  onClose,
}: {
  plan: Plan;
  project: Project;
  kind: AddKind;
  onClose: () => void;
}) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const may = permissions(user!, plan);
  const watch = watchers(w, t, lang);
  const path = { planId: plan.planId, projectId: project.projectId };

  const send = (v: Values, ifMatch: string): Promise<CommandAnswer> => {
    const params = { path, header: { 'If-Match': ifMatch } };
    const reason = optional('reason', v.reason);
    if (kind === 'activity') {
      return unwrap(
        api.POST('/api/v1/plans/{planId}/projects/{projectId}/activities', {
          params,
          body: {
            titleTh: v.titleTh!.trim(),
            ...optional('titleEn', v.titleEn),
            districtCode: v.districtCode!,
            startDate: beToIso(v.startDate)!,
            endDate: beToIso(v.endDate)!,
            targets: countsOf(v.targets),
            ...(v.responsibleAgencyCode && v.responsibleAgencyCode !== project.leadAgencyCode
              ? { responsibleAgencyCode: v.responsibleAgencyCode }
              : {}),
            ...reason,
          },
        }),
      );
    }
    if (kind === 'kpi') {
      return unwrap(
        api.POST('/api/v1/plans/{planId}/projects/{projectId}/kpis', {
          params,
          body: {
            descriptionTh: v.descriptionTh!.trim(),
            ...optional('descriptionEn', v.descriptionEn),
            unit: v.unit!.trim(),
            target: toMeasure(v.target)!,
            ...reason,
          },
        }),
      );
    }
    return unwrap(
      api.POST('/api/v1/plans/{planId}/projects/{projectId}/budget-lines', {
        params,
        // Baht as typed, to integer satang as the API keeps it.
        body: {
          fundingSource: v.fundingSource!,
          amountSatang: bahtToSatang(v.amountBaht)!,
          ...optional('descriptionTh', v.descriptionTh),
          ...reason,
        },
      }),
    );
  };

  return (
    <CommandModal<Values>
      plan={plan}
      name={`add-${kind}`}
      title={t(`add.${kind}Title`)}
      intro={
        <Typography.Paragraph strong>
          {lang === 'en' && project.titleEn ? project.titleEn : project.titleTh}
        </Typography.Paragraph>
      }
      initialValues={{ fundingSource: 'provincial_budget', responsibleAgencyCode: project.leadAgencyCode }}
      spec={{ watch: watch.both(watch.project(project.projectId), watch.plan), send }}
      onClose={onClose}
    >
      {() => (
        <>
          {kind === 'activity' && (
            <>
              <ActivityItems plan={plan} />
              <AgencyItem
                name="responsibleAgencyCode"
                label={w('fields.responsible')}
                required
                rules={[
                  {
                    validator: (_, code: string) =>
                      !code || code === project.leadAgencyCode || project.participatingAgencyCodes.includes(code)
                        ? Promise.resolve()
                        : Promise.reject(new Error(w('rules.agencyInProject'))),
                  },
                ]}
                extra={w('fields.responsibleHelp')}
              />
            </>
          )}
          {kind === 'kpi' && (
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
              <Form.Item
                label={t('add.kpiTarget')}
                name="target"
                rules={measureRules(w)}
                extra={w('fields.measureHelp')}
              >
                <Input inputMode="decimal" autoComplete="off" />
              </Form.Item>
            </>
          )}
          {kind === 'budgetLine' && (
            <>
              <Form.Item
                label={t('add.fundingSource')}
                name="fundingSource"
                rules={[{ required: true, message: w('rules.required') }]}
              >
                <Select options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`add.source.${f}`) }))} />
              </Form.Item>
              <BahtItem name="amountBaht" label={t('add.amountBaht')} />
              <TextItem
                name="descriptionTh"
                label={t('add.lineDescription')}
                required={false}
                max={LIMITS.lineDescription}
              />
            </>
          )}
          <ReasonItem required={may.amending} amending={may.amending} />
        </>
      )}
    </CommandModal>
  );
}
