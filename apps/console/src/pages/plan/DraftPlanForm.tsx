import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { noteWrittenPosition } from '../../live';
import { useWorkspaceText } from './CommandModal';
import { TextItem } from './fields';
import { useAuth } from '../../auth';
import { bangkokToday, fiscalYearOf, PROVINCES, type CommandAnswer } from './model';
import { LIMITS } from './rules';

interface Values {
  provinceCode: string;
  fiscalYear: string;
  titleTh: string;
  titleEn?: string;
}

/** The first fiscal year a plan can cover (the Anti-Trafficking in Persons Act, B.E. 2551); the coming year at the latest. */
const EARLIEST = 2551;

/**
 * Drafts a new plan (DraftPlanDto). A creation has no version to match; it carries an
 * Idempotency-Key instead, made when the form opens, so a retried click drafts one plan.
 */
export function DraftPlanForm({ onClose, onDrafted }: { onClose: () => void; onDrafted: (planId: string) => void }) {
  const { w, t, lang } = useWorkspaceText();
  const { user } = useAuth();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => crypto.randomUUID());
  const latest = fiscalYearOf(bangkokToday()) + 1;
  const draft = useMutation({
    mutationFn: (v: Values) =>
      unwrap<CommandAnswer>(
        api.POST('/api/v1/plans', {
          params: { header: { 'Idempotency-Key': key } },
          body: {
            provinceCode: v.provinceCode,
            fiscalYear: Number(v.fiscalYear),
            titleTh: v.titleTh.trim(),
            ...(v.titleEn?.trim() ? { titleEn: v.titleEn.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (answer) => {
      noteWrittenPosition(answer.position);
      await client.invalidateQueries({ queryKey: ['plans'] });
      onDrafted(answer.planId!);
    },
  });
  return (
    <Modal
      open
      title={w('draft.title')}
      onCancel={onClose}
      okText={w('draft.ok')}
      cancelText={t('edit.cancel')}
      onOk={() => form.submit()}
      confirmLoading={draft.isPending}
      destroyOnHidden
    >
      {draft.error && (
        <Alert
          type="error"
          role="alert"
          data-testid="command-problem"
          title={draft.error instanceof ApiError ? draft.error.text(lang) : t('common.error')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="draft-plan"
        initialValues={{ provinceCode: user?.province ?? 'TH-27', fiscalYear: String(fiscalYearOf(bangkokToday())) }}
        onFinish={(v) => draft.mutate(v)}
      >
        <Form.Item
          label={w('draft.province')}
          name="provinceCode"
          rules={[{ required: true, message: w('rules.required') }]}
        >
          <Select
            // A coordinator drafts for their own province only (the API refuses any other).
            options={Object.entries(PROVINCES)
              .filter(([code]) => code === user?.province)
              .map(([code, p]) => ({ value: code, label: `${p[lang]} (${code})` }))}
          />
        </Form.Item>
        <Form.Item
          label={w('draft.fiscalYear')}
          name="fiscalYear"
          extra={w('draft.fiscalYearHelp', { from: EARLIEST, to: latest })}
          rules={[
            { required: true, whitespace: true, message: w('rules.required') },
            {
              validator: (_, v: string) => {
                if (!v?.trim()) return Promise.resolve();
                const year = /^\d{4}$/.test(v.trim()) ? Number(v.trim()) : NaN;
                return year >= EARLIEST && year <= latest
                  ? Promise.resolve()
                  : Promise.reject(new Error(w('rules.fiscalYear', { from: EARLIEST, to: latest })));
              },
            },
          ]}
        >
          <Input inputMode="numeric" maxLength={4} autoComplete="off" style={{ maxWidth: 160 }} />
        </Form.Item>
        <TextItem name="titleTh" label={w('draft.titleTh')} required {...LIMITS.title} />
        <TextItem name="titleEn" label={w('draft.titleEn')} required={false} max={LIMITS.titleEn} lang="en" />
      </Form>
    </Modal>
  );
}
