import { DatePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, type Lang } from '../../format';
import { pickerLocale } from '../Reports';

/**
 * A day picked from a Buddhist-era calendar (the report card's as-of picker: years as 2562, Thai
 * month names), with a visible label; the value is the day itself (YYYY-MM-DD), read in Bangkok.
 */
export function DayField({
  label,
  help,
  value,
  onChange,
  placeholder,
  testId,
  min,
  max,
}: {
  label: string;
  help?: string;
  value: string | undefined;
  onChange: (day: string | undefined) => void;
  placeholder?: string;
  testId: string;
  min?: string;
  max?: string;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  return (
    <div className="audit-field">
      <label htmlFor={id}>{label}</label>
      <DatePicker
        id={id}
        value={value ? dayjs(value) : null}
        onChange={(d: Dayjs | null) => onChange(d ? d.format('YYYY-MM-DD') : undefined)}
        locale={pickerLocale(lang)}
        format={(d) => formatDate(d.format('YYYY-MM-DD'), lang)}
        inputReadOnly
        allowClear
        placeholder={placeholder}
        disabledDate={(d) =>
          d.isAfter(dayjs(), 'day') ||
          (min !== undefined && d.isBefore(dayjs(min), 'day')) ||
          (max !== undefined && d.isAfter(dayjs(max), 'day'))
        }
        aria-describedby={help ? `${id}-help` : undefined}
        style={{ width: '100%' }}
        data-testid={testId}
      />
      {help && (
        <Typography.Text type="secondary" id={`${id}-help`} className="audit-help">
          {help}
        </Typography.Text>
      )}
    </div>
  );
}
