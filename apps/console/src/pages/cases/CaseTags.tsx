import { Tag } from 'antd';
import enUS from 'antd/locale/en_US';
import thTH from 'antd/locale/th_TH';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatBaht, formatCount, type Lang } from '../../format';
import type { Case, Commitment } from './cases';

// Dark hues: antd draws a hex colour as a pale tint with the colour as its text, which keeps 4.5:1.
const STAGE_COLOURS: Record<Case['stage'], string> = {
  screening: '#595959',
  identification: '#8a3b00',
  protection_assistance: '#1f5fa8',
  return_reintegration: '#0b6767',
  prosecution_support: '#3b3fa0',
};

export function StageTag({ stage }: { stage: Case['stage'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE_COLOURS[stage]} data-testid="case-stage">
      {t(`cases.stages.${stage}`)}
    </Tag>
  );
}

export function CaseStatusTag({ status }: { status: Case['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? '#2e6b30' : '#595959'}>{t(`cases.statuses.${status}`)}</Tag>;
}

export function OverdueTag({ children }: { children?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color="#b3261e" data-testid="overdue-tag">
      {children ?? t('cases.overdue')}
    </Tag>
  );
}

export function CommitmentStatusTag({ commitment }: { commitment: Commitment }) {
  const { t } = useTranslation();
  const colour = { pledged: '#1f5fa8', fulfilled: '#2e6b30', withdrawn: '#595959' }[commitment.status];
  return (
    <span>
      <Tag color={colour}>{t(`cases.commitmentStatuses.${commitment.status}`)}</Tag>
      {commitment.overdue && <OverdueTag />}
    </span>
  );
}

/** A district's Thai (or English) name beside its geocode; an unknown code stands for itself. */
/** A pledged or delivered amount: baht for budget (integer satang), a count with its unit otherwise. */
export function amount(resource: string, quantity: number, t: TFunction): string {
  if (resource === 'budget_satang') return formatBaht(quantity);
  const key = `cases.units.${resource}`;
  const text = t(key, { count: quantity });
  return text === key ? formatCount(quantity) : text.replace(String(quantity), formatCount(quantity));
}

/** The date picker's calendar in Buddhist-era years (2562, not 2019), as the reports' picker shows it. */
export const pickerLocale = (lang: Lang) => {
  const base = (lang === 'th' ? thTH : enUS).DatePicker!;
  return { ...base, lang: { ...base.lang, yearFormat: 'BBBB', cellYearFormat: 'BBBB', fieldYearFormat: 'BBBB' } };
};
