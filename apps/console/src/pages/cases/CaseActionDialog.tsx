import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/th';
import buddhistEra from 'dayjs/plugin/buddhistEra';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth';
import { ConflictDialog, type ConflictRow } from '../../ConflictDialog';
import { asText, formatDate, type Lang } from '../../format';
import { noteWrittenPosition } from '../../live';
import {
  CLOSURE_OUTCOMES,
  fulfilCommitment,
  isStale,
  laterStages,
  LEGAL_BASES,
  pledgeToCase,
  readCase,
  readCommitment,
  RESOURCES,
  sendCaseAction,
  useAgencies,
  type ActionValues,
  type CaseAction,
  type CaseRead,
  type Commitment,
  type Resource,
} from './cases';
import { amount, pickerLocale } from './CaseTags';

dayjs.extend(buddhistEra);

/** What a dialog does: a change to the case (If-Match: the case's ETag), a new pledge, or a delivery on one (its own ETag). */
export type Opened =
  | { readonly kind: 'case'; readonly action: CaseAction; readonly read: CaseRead }
  | { readonly kind: 'pledge'; readonly read: CaseRead }
  | { readonly kind: 'fulfil'; readonly commitment: Commitment; readonly etag: string };

const actionOf = (o: Opened) => (o.kind === 'case' ? o.action : o.kind);
const MAX_QUANTITY = Number.MAX_SAFE_INTEGER;
const iso = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : asText(d));

/** The answer of a 412: the record as it is now beside the one the dialog was opened on. */
interface Conflict {
  readonly rows: ConflictRow[];
  readonly retry: Opened;
  /** What the person entered, sent again as it was. */
  readonly values: ActionValues;
}

/**
 * One change at a time, in a dialog whose fields mirror the API's DTO rules (lengths, dates, whole
 * numbers). It keeps the ETag the record was read with; a 412 opens the shared conflict dialog with
 * what changed meanwhile, and the change is sent again only on the person's say.
 */
