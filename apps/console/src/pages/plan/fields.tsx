import { Col, Form, Input, Row, Select, type FormRule } from 'antd';
import { asText, formatBaht, formatDate } from '../../format';
import { useAgencies } from './api';
import { useWorkspaceText } from './CommandModal';
import { PROVINCES, TARGET_GROUPS, type Plan, type TargetGroup } from './model';
import {
  bahtRules,
  bahtToSatang,
  beDateRules,
  beToIso,
  LIMITS,
  reasonRules,
  textRules,
  wholeRules,
  type Text,
} from './rules';

type Name = string | (string | number)[];

/** A text of the DTO's length, trimmed. */
export function TextItem({
  name,
  label,
  required,
  min,
  max,
  area,
  lang,
  extra,
}: {
  name: Name;
  label: string;
  required: boolean;
  min?: number;
  max: number;
  area?: boolean;
  lang?: string;
  extra?: string;
}) {
  const { w } = useWorkspaceText();
  return (
    <Form.Item label={label} name={name} rules={textRules(w, { required, min, max })} extra={extra}>
      {area ? <Input.TextArea rows={3} lang={lang} /> : <Input lang={lang} />}
    </Form.Item>
  );
}

/** Why: required for withdrawals, revisions and, once the plan is approved, every change (an amendment). */
export function ReasonItem({
  required,
  amending,
  label,
  name = 'reason',
}: {
  required: boolean;
  amending?: boolean;
  label?: string;
  name?: string;
}) {
  const { w, t } = useWorkspaceText();
  return (
    <Form.Item
      label={label ?? t('edit.reason')}
      name={name}
      extra={amending ? t('edit.reasonAmendment') : undefined}
      rules={reasonRules(w, required)}
    >
      <Input.TextArea rows={2} />
    </Form.Item>
  );
}

/** Baht with satang as typed (`25,000.50`), sent as integer satang; what it reads as is shown beneath. */
export function BahtItem({
  name,
  label,
  rules,
  extra,
}: {
  name: Name;
  label: string;
  rules?: FormRule[];
  extra?: string;
}) {
  const { w } = useWorkspaceText();
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldValue }) => {
        const satang = bahtToSatang(getFieldValue(name) as string | undefined);
        const reads =
          satang === undefined
            ? extra
            : [w('fields.bahtReads', { amount: formatBaht(satang) }), extra].filter(Boolean).join(' · ');
        return (
          <Form.Item label={label} name={name} rules={rules ?? bahtRules(w)} extra={reads}>
            <Input inputMode="decimal" prefix="฿" placeholder="0.00" autoComplete="off" />
          </Form.Item>
        );
      }}
    </Form.Item>
  );
}

/** A day typed in the Buddhist era, day/month/year (`15/03/2562`); the day it reads as is shown beneath. */
export function BeDateItem({
  name,
  label,
  rules,
  extra,
}: {
  name: Name;
  label: string;
  rules?: FormRule[];
  extra?: string;
}) {
  const { w, lang } = useWorkspaceText();
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldValue }) => {
        const iso = beToIso(getFieldValue(name) as string | undefined);
        const reads = [iso ? w('fields.dateReads', { date: formatDate(iso, lang) }) : w('fields.dateHelp'), extra]
          .filter(Boolean)
          .join(' · ');
        return (
          <Form.Item label={label} name={name} rules={rules ?? beDateRules(w)} extra={reads}>
            <Input
              inputMode="numeric"
              placeholder={w('fields.datePlaceholder')}
              autoComplete="off"
              style={{ maxWidth: 220 }}
            />
          </Form.Item>
        );
      }}
    </Form.Item>
  );
}

