import { Alert, Button, Card, Col, Row, Skeleton, Slider, Space } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth';
import { formatDate, formatDateTime, type Lang } from '../../format';
import { endOfBangkokDay } from '../../reports';
import {
  useAgencyNames,
  useCurrentPlan,
  useEntryAt,
  usePlanAt,
  useUserNames,
  type PlanAt,
  type Point,
} from './auditApi';
import { DayField } from './DayField';
import type { ValueContext } from './describe';
import { PlanTree } from './PlanTree';
import { auditPath } from './route';

/** The slider's landmarks: the draft, each approval and each amendment. */
function marksOf(plan: PlanAt, t: (key: string, o?: Record<string, unknown>) => string): Record<number, string> {
  const marks: Record<number, string> = { 0: t('audit.asOf.markDraft') };
  for (const a of plan.approvals) marks[a.revision] = t('audit.asOf.markApproval', { edition: a.edition });
  for (const a of plan.amendments) marks[a.revision] = t('audit.asOf.markAmendment', { edition: a.edition });
  marks[plan.revision] = marks[plan.revision] ?? t('audit.asOf.markLatest');
  return marks;
}

/**
 * The plan exactly as it was: a day from the Buddhist-era calendar (the plan at the end of that day
 * in Bangkok, `?asOf=`) or a revision from the slider (`?revision=`), shown as the API folds it.
 */
export function PlanAsOf({
  planId,
  day,
  revision,
  navigate,
}: {
  planId: string;
  day?: string;
  revision?: number;
  navigate: (path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const agencies = useAgencyNames();
  const people = useUserNames(user!.role);
  const current = useCurrentPlan(planId);
  const latest = current.data?.revision;
  // A day wins over a revision; with neither, the latest revision.
  const asOf = useMemo(() => (day ? endOfBangkokDay(day) : undefined), [day]);
  const point: Point | undefined = asOf
    ? { asOf }
    : revision !== undefined
      ? { revision }
      : latest !== undefined
        ? { revision: latest }
        : undefined;
  const view = usePlanAt(planId, point);
  const shown = view.isPlaceholderData ? undefined : view.data;
  const [dragging, setDragging] = useState<number | null>(null);
  const sliderId = useId();
  const entry = useEntryAt(planId, shown?.revision);
  const ctx: ValueContext = { t, lang, agency: agencies.name };
  const go = (to: { day?: string; revision?: number }) => navigate(auditPath({ planId, tab: 'as-of', ...to }));
  const at = dragging ?? view.data?.revision ?? revision ?? latest ?? 0;
  return (
    <div className="audit-as-of">
      <Card title={<h2 className="card-heading">{t('audit.asOf.pick')}</h2>} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[24, 16]}>
          <Col xs={24} md={8}>
            <DayField
              label={t('audit.asOf.day')}
              help={t('audit.asOf.dayHelp')}
              value={day}
              onChange={(d) => go(d ? { day: d } : { revision: latest })}
              placeholder={t('audit.asOf.dayPlaceholder')}
              testId="as-of-day"
            />
          </Col>
          <Col xs={24} md={16}>
            <div className="audit-field">
              <span id={`${sliderId}-label`}>{t('audit.asOf.revision')}</span>
              {latest !== undefined && current.data && (
                <div className="audit-slider">
                  <Slider
                    min={0}
                    max={Math.max(latest, 1)}
                    value={at}
                    disabled={latest === 0}
                    marks={marksOf(current.data, t)}
                    onChange={(n: number) => setDragging(n)}
                    onChangeComplete={(n: number) => (setDragging(null), go({ revision: n }))}
                    tooltip={{ formatter: (n) => t('audit.asOf.revisionValue', { revision: n }) }}
                    ariaLabelledByForHandle={`${sliderId}-label`}
                    ariaValueTextFormatterForHandle={(n) => t('audit.asOf.revisionValue', { revision: n })}
                    data-testid="revision-slider"
                  />
                </div>
              )}
              <Space wrap>
                <Button
                  onClick={() => go({ revision: Math.max(0, at - 1) })}
                  disabled={at <= 0}
                  data-testid="revision-previous"
                >
                  {t('audit.asOf.previous')}
                </Button>
                <Button
                  onClick={() => go({ revision: Math.min(latest ?? 0, at + 1) })}
                  disabled={latest === undefined || at >= latest}
                  data-testid="revision-next"
                >
                  {t('audit.asOf.next')}
                </Button>
                {current.data?.approvals.map((a) => (
                  <Button
                    key={a.revision}
                    onClick={() => go({ revision: a.revision })}
                    data-testid={`revision-approval-${a.edition}`}
                  >
                    {t('audit.asOf.approvedEdition', { edition: a.edition })}
                  </Button>
                ))}
              </Space>
            </div>
          </Col>
        </Row>
      </Card>
      <div role="status" aria-live="polite" className="audit-point" data-testid="as-of-point">
        {shown && asOf && day && (
          <>
            {t('audit.asOf.showingDay', { day: formatDate(day, lang), revision: shown.revision })}{' '}
            <code data-testid="as-of-instant">{asOf}</code>
          </>
        )}
        {shown && !asOf && t('audit.asOf.showingRevision', { revision: shown.revision, latest })}
        {entry.data && (
          <div className="audit-help" data-testid="as-of-event">
            {t('audit.asOf.madeBy', {
              event: t([`audit.events.${entry.data.type}`, 'audit.events.unknown'], { type: entry.data.type }),
              time: formatDateTime(entry.data.occurredAt, lang),
              name: people.name(entry.data.actor),
            })}
          </div>
        )}
      </div>
      {view.error && (
        <Alert
          type="warning"
          showIcon
          title={
            view.error instanceof ApiError && view.error.status === 404 && asOf
              ? t('audit.asOf.notYet')
              : view.error instanceof ApiError
                ? view.error.text(lang)
                : t('common.error')
          }
          data-testid="as-of-error"
        />
      )}
      {(view.isLoading || (view.isFetching && !shown)) && !view.error && <Skeleton active />}
      {shown && !view.error && (
        <Card
          title={<h2 className="card-heading">{t('audit.asOf.planTitle', { revision: shown.revision })}</h2>}
          data-testid="as-of-plan"
        >
          <PlanTree plan={shown} ctx={ctx} />
        </Card>
      )}
    </div>
  );
}