export function CaseActionDialog({
  opened,
  onClose,
  onDone,
}: {
  opened: Opened | null;
  onClose: () => void;
  onDone: (action: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const client = useQueryClient();
  const agencies = useAgencies();
  const [form] = Form.useForm<ActionValues>();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const caseId =
    opened && opened.kind !== 'fulfil'
      ? opened.read.case.caseId
      : opened?.kind === 'fulfil' && opened.commitment.target.caseId
        ? opened.commitment.target.caseId
        : '';

  const send = useMutation({
    mutationFn: async ({ to, values }: { to: Opened; values: ActionValues }): Promise<{ position: string }> => {
      if (to.kind === 'case') return sendCaseAction(to.read.case.caseId, to.action, to.read.etag, values);
      if (to.kind === 'pledge') {
        const resource = values.resource as Resource;
        const quantity = resource === 'budget_satang' ? Math.round(Number(values.baht) * 100) : Number(values.quantity);
        return pledgeToCase(to.read.case.caseId, { resource, quantity, dueOn: iso(values.dueOn) });
      }
      return fulfilCommitment(to.commitment.commitmentId, to.etag, {
        quantity:
          to.commitment.resource === 'budget_satang' ? Math.round(Number(values.baht) * 100) : Number(values.quantity),
        fulfilledOn: iso(values.fulfilledOn),
      });
    },
    onSuccess: async (answer, { to }) => {
      noteWrittenPosition(answer.position);
      setConflict(null);
      form.resetFields();
      onDone(actionOf(to));
      await client.invalidateQueries({ queryKey: ['case', caseId] });
      await client.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: async (error, { to, values }) => {
      if (!isStale(error)) return;
      setConflict(await conflictFor(to, values));
    },
  });

  /** What changed between the dialog's opening and now, read fresh from the API, beside what the person asked. */
  async function conflictFor(to: Opened, values: ActionValues): Promise<Conflict> {
    const mine: ConflictRow = {
      field: 'action',
      label: t('cases.yourAction'),
      opened: '—',
      now: '—',
      mine: describe(to, values),
      theirs: false,
      changedByMe: true,
    };
    if (to.kind === 'fulfil') {
      const now = await readCommitment(to.commitment.commitmentId);
      const was = to.commitment;
      const rows: ConflictRow[] = [
        {
          field: 'fulfilled',
          label: t('cases.fulfilled'),
          opened: amount(was.resource, was.fulfilled, t),
          now: amount(now.commitment.resource, now.commitment.fulfilled, t),
          mine: '',
          theirs: was.fulfilled !== now.commitment.fulfilled,
          changedByMe: false,
        },
        {
          field: 'quantity',
          label: t('cases.quantity'),
          opened: amount(was.resource, was.quantity, t),
          now: amount(now.commitment.resource, now.commitment.quantity, t),
          mine: '',
          theirs: was.quantity !== now.commitment.quantity,
          changedByMe: false,
        },
        {
          field: 'status',
          label: t('cases.status'),
          opened: t(`cases.commitmentStatuses.${was.status}`),
          now: t(`cases.commitmentStatuses.${now.commitment.status}`),
          mine: '',
          theirs: was.status !== now.commitment.status,
          changedByMe: false,
        },
        {
          field: 'dueOn',
          label: t('cases.dueOn'),
          opened: formatDate(was.dueOn, lang),
          now: formatDate(now.commitment.dueOn, lang),
          mine: '',
          theirs: was.dueOn !== now.commitment.dueOn,
          changedByMe: false,
        },
      ];
      return {
        rows: [...rows.filter((r) => r.theirs), mine],
        retry: { ...to, commitment: now.commitment, etag: now.etag },
        values,
      };
    }
    const fresh = await readCase(caseId, { fresh: true });
    client.setQueryData(['case', caseId], fresh);
    const was = to.read.case;
    const now = fresh.case;
    const text = (v: string | null | boolean, prefix: string) =>
      v === null ? t('cases.none') : typeof v === 'boolean' ? t(v ? 'cases.yes' : 'cases.no') : t(`${prefix}.${v}`);
    const fields: Array<[string, string, string | null | boolean, string | null | boolean, string]> = [
      ['stage', t('cases.stage'), was.stage, now.stage, 'cases.stages'],
      ['status', t('cases.status'), was.status, now.status, 'cases.statuses'],
      ['identification', t('cases.identification'), was.identification, now.identification, 'cases.identifications'],
      ['consent', t('cases.consent'), was.consent, now.consent, ''],
      ['legalBasis', t('cases.legalBasis'), was.legalBasis, now.legalBasis, 'cases.legalBases'],
      ['closureOutcome', t('cases.closureOutcome'), was.closureOutcome, now.closureOutcome, 'cases.closureOutcomes'],
    ];
    const rows: ConflictRow[] = fields
      .filter(([, , a, b]) => a !== b)
      .map(([field, label, a, b, prefix]) => ({
        field,
        label,
        opened: text(a, prefix),
        now: text(b, prefix),
        mine: '',
        theirs: true,
        changedByMe: false,
      }));
    rows.push({
      field: 'revision',
      label: t('cases.revision'),
      opened: String(was.revision),
      now: String(now.revision),
      mine: '',
      theirs: true,
      changedByMe: false,
    });
    return { rows: [...rows, mine], retry: { ...to, read: fresh }, values };
  }

  /** The person's request in words, for the conflict dialog's "yours" column. */
  function describe(to: Opened, v: ActionValues): ReactNode {
    const action = t(`cases.actions.${actionOf(to)}`);
    if (to.kind === 'case' && to.action === 'advance') return `${action}: ${t(`cases.stages.${String(v.stage)}`)}`;
    if (to.kind === 'case' && to.action === 'legalBasis')
      return `${action}: ${t(`cases.legalBases.${String(v.basis)}`)}`;
    if (to.kind === 'case' && to.action === 'close')
      return `${action}: ${t(`cases.closureOutcomes.${String(v.outcome)}`)}`;
    if (to.kind === 'fulfil')
      return `${action}: ${to.commitment.resource === 'budget_satang' ? `฿${String(v.baht)}` : String(v.quantity)}`;
    return action;
  }

  const close = () => {
    setConflict(null);
    send.reset();
    form.resetFields();
    onClose();
  };
  const takeCurrent = () => {
    void client.invalidateQueries({ queryKey: ['case', caseId] });
    close();
  };
  const reapply = () => conflict && send.mutate({ to: conflict.retry, values: conflict.values });

  if (!opened || !user) return null;
  const action = actionOf(opened);
  const otherError =
    send.error && !isStale(send.error)
      ? send.error instanceof ApiError
        ? send.error.text(lang)
        : t('common.error')
      : null;
  const required = { required: true, message: t('cases.required') };
  const datePicker = (past: boolean) => (
    <DatePicker
      locale={pickerLocale(lang)}
      format={(d) => formatDate(d.format('YYYY-MM-DD'), lang)}
      inputReadOnly
      allowClear={false}
      style={{ width: '100%' }}
      disabledDate={past ? (d) => d.isAfter(dayjs(), 'day') : undefined}
    />
  );
  const agencyOptions = (agencies.data ?? [])
    .filter((a) => a.active !== false)
    .map((a) => ({ value: a.code, label: `${lang === 'en' && a.nameEn ? a.nameEn : a.nameTh} (${a.code})` }));
  const stage = opened.kind === 'case' ? opened.read.case.stage : 'screening';
  const fulfilling = opened.kind === 'fulfil' ? opened.commitment : null;
  const remaining = fulfilling ? fulfilling.quantity - fulfilling.fulfilled : 0;

  const initial: ActionValues = {
    decidedOn: dayjs(),
    givenOn: dayjs(),
    withdrawnOn: dayjs(),
    fulfilledOn: dayjs(),
    dueOn: dayjs().add(14, 'day'),
    outcome: action === 'close' ? undefined : 'victim',
    decidingAgency: user.agency,
    stage: laterStages(stage)[0],
    resource: 'staff_days',
    quantity: fulfilling ? remaining : 1,
    baht: fulfilling ? remaining / 100 : undefined,
  };

  const title = fulfilling
    ? t('cases.fulfilFor', { resource: t(`cases.resources.${fulfilling.resource}`), agency: fulfilling.agency })
    : t(`cases.actions.${action}`);
  return (
    <>
      <Modal
        open={conflict === null}
        title={title}
        onCancel={close}
        okText={t(`cases.actions.${action}`)}
        cancelText={t('edit.cancel')}
        okButtonProps={{ danger: action === 'close' || action === 'withdrawConsent', 'data-testid': 'action-confirm' }}
        onOk={() => form.submit()}
        confirmLoading={send.isPending}
        destroyOnHidden
      >
        {otherError && (
          <Alert type="error" role="alert" title={otherError} style={{ marginBottom: 12 }} data-testid="action-error" />
        )}
        <Typography.Paragraph>{t(`cases.explain.${action}`)}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          name={`case-${action}`}
          initialValues={initial}
          onFinish={(values) =>
            send.mutate({ to: opened, values: { ...(form.getFieldsValue(true) as ActionValues), ...values } })
          }
        >
          {action === 'screening' && (
            <>
              <Form.Item
                label={t('cases.fields.indicators')}
                name="indicators"
                extra={t('cases.fields.indicatorsHelp')}
                rules={[{ required: true, type: 'array', min: 1, max: 50, message: t('cases.atLeastOne') }]}
              >
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',']} />
              </Form.Item>
              <Form.Item
                label={t('cases.fields.formReference')}
                name="formReference"
                rules={[
                  { ...required, whitespace: true },
                  { max: 100, message: t('cases.length', { min: 1, max: 100 }) },
                ]}
              >
                <Input />
              </Form.Item>
            </>
          )}
          {action === 'identification' && (
            <>
              <Form.Item label={t('cases.fields.outcome')} name="outcome" rules={[required]}>
                <Radio.Group
                  options={(['victim', 'not_victim'] as const).map((o) => ({
                    value: o,
                    label: t(`cases.identifications.${o}`),
                  }))}
                />
              </Form.Item>
              <Form.Item label={t('cases.fields.decidedOn')} name="decidedOn" rules={[required]}>
                {datePicker(true)}
              </Form.Item>
              <Form.Item label={t('cases.fields.decidingAgency')} name="decidingAgency" rules={[required]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={agencyOptions} />
              </Form.Item>
            </>
          )}
          {action === 'advance' && (
            <Form.Item label={t('cases.fields.stage')} name="stage" rules={[required]}>
              <Select options={laterStages(stage).map((s) => ({ value: s, label: t(`cases.stages.${s}`) }))} />
            </Form.Item>
          )}
          {action === 'consent' && (
            <Form.Item label={t('cases.fields.givenOn')} name="givenOn" rules={[required]}>
              {datePicker(true)}
            </Form.Item>
          )}
          {action === 'withdrawConsent' && (
            <Form.Item label={t('cases.fields.withdrawnOn')} name="withdrawnOn" rules={[required]}>
              {datePicker(true)}
            </Form.Item>
          )}
          {action === 'legalBasis' && (
            <>
              <Form.Item label={t('cases.fields.basis')} name="basis" rules={[required]}>
                <Select options={LEGAL_BASES.map((b) => ({ value: b, label: t(`cases.legalBases.${b}`) }))} />
              </Form.Item>
              <Form.Item
                label={t('cases.fields.reference')}
                name="reference"
                rules={[
                  { ...required, whitespace: true },
                  { min: 3, max: 500, message: t('cases.length', { min: 3, max: 500 }) },
                ]}
              >
                <Input placeholder="PDPA s.26(1); พ.ร.บ.ป้องกันและปราบปรามการค้ามนุษย์ ม.33" />
              </Form.Item>
            </>
          )}
          {action === 'close' && (
            <Form.Item label={t('cases.fields.closeOutcome')} name="outcome" rules={[required]}>
              <Select options={CLOSURE_OUTCOMES.map((o) => ({ value: o, label: t(`cases.closureOutcomes.${o}`) }))} />
            </Form.Item>
          )}
          {action === 'reopen' && (
            <Form.Item
              label={t('cases.fields.reason')}
              name="reason"
              extra={t('cases.fields.reasonHelp')}
              rules={[
                { ...required, whitespace: true },
                { min: 3, max: 2000, message: t('cases.length', { min: 3, max: 2000 }) },
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {action === 'pledge' && <PledgeFields datePicker={datePicker(false)} />}
          {fulfilling && (
            <>
              {fulfilling.resource === 'budget_satang' ? (
                <Form.Item
                  label={t('cases.fields.fulfilledQuantity', { remaining: amount(fulfilling.resource, remaining, t) })}
                  name="baht"
                  rules={[
                    required,
                    {
                      type: 'number',
                      min: 0.01,
                      max: remaining / 100,
                      message: t('cases.range', { min: '0.01', max: amount(fulfilling.resource, remaining, t) }),
                    },
                  ]}
                >
                  <InputNumber min={0.01} max={remaining / 100} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              ) : (
                <Form.Item
                  label={t('cases.fields.fulfilledQuantity', { remaining: amount(fulfilling.resource, remaining, t) })}
                  name="quantity"
                  rules={[
                    required,
                    { type: 'integer', min: 1, max: remaining, message: t('cases.wholeNumber', { max: remaining }) },
                  ]}
                >
                  <InputNumber min={1} max={remaining} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              )}
              <Form.Item label={t('cases.fields.fulfilledOn')} name="fulfilledOn" rules={[required]}>
                {datePicker(true)}
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <ConflictDialog
        open={conflict !== null}
        title={t(opened.kind === 'fulfil' ? 'cases.commitmentConflictTitle' : 'cases.conflictTitle')}
        intro={t('cases.conflictIntro', { action: t(`cases.actions.${action}`) })}
        openedTitle={t('cases.whenOpened')}
        rows={conflict?.rows ?? []}
        onTakeCurrent={takeCurrent}
        onReapply={reapply}
        reapplying={send.isPending}
        problem={
          otherError ? <Alert type="error" role="alert" title={otherError} style={{ marginTop: 12 }} /> : undefined
        }
      />
    </>
  );
}

/** A pledge's resource and amount (budget in baht, kept as integer satang) and its due date. */
function PledgeFields({ datePicker }: { datePicker: ReactNode }) {
  const { t } = useTranslation();
  const resource = Form.useWatch('resource', Form.useFormInstance()) as Resource | undefined;
  return (
    <>
      <Form.Item
        label={t('cases.fields.resource')}
        name="resource"
        rules={[{ required: true, message: t('cases.required') }]}
      >
        <Select options={RESOURCES.map((r) => ({ value: r, label: t(`cases.resources.${r}`) }))} />
      </Form.Item>
      {resource === 'budget_satang' ? (
        <Form.Item
          label={t('cases.fields.budgetBaht')}
          name="baht"
          rules={[
            { required: true, message: t('cases.required') },
            { type: 'number', min: 0.01, message: t('cases.positive') },
          ]}
        >
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item
          label={t('cases.fields.quantity')}
          name="quantity"
          rules={[
            { required: true, message: t('cases.required') },
            { type: 'integer', min: 1, max: MAX_QUANTITY, message: t('cases.wholeNumber', { max: MAX_QUANTITY }) },
          ]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item
        label={t('cases.fields.dueOn')}
        name="dueOn"
        rules={[{ required: true, message: t('cases.required') }]}
      >
        {datePicker}
      </Form.Item>
    </>
  );
}
