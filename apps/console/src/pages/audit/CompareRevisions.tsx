import { Alert, Card, Col, Row, Select, Skeleton, Typography } from 'antd';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { formatDateTime, type Lang } from '../../format';
import {
  useAgencyNames,
  useComparison,
  useCurrentPlan,
  usePlanAt,
  useRevisionList,
  type FieldChange,
  type PlanComparison,
} from './auditApi';
import { describePath, fieldOf, formatValue, itemNames, type ValueContext } from './describe';
import { PlanTree, type Highlight, type MarkKind } from './PlanTree';
import { auditPath } from './route';

const under = (path: string, prefix: string) =>
  path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** What to mark on one side: on the earlier side what went or changed, on the later what came or changed. */
function highlightFor(comparison: PlanComparison | undefined, side: 'before' | 'after'): Highlight | undefined {
  if (!comparison) return undefined;
  const all = [...comparison.added, ...comparison.changed, ...comparison.removed];
  const own = side === 'before' ? comparison.removed : comparison.added;
  return {
    item(path) {
      if (own.some((c) => c.path === path)) return side === 'before' ? 'removed' : 'added';
      return all.some((c) => c.path !== path && under(c.path, path)) ? 'changed' : undefined;
    },
    field: (path) => all.some((c) => under(c.path, path)),
  };
}

function RevisionSelect({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: number | undefined;
  options: Array<{ value: number; label: string }>;
  onChange: (n: number) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="audit-field">
      <label htmlFor={id}>{label}</label>
      <Select
        id={id}
        showSearch
        value={value}
        onChange={onChange}
        options={options}
        optionFilterProp="label"
        style={{ width: '100%' }}
        data-testid={testId}
      />
    </div>
  );
}

/** Two revisions of the plan side by side, what differs marked in both, and the API's list of differences. */
export function CompareRevisions({
  planId,
  from,
  to,
  navigate,
}: {
  planId: string;
  from?: number;
  to?: number;
  navigate: (path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const agencies = useAgencyNames();
  const current = useCurrentPlan(planId);
  const list = useRevisionList(planId);
  const latest = current.data?.revision;
  // By default: the first approved edition against the plan as it stands.
  const left = from ?? current.data?.approvals[0]?.revision ?? 0;
  const right = to ?? latest;
  const comparison = useComparison(planId, left, right);
  const before = usePlanAt(planId, { revision: left });
  const after = usePlanAt(planId, right === undefined ? undefined : { revision: right });
  const ctx: ValueContext = { t, lang, agency: agencies.name };
  const names = useMemo(() => itemNames([after.data, before.data], lang), [after.data, before.data, lang]);
  const options = (list.data ?? []).map((e) => ({
    value: e.revision,
    label: `${t('audit.history.revision', { revision: e.revision })} · ${t([`audit.events.${e.type}`, 'audit.events.unknown'], { type: e.type })} · ${formatDateTime(e.occurredAt, lang)}`,
  }));
  if (latest !== undefined && !options.some((o) => o.value === latest))
    options.push({ value: latest, label: t('audit.history.revision', { revision: latest }) });
  const go = (f: number, tt: number | undefined) => navigate(auditPath({ planId, tab: 'compare', from: f, to: tt }));
  const c = comparison.isPlaceholderData ? undefined : comparison.data;
  const rows: Array<{ kind: MarkKind; change: FieldChange }> = c
    ? [
        ...c.added.map((change) => ({ kind: 'added' as const, change })),
        ...c.changed.map((change) => ({ kind: 'changed' as const, change })),
        ...c.removed.map((change) => ({ kind: 'removed' as const, change })),
      ]
    : [];
  const error = comparison.error ?? before.error ?? after.error;
  return (
    <div className="audit-compare">
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={<h2 className="card-heading">{t('audit.compare.pick')}</h2>}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <RevisionSelect
              label={t('audit.compare.from')}
              value={left}
              options={options}
              onChange={(n) => go(n, right)}
              testId="compare-from"
            />
          </Col>
          <Col xs={24} md={12}>
            <RevisionSelect
              label={t('audit.compare.to')}
              value={right}
              options={options}
              onChange={(n) => go(left, n)}
              testId="compare-to"
            />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" className="audit-help" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('audit.compare.legend')}
        </Typography.Paragraph>
      </Card>
      {error && (
        <Alert type="error" showIcon title={error instanceof ApiError ? error.text(lang) : t('common.error')} />
      )}
      <Card
        title={<h2 className="card-heading">{t('audit.compare.differences', { count: rows.length })}</h2>}
        size="small"
        style={{ marginBottom: 16 }}
        data-testid="compare-differences"
      >
        {!c && !error && <Skeleton active paragraph={{ rows: 2 }} />}
        {c && rows.length === 0 && <p>{t('audit.compare.same')}</p>}
        {rows.length > 0 && (
          <div className="audit-diff-wrap">
            <table className="audit-diff">
              <caption className="visually-hidden">{t('audit.compare.caption', { from: c!.from, to: c!.to })}</caption>
              <colgroup>
                <col className="audit-col-kind" />
                <col className="audit-col-field" />
                <col className="audit-col-value" />
                <col className="audit-col-value" />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t('audit.compare.kind')}</th>
                  <th scope="col">{t('audit.history.field')}</th>
                  <th scope="col">{t('audit.compare.inFrom', { revision: c!.from })}</th>
                  <th scope="col">{t('audit.compare.inTo', { revision: c!.to })}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ kind, change }) => (
                  <tr
                    key={`${kind}-${change.path}`}
                    className={`audit-mark-${kind}`}
                    data-testid="difference"
                    data-kind={kind}
                    data-path={change.path}
                  >
                    <td>{t(`audit.compare.mark.${kind}`)}</td>
                    <th scope="row">
                      {change.path === ''
                        ? t('audit.items.plan')
                        : describePath(change.path, t, names, change.after, change.before)}
                    </th>
                    <td>{formatValue(fieldOf(change.path), change.before, ctx)}</td>
                    <td>{formatValue(fieldOf(change.path), change.after, ctx)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {(
          [
            ['before', left, before],
            ['after', right, after],
          ] as const
        ).map(([side, revision, view]) => (
          <Col xs={24} lg={12} key={side}>
            <Card
              title={
                <h2 className="card-heading">
                  {t(side === 'before' ? 'audit.compare.left' : 'audit.compare.right', { revision })}
                </h2>
              }
              data-testid={`compare-${side}`}
            >
              {view.data && !view.isPlaceholderData ? (
                <PlanTree plan={view.data} ctx={ctx} highlight={highlightFor(c, side)} />
              ) : (
                <Skeleton active />
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
