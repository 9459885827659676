import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel, formatBaht, formatCount, formatDate, formatDateTime } from '../../format';
import type { PlanAt, ProjectAt } from './auditApi';
import { formatValue, type ValueContext } from './describe';

export type MarkKind = 'added' | 'removed' | 'changed';

/** What to highlight in a tree: items by their path (`projects[<id>]`), fields by theirs (`projects[<id>].requestedBudgetSatang`). */
export interface Highlight {
  item(path: string): MarkKind | undefined;
  field(path: string): boolean;
}

const STRATEGIES = ['prevention', 'protection', 'prosecution', 'partnership', 'unclassified'] as const;

/** A tag that says in words what colour alone would say. */
function MarkTag({ kind }: { kind: MarkKind | undefined }) {
  const { t } = useTranslation();
  if (!kind) return null;
  return (
    <Tag className={`audit-mark-tag audit-mark-tag-${kind}`} data-testid={`mark-${kind}`}>
      {t(`audit.compare.mark.${kind}`)}
    </Tag>
  );
}

/** A value that changed between the two sides is marked (and said to be, for screen readers). */
function Field({
  path,
  highlight,
  children,
  testId,
}: {
  path: string;
  highlight?: Highlight;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const changed = highlight?.field(path) ?? false;
  return changed ? (
    <mark className="audit-changed-field" data-testid={testId}>
      {children}
      <span className="visually-hidden"> ({t('audit.compare.mark.changed')})</span>
    </mark>
  ) : (
    <span data-testid={testId}>{children}</span>
  );
}

function ProjectItem({ project: p, highlight, ctx }: { project: ProjectAt; highlight?: Highlight; ctx: ValueContext }) {
  const { t, lang } = ctx;
  const base = `projects[${p.projectId}]`;
  const kind = highlight?.item(base);
  const title = lang === 'en' && p.titleEn ? p.titleEn : p.titleTh;
  return (
    <li
      className={kind ? `audit-item audit-mark-${kind}` : 'audit-item'}
      data-testid="plan-project"
      data-project-id={p.projectId}
    >
      <div>
        <strong className="audit-project-title">
          <Field path={`${base}.titleTh`} highlight={highlight} testId="project-title">
            {title}
          </Field>
        </strong>{' '}
        <MarkTag kind={kind} />
        {p.withdrawal && <Tag>{t('status.withdrawn')}</Tag>}
      </div>
      <div className="audit-item-facts">
        <span>
          {t('audit.fields.leadAgencyCode')}:{' '}
          <Field path={`${base}.leadAgencyCode`} highlight={highlight}>
            {ctx.agency(p.leadAgencyCode, lang)}
          </Field>
        </span>
        <span>
          {t('audit.fields.requestedBudgetSatang')}:{' '}
          <Field path={`${base}.requestedBudgetSatang`} highlight={highlight} testId="project-budget">
            {formatBaht(p.requestedBudgetSatang)}
          </Field>
        </span>
        {p.districtCodes.length > 0 && (
          <span>
            {t('audit.fields.districtCodes')}:{' '}
            <Field path={`${base}.districtCodes`} highlight={highlight}>
              {formatValue('districtCodes', p.districtCodes, ctx)}
            </Field>
          </span>
        )}
        {p.targetGroups.length > 0 && (
          <span>
            {t('audit.fields.targetGroups')}:{' '}
            <Field path={`${base}.targetGroups`} highlight={highlight}>
              {formatValue('targetGroups', p.targetGroups, ctx)}
            </Field>
          </span>
        )}
      </div>
      <ul className="audit-subitems">
        {p.activities.map((a) => {
          const path = `${base}.activities[${a.activityId}]`;
          const k = highlight?.item(path);
          return (
            <li key={a.activityId} className={k ? `audit-mark-${k}` : undefined} data-testid="plan-activity">
              {t('audit.items.activities')}:{' '}
              <Field path={`${path}.titleTh`} highlight={highlight}>
                {lang === 'en' && a.titleEn ? a.titleEn : a.titleTh}
              </Field>{' '}
              ·{' '}
              <Field path={`${path}.startDate`} highlight={highlight}>
                {formatDate(a.startDate, lang)}
              </Field>{' '}
              –{' '}
              <Field path={`${path}.endDate`} highlight={highlight}>
                {formatDate(a.endDate, lang)}
              </Field>{' '}
              · {formatValue('districtCode', a.districtCode, ctx)} ·{' '}
              <Field path={`${path}.status`} highlight={highlight}>
                {formatValue('status', a.status, ctx)}
              </Field>{' '}
              <MarkTag kind={k} />
            </li>
          );
        })}
        {p.kpis.map((k) => {
          const path = `${base}.kpis[${k.kpiId}]`;
          const m = highlight?.item(path);
          return (
            <li key={k.kpiId} className={m ? `audit-mark-${m}` : undefined} data-testid="plan-kpi">
              {t('audit.items.kpis')}: {lang === 'en' && k.descriptionEn ? k.descriptionEn : k.descriptionTh} ·{' '}
              {t('audit.fields.target')}{' '}
              <Field path={`${path}.target`} highlight={highlight}>
                {formatCount(k.target)}
              </Field>{' '}
              {k.unit} · {t('audit.fields.actual')}{' '}
              <Field path={`${path}.actual`} highlight={highlight}>
                {k.actual === null ? '—' : formatCount(k.actual)}
              </Field>
              {k.withdrawn && <Tag>{t('status.withdrawn')}</Tag>} <MarkTag kind={m} />
            </li>
          );
        })}
        {p.budgetLines.map((l) => {
          const path = `${base}.budgetLines[${l.lineId}]`;
          const m = highlight?.item(path);
          return (
            <li key={l.lineId} className={m ? `audit-mark-${m}` : undefined} data-testid="plan-budget-line">
              {t('audit.items.budgetLines')}: {l.descriptionTh ?? formatValue('fundingSource', l.fundingSource, ctx)} ·{' '}
              <Field path={`${path}.amountSatang`} highlight={highlight}>
                {formatBaht(l.amountSatang)}
              </Field>
              {l.descriptionTh ? ` · ${formatValue('fundingSource', l.fundingSource, ctx)}` : ''}{' '}
              {l.withdrawn && <Tag>{t('status.withdrawn')}</Tag>} <MarkTag kind={m} />
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** The plan's own facts: what it is, where it stands in its year, what it adds up to. */
function PlanFacts({ plan: p, highlight, ctx }: { plan: PlanAt; highlight?: Highlight; ctx: ValueContext }) {
  const { t, lang } = ctx;
  const row = (label: string, value: ReactNode, testId: string) => (
    <div className="audit-fact" key={testId}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <dl className="audit-facts">
      {row(t('audit.plan.fiscalYear'), fiscalYearLabel(p.fiscalYear, lang), 'plan-fiscal-year')}
      {row(
        t('audit.fields.status'),
        <Field path="status" highlight={highlight}>
          {formatValue('status', p.status, ctx)}
        </Field>,
        'plan-status',
      )}
      {row(
        t('audit.fields.edition'),
        <Field path="edition" highlight={highlight}>
          {p.edition}
        </Field>,
        'plan-edition',
      )}
      {row(t('audit.plan.revision'), p.revision, 'plan-revision')}
      {row(t('audit.fields.draftedAt'), formatDateTime(p.draftedAt, lang), 'plan-drafted')}
      {row(
        t('audit.fields.submittedAt'),
        <Field path="submittedAt" highlight={highlight}>
          {formatDateTime(p.submittedAt, lang)}
        </Field>,
        'plan-submitted',
      )}
      {row(
        t('audit.fields.approvals'),
        <Field path="approvals" highlight={highlight}>
          {p.approvals.length === 0
            ? t('audit.plan.notApproved')
            : p.approvals
                .map((a) =>
                  t('audit.plan.approval', {
                    edition: a.edition,
                    meeting: a.meetingReference,
                    date: formatDate(a.meetingDate, lang),
                  }),
                )
                .join('; ')}
        </Field>,
        'plan-approvals',
      )}
      {p.amendments.length > 0 &&
        row(
          t('audit.fields.amendments'),
          <Field path="amendments" highlight={highlight}>
            {p.amendments
              .map((a) =>
                t('audit.plan.amendment', {
                  edition: a.edition,
                  reason: a.reason,
                  date: formatDate(a.amendedAt, lang),
                }),
              )
              .join('; ')}
          </Field>,
          'plan-amendments',
        )}
      {row(t('audit.plan.projectCount'), formatCount(p.totals.projectCount), 'plan-project-count')}
      {row(t('audit.plan.requestedTotal'), formatBaht(p.totals.requestedBudgetSatang), 'plan-requested-total')}
    </dl>
  );
}

/**
 * A plan exactly as the API answered for one point of its past, read-only: its facts, then its
 * projects by strategy, each with its activities, KPIs and budget lines.
 */
export function PlanTree({
  plan,
  highlight,
  ctx,
  headingLevel = 3,
}: {
  plan: PlanAt;
  highlight?: Highlight;
  ctx: ValueContext;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = ctx;
  const Heading = `h${headingLevel}` as 'h3';
  const groups = STRATEGIES.map((s) => ({
    strategy: s,
    projects: plan.projects.filter((p) => p.strategy === s),
  })).filter((g) => g.projects.length > 0);
  return (
    <div className="audit-plan" data-testid="plan-tree" data-revision={plan.revision}>
      <p className="audit-plan-title" data-testid="plan-title">
        {ctx.lang === 'en' && plan.titleEn ? plan.titleEn : plan.titleTh}
      </p>
      <PlanFacts plan={plan} highlight={highlight} ctx={ctx} />
      {groups.length === 0 && <p data-testid="plan-no-projects">{t('audit.plan.noProjects')}</p>}
      {groups.map((g) => (
        <section key={g.strategy} className="audit-strategy">
          <Heading className="audit-strategy-heading">{t(`strategy.${g.strategy}`)}</Heading>
          <ul className="audit-items">
            {g.projects.map((p) => (
              <ProjectItem key={p.projectId} project={p} highlight={highlight} ctx={ctx} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
