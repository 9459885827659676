import { Form, Select } from 'antd';
import { api, unwrap } from '../api/client';
import { useAuth } from '../auth';
import { CommandModal, useWorkspaceText } from './plan/CommandModal';
import { DistrictItem, linesOf, ObjectivesItem, ReasonItem, TargetGroupsItem, TextItem } from './plan/fields';
import {
  districtName,
  permissions,
  STRATEGIES,
  type CommandAnswer,
  type Plan,
  type Project,
  type Strategy,
  type TargetGroup,
} from './plan/model';
import { changed, LIMITS } from './plan/rules';
import { watchers } from './plan/watch';

/** The project fields the form edits (ChangeProjectDto), the way the form holds them. */
interface Fields {
  titleTh: string;
  titleEn: string;
  strategy: Strategy | 'unclassified';
  districtCodes: string[];
  targetGroups: TargetGroup[];
  objectives: string;
  reason?: string;
}

const fieldsOf = (p: Project): Fields => ({
  titleTh: p.titleTh,
  titleEn: p.titleEn ?? '',
  strategy: p.strategy,
  districtCodes: p.districtCodes,
  targetGroups: p.targetGroups,
  objectives: p.objectives.join('\n'),
});

/**
 * Edits one project (ChangeProject) with If-Match set to the plan revision the form was opened at.
 * A 412 opens a dialog showing what changed meanwhile, field by field, beside what the user typed;
 * the user re-applies their own changes on the current revision or takes the current values. Only
 * the fields the user changed are sent, so a re-apply never undoes someone else's edit.
 */
export function ProjectEditor({ plan, project, onClose }: { plan: Plan; project: Project; onClose: () => void }) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const may = permissions(user!, plan);
  const watch = watchers(w, t, lang);
  const valuesOf = (p: Plan): Fields => fieldsOf(p.projects.find((x) => x.projectId === project.projectId) ?? project);

  const send = (values: Fields, ifMatch: string, opened: Partial<Fields>): Promise<CommandAnswer> => {
    const { reason, ...edited } = values;
    const diff = changed(
      { ...edited, objectives: linesOf(edited.objectives) },
      {
        ...(opened as Fields),
        objectives: linesOf((opened as Fields).objectives),
      },
    );
    if (Object.keys(diff).length === 0) return Promise.reject(new Error(w('rules.nothingChanged')));
    const body = {
      ...diff,
      ...(typeof diff.titleEn === 'string' ? { titleEn: diff.titleEn.trim() } : {}),
      ...(reason?.trim() ? { reason: reason.trim() } : {}),
    };
    return unwrap(
      api.POST('/api/v1/plans/{planId}/projects/{projectId}/changes', {
        params: { path: { planId: plan.planId, projectId: project.projectId }, header: { 'If-Match': ifMatch } },
        body: body as never,
      }),
    );
  };
  const mine = (v: Fields) => ({
    titleTh: v.titleTh,
    titleEn: v.titleEn ?? '',
    strategy: t(`strategy.${v.strategy}`),
    districtCodes: (v.districtCodes ?? []).map((d) => districtName(d, lang)).join(', '),
    targetGroups: (v.targetGroups ?? []).map((g) => t(`add.group.${g}`)).join(', ') || '—',
    objectives: linesOf(v.objectives).join(' / ') || '—',
  });
  return (
    <CommandModal<Fields>
      plan={plan}
      name="change-project"
      title={t('edit.projectTitle')}
      initialValues={fieldsOf(project)}
      spec={{ watch: watch.both(watch.project(project.projectId), watch.plan), mine, valuesOf, send }}
      onClose={onClose}
    >
      {() => (
        <>
          <TextItem name="titleTh" label={t('edit.titleTh')} required {...LIMITS.title} />
          <TextItem name="titleEn" label={t('edit.titleEn')} required={false} max={LIMITS.titleEn} lang="en" />
          <Form.Item
            label={t('edit.strategy')}
            name="strategy"
            rules={[{ required: true, message: t('edit.required') }]}
          >
            <Select options={STRATEGIES.map((s) => ({ value: s, label: t(`strategy.${s}`) }))} />
          </Form.Item>
          <DistrictItem
            name="districtCodes"
            label={w('fields.districts')}
            province={plan.provinceCode}
            multiple
            required
          />
          <TargetGroupsItem />
          <ObjectivesItem />
          <ReasonItem required={may.amending} amending={may.amending} />
        </>
      )}
    </CommandModal>
  );
}
