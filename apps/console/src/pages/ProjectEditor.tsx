import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { Lang } from '../format';
import { ConflictDialog } from '../ConflictDialog';
import { noteWrittenPosition } from '../live';
import type { PlanView, ProjectView } from '../types';

const STRATEGIES = ['prevention', 'protection', 'prosecution', 'partnership'] as const;
type Strategy = (typeof STRATEGIES)[number];

/** The project fields the form edits (ChangeProjectDto), as strings the way the form holds them. */
interface Fields {
  titleTh: string;
  titleEn: string;
  strategy: Strategy;
}
const FIELDS = ['titleTh', 'titleEn', 'strategy'] as const;

const fieldsOf = (p: ProjectView): Fields => ({ titleTh: p.titleTh, titleEn: p.titleEn ?? '', strategy: p.strategy as Strategy });

/** What someone else changed in this project between the form's opening and the refused save. */
interface Conflict {
  readonly currentRevision: number;
  readonly current: Fields;
  readonly changes: ReadonlyArray<{ field: (typeof FIELDS)[number]; opened: string; now: string; mine: string; theirs: boolean }>;
}

/**
 * Edits one project (ChangeProject) with If-Match set to the plan revision the form was opened at.
 * A 412 opens a dialog showing what changed meanwhile, field by field, beside what the user typed;
 * the user re-applies their own changes on the current revision or takes the current values. Only
 * the fields the user changed are sent, so a re-apply never undoes someone else's edit.
 */
export function ProjectEditor({ plan, project, onClose }: { plan: PlanView; project: ProjectView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [form] = Form.useForm<Fields & { reason?: string }>();
  const [opened, setOpened] = useState<{ revision: number; fields: Fields }>({ revision: plan.revision, fields: fieldsOf(project) });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // After approval every change needs a reason, and an amended plan is still an approved one.
  const needsReason = plan.status === 'approved' || plan.status === 'amended';
  useEffect(() => form.setFieldsValue(opened.fields), [form, opened]);

  /** The fields the user changed from what the form opened with. */
  const changedFields = (values: Fields): Partial<Fields> => Object.fromEntries(FIELDS.filter((f) => values[f] !== opened.fields[f]).map((f) => [f, values[f]]));

  const save = useMutation({
    mutationFn: async ({ values, revision }: { values: Fields & { reason?: string }; revision: number }) => {
      const body = { ...changedFields(values), ...(values.reason ? { reason: values.reason } : {}) };
      return unwrap<{ position: string; revision: string }>(
        api.POST('/api/v1/plans/{planId}/projects/{projectId}/changes', {
          params: { path: { planId: plan.planId, projectId: project.projectId }, header: { 'If-Match': `"${revision}"` } },
          body,
        }),
      );
    },
    onSuccess: async (answer) => {
      noteWrittenPosition(answer.position);
      setConflict(null);
      await client.invalidateQueries({ queryKey: ['plan', plan.planId] });
      onClose();
    },
    onError: async (error, { values }) => {
      if (!(error instanceof ApiError) || error.status !== 412 || typeof error.problem.currentVersion !== 'string') return;
      // The plan exactly at the revision that refused the save (read from the log, not a view that may trail).
      const now = await unwrap<PlanView>(
        api.GET('/api/v1/plans/{planId}', { params: { path: { planId: plan.planId }, query: { revision: error.problem.currentVersion } as never } }),
      );
      const current = now.projects.find((p) => p.projectId === project.projectId);
      if (!current) return;
      const currentFields = fieldsOf(current);
      setConflict({
        currentRevision: now.revision,
        current: currentFields,
        // Every field either side changed: theirs (opened → now) beside what the user typed.
        changes: FIELDS.filter((f) => currentFields[f] !== opened.fields[f] || values[f] !== opened.fields[f]).map((f) => ({
          field: f,
          opened: opened.fields[f],
          now: currentFields[f],
          mine: values[f],
          theirs: currentFields[f] !== opened.fields[f],
        })),
      });
    },
  });

  const label = (field: (typeof FIELDS)[number], value: string) => (field === 'strategy' ? t(`strategy.${value}`) : value || '—');
  const submit = (values: Fields & { reason?: string }) => {
    if (Object.keys(changedFields(values)).length === 0) return onClose();
    save.mutate({ values, revision: opened.revision });
  };
  const reapply = () => {
    if (!conflict) return;
    save.mutate({ values: form.getFieldsValue(true), revision: conflict.currentRevision });
  };
  const takeCurrent = () => {
    if (!conflict) return;
    setOpened({ revision: conflict.currentRevision, fields: conflict.current });
    setConflict(null);
    save.reset();
  };

  const otherError = save.error && !(save.error instanceof ApiError && save.error.status === 412 && conflict);
  return (
    <>
      <Modal
        open
        title={t('edit.projectTitle')}
        onCancel={onClose}
        okText={t('edit.save')}
        cancelText={t('edit.cancel')}
        onOk={() => form.submit()}
        confirmLoading={save.isPending && !conflict}
      >
        {otherError && <Alert type="error" role="alert" title={save.error instanceof ApiError ? save.error.text(lang) : t('common.error')} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" name="change-project" initialValues={opened.fields} onFinish={submit}>
          <Form.Item label={t('edit.titleTh')} name="titleTh" rules={[{ required: true, whitespace: true, message: t('edit.required') }, { min: 3, max: 500, message: t('edit.length', { min: 3, max: 500 }) }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('edit.titleEn')} name="titleEn" rules={[{ max: 500, message: t('edit.length', { min: 0, max: 500 }) }]}>
            <Input lang="en" />
          </Form.Item>
          <Form.Item label={t('edit.strategy')} name="strategy" rules={[{ required: true, message: t('edit.required') }]}>
            <Select options={STRATEGIES.map((s) => ({ value: s, label: t(`strategy.${s}`) }))} />
          </Form.Item>
          <Form.Item
            label={t('edit.reason')}
            name="reason"
            extra={needsReason ? t('edit.reasonAmendment') : undefined}
            rules={[{ required: needsReason, whitespace: true, message: t('edit.reasonRequired') }, { max: 1000 }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <ConflictDialog
        open={conflict !== null}
        title={t('edit.conflictTitle')}
        intro={t('edit.conflictIntro', { revision: conflict?.currentRevision })}
        openedTitle={t('edit.whenOpened')}
        emptyText={t('edit.conflictElsewhere')}
        rows={(conflict?.changes ?? []).map((c) => ({ field: c.field, label: t(`edit.${c.field}`), opened: label(c.field, c.opened), now: label(c.field, c.now), mine: label(c.field, c.mine), theirs: c.theirs, changedByMe: c.mine !== c.opened }))}
        onTakeCurrent={takeCurrent}
        onReapply={reapply}
        reapplying={save.isPending}
        problem={save.isError && conflict && save.error instanceof ApiError && save.error.status !== 412 && <Alert type="error" role="alert" title={save.error.text(lang)} style={{ marginTop: 12 }} />}
      />
    </>
  );
}