/** Participants by target group, each a whole number (ParticipantCountsDto). */
export function CountsItems({
  name,
  legend,
  groups = TARGET_GROUPS,
}: {
  name: string;
  legend: string;
  groups?: readonly TargetGroup[];
}) {
  const { w, t } = useWorkspaceText();
  return (
    <fieldset className="pw-fieldset">
      <legend>{legend}</legend>
      <Row gutter={12}>
        {groups.map((g) => (
          <Col xs={12} md={8} key={g}>
            <Form.Item label={t(`add.group.${g}`)} name={[name, g]} rules={wholeRules(w)}>
              <Input inputMode="numeric" autoComplete="off" placeholder="0" />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </fieldset>
  );
}

/** An agency of the directory (or several), by name and code. */
export function AgencyItem({
  name,
  label,
  multiple,
  required,
  disabled,
  rules,
  extra,
}: {
  name: Name;
  label: string;
  multiple?: boolean;
  required?: boolean;
  disabled?: boolean;
  rules?: FormRule[];
  extra?: string;
}) {
  const { w, lang } = useWorkspaceText();
  const agencies = useAgencies();
  const options = (agencies.data ?? [])
    .filter((a) => a.active)
    .map((a) => ({ value: a.code, label: `${(lang === 'en' && a.nameEn) || a.nameTh} (${a.code})` }));
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[{ required, message: w('rules.required') }, ...(rules ?? [])]}
      extra={extra}
    >
      <Select
        mode={multiple ? 'multiple' : undefined}
        options={options}
        loading={agencies.isLoading}
        disabled={disabled}
        showSearch={{ optionFilterProp: 'label' }}
        allowClear={!required}
      />
    </Form.Item>
  );
}

/** A district (or several) of the plan's province. */
export function DistrictItem({
  name,
  label,
  province,
  multiple,
  required,
}: {
  name: Name;
  label: string;
  province: string;
  multiple?: boolean;
  required?: boolean;
}) {
  const { w, lang } = useWorkspaceText();
  const options = (PROVINCES[province]?.districts ?? []).map((d) => ({
    value: d.code,
    label: `${d[lang]} (${d.code})`,
  }));
  return (
    <Form.Item label={label} name={name} rules={[{ required, message: w('rules.required') }]}>
      <Select mode={multiple ? 'multiple' : undefined} options={options} showSearch={{ optionFilterProp: 'label' }} />
    </Form.Item>
  );
}

export function TargetGroupsItem({ name = 'targetGroups' }: { name?: string }) {
  const { w, t } = useWorkspaceText();
  return (
    <Form.Item label={w('fields.targetGroups')} name={name}>
      <Select mode="multiple" options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`add.group.${g}`) }))} />
    </Form.Item>
  );
}

/** Objectives, one a line (at most 20, each at most 1,000 characters). */
export function ObjectivesItem({ name = 'objectives' }: { name?: string }) {
  const { w } = useWorkspaceText();
  return (
    <Form.Item
      label={w('fields.objectives')}
      name={name}
      extra={w('fields.objectivesHelp')}
      rules={[
        {
          validator: (_, value: unknown) => {
            const lines = linesOf(value as string | undefined);
            if (lines.length > 20) return Promise.reject(new Error(w('rules.objectives')));
            if (lines.some((l) => l.length > 1000)) return Promise.reject(new Error(w('rules.objective')));
            return Promise.resolve();
          },
        },
      ]}
    >
      <Input.TextArea rows={3} />
    </Form.Item>
  );
}

export const linesOf = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Counts as the form holds them (strings) → the DTO's numbers, leaving out the empty ones. */
export function countsOf(values: Record<string, unknown> | undefined): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values ?? {}).flatMap(([k, v]) =>
      v === undefined || v === null || asText(v).trim() === '' ? [] : [[k, Number(asText(v).trim())]],
    ),
  );
}

/** Counts → the form's strings. */
export const countsForm = (counts: Record<string, number | undefined>) =>
  Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));

export const required = (w: Text) => ({ required: true, message: w('rules.required') });

/**
 * What an activity is given and changed with (AddActivityDto, ChangeActivityDto): its names, its
 * district, its B.E. dates within the plan's fiscal year (the end not before the start), its targets.
 */
export function ActivityItems({ plan }: { plan: Plan }) {
  const { w, t, lang } = useWorkspaceText();
  const inYear = {
    from: plan.fiscalYearStart,
    to: plan.fiscalYearEnd,
    outside: w('rules.inFiscalYear', {
      year: plan.fiscalYear,
      from: formatDate(plan.fiscalYearStart, lang),
      to: formatDate(plan.fiscalYearEnd, lang),
    }),
  };
  const endNotBeforeStart: FormRule = ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) => {
      const start = beToIso(getFieldValue('startDate') as string | undefined);
      const end = beToIso(value);
      return start && end && end < start ? Promise.reject(new Error(w('rules.endBeforeStart'))) : Promise.resolve();
    },
  });
  return (
    <>
      <TextItem name="titleTh" label={t('add.activityName')} required {...LIMITS.title} />
      <TextItem name="titleEn" label={w('fields.titleEn')} required={false} max={LIMITS.titleEn} lang="en" />
      <DistrictItem name="districtCode" label={w('fields.district')} province={plan.provinceCode} required />
      <BeDateItem name="startDate" label={w('fields.startDate')} rules={beDateRules(w, inYear)} />
      <BeDateItem name="endDate" label={w('fields.endDate')} rules={[...beDateRules(w, inYear), endNotBeforeStart]} />
      <CountsItems name="targets" legend={w('fields.targets')} />
    </>
  );
}
