import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { Lang } from '../format';
import { noteWrittenPosition } from '../live';
import type { PlanView, ProjectView } from '../types';

export type AddKind = 'activity' | 'kpi' | 'budgetLine';
const FUNDING_SOURCES = ['provincial_budget', 'anti_trafficking_fund', 'agency_own', 'local_administration', 'private_ngo'] as const;
const GROUPS = ['children', 'women', 'families', 'migrant_workers', 'general_public', 'at_risk_youth'] as const;

interface Values {
  titleTh?: string;
  districtCode?: string;
  dates?: [Dayjs, Dayjs];
  targetGroup?: (typeof GROUPS)[number];
  targetCount?: number;
  descriptionTh?: string;
  unit?: string;
  target?: number;
  fundingSource?: (typeof FUNDING_SOURCES)[number];
  amountBaht?: number;
  reason?: string;
}

/**
 * Adds an activity, a KPI or a budget line to a project, with If-Match set to the plan revision the
 * form opened at. The rules mirror the API's DTOs (lengths, four-digit district, whole numbers, baht
 * with satang); the API still decides, and its Thai/English problem text is shown as it comes.
 */
export function AddToProject({ plan, project, kind, onClose }: { plan: PlanView; project: ProjectView; kind: AddKind; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  // After approval every change needs a reason, and an amended plan is still an approved one.
  const needsReason = plan.status === 'approved' || plan.status === 'amended';
  const path = { planId: plan.planId, projectId: project.projectId };
  const header = { 'If-Match': `"${plan.revision}"` };

  const add = useMutation({
    mutationFn: (v: Values) => {
      const reason = v.reason ? { reason: v.reason } : {};
      if (kind === 'activity') {
        return unwrap<{ position: string }>(
          api.POST('/api/v1/plans/{planId}/projects/{projectId}/activities', {
            params: { path, header },
            body: {
              titleTh: v.titleTh!,
              districtCode: v.districtCode!,
              startDate: v.dates![0].format('YYYY-MM-DD'),
              endDate: v.dates![1].format('YYYY-MM-DD'),
              targets: { [v.targetGroup!]: v.targetCount! },
              ...reason,
            } as never,
          }),
        );
      }
      if (kind === 'kpi') {
        return unwrap<{ position: string }>(
          api.POST('/api/v1/plans/{planId}/projects/{projectId}/kpis', { params: { path, header }, body: { descriptionTh: v.descriptionTh!, unit: v.unit!, target: v.target!, ...reason } as never }),
        );
      }
      return unwrap<{ position: string }>(
        api.POST('/api/v1/plans/{planId}/projects/{projectId}/budget-lines', {
          params: { path, header },
          // Baht as typed, to integer satang as the API keeps it.
          body: { fundingSource: v.fundingSource!, amountSatang: Math.round(v.amountBaht! * 100), ...(v.descriptionTh ? { descriptionTh: v.descriptionTh } : {}), ...reason } as never,
        }),
      );
    },
    onSuccess: async (answer) => {
      noteWrittenPosition(answer.position);
      await client.invalidateQueries({ queryKey: ['plan', plan.planId] });
      onClose();
    },
  });

  const required = { required: true, whitespace: true, message: t('edit.required') };
  return (
    <Modal open title={t(`add.${kind}Title`)} onCancel={onClose} okText={t('edit.save')} cancelText={t('edit.cancel')} onOk={() => form.submit()} confirmLoading={add.isPending}>
      {add.error && <Alert type="error" role="alert" title={add.error instanceof ApiError ? add.error.text(lang) : t('common.error')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name={`add-${kind}`} onFinish={(v) => add.mutate(v)} initialValues={{ targetGroup: 'women', fundingSource: 'provincial_budget' }}>
        {kind === 'activity' && (
          <>
            <Form.Item label={t('add.activityName')} name="titleTh" rules={[required, { min: 3, max: 500, message: t('edit.length', { min: 3, max: 500 }) }]}>
              <Input />
            </Form.Item>
            <Form.Item label={t('add.district')} name="districtCode" rules={[{ required: true, pattern: /^\d{4}$/, message: t('add.districtFormat') }]}>
              <Input inputMode="numeric" maxLength={4} placeholder="2706" />
            </Form.Item>
            <Form.Item label={t('add.dates')} name="dates" rules={[{ required: true, message: t('edit.required') }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item label={t('add.targetGroup')} name="targetGroup" rules={[{ required: true }]}>
              <Select options={GROUPS.map((g) => ({ value: g, label: t(`add.group.${g}`) }))} />
            </Form.Item>
            <Form.Item label={t('add.targetCount')} name="targetCount" rules={[{ required: true, type: 'integer', min: 0, max: 10_000_000, message: t('add.wholeNumber') }]}>
              <InputNumber style={{ width: '100%' }} min={0} precision={0} />
            </Form.Item>
          </>
        )}
        {kind === 'kpi' && (
          <>
            <Form.Item label={t('add.kpiDescription')} name="descriptionTh" rules={[required, { min: 3, max: 1000, message: t('edit.length', { min: 3, max: 1000 }) }]}>
              <Input />
            </Form.Item>
            <Form.Item label={t('add.unit')} name="unit" rules={[required, { max: 40, message: t('edit.length', { min: 1, max: 40 }) }]}>
              <Input placeholder="คน" />
            </Form.Item>
            <Form.Item label={t('add.kpiTarget')} name="target" rules={[{ required: true, type: 'number', min: 0, message: t('add.wholeNumber') }]}>
              <InputNumber style={{ width: '100%' }} min={0} />
            </Form.Item>
          </>
        )}
        {kind === 'budgetLine' && (
          <>
            <Form.Item label={t('add.fundingSource')} name="fundingSource" rules={[{ required: true }]}>
              <Select options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`add.source.${f}`) }))} />
            </Form.Item>
            <Form.Item label={t('add.amountBaht')} name="amountBaht" rules={[{ required: true, type: 'number', min: 0, message: t('add.amountFormat') }]}>
              <InputNumber style={{ width: '100%' }} min={0} precision={2} prefix="฿" />
            </Form.Item>
            <Form.Item label={t('add.lineDescription')} name="descriptionTh" rules={[{ max: 500 }]}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('edit.reason')} name="reason" extra={needsReason ? t('edit.reasonAmendment') : undefined} rules={[{ required: needsReason, whitespace: true, message: t('edit.reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
