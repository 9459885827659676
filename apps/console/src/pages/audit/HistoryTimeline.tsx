import { Alert, Button, Card, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth';
import { formatDateTime, type Lang } from '../../format';
import {
  EVENT_TYPES,
  exportHistory,
  useAgencyNames,
  useCurrentPlan,
  useHistoryPage,
  useRevisionList,
  useUserNames,
  type AuditEntry,
  type HistoryFilters,
} from './auditApi';
import { DayField } from './DayField';
import { describePath, fieldOf, formatValue, itemNames, type ItemNames, type ValueContext } from './describe';
import { auditPath } from './route';

const PAGE_SIZES = [5, 10, 20, 50] as const;

/** What one event changed, field by field: where, before, after. */
function ChangeTable({ entry, names, ctx }: { entry: AuditEntry; names: ItemNames; ctx: ValueContext }) {
  const { t } = ctx;
  if (entry.changes.length === 0) return <p className="audit-help">{t('audit.history.noChanges')}</p>;
  return (
    <div className="audit-diff-wrap">
      <table className="audit-diff" data-testid="entry-changes">
        <caption className="visually-hidden">{t('audit.history.changesOf', { revision: entry.revision })}</caption>
        <colgroup>
          <col className="audit-col-field" />
          <col className="audit-col-value" />
          <col className="audit-col-value" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('audit.history.field')}</th>
            <th scope="col">{t('audit.history.before')}</th>
            <th scope="col">{t('audit.history.after')}</th>
          </tr>
        </thead>
        <tbody>
          {entry.changes.map((c) => {
            const field = fieldOf(c.path);
            return (
              <tr key={c.path} data-path={c.path}>
                <th scope="row">
                  {c.path === '' ? t('audit.items.plan') : describePath(c.path, t, names, c.after, c.before)}
                </th>
                <td className="audit-before">{formatValue(field, c.before, ctx)}</td>
                <td className="audit-after">{formatValue(field, c.after, ctx)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Entry({
  entry: e,
  planId,
  names,
  ctx,
  person,
}: {
  entry: AuditEntry;
  planId: string;
  names: ItemNames;
  ctx: ValueContext;
  person: (username: string) => string;
}) {
  const { t, lang } = ctx;
  return (
    <li className="audit-entry" data-testid="history-entry" data-revision={e.revision} data-type={e.type}>
      <div className="audit-entry-head">
        <h3 className="audit-entry-title">{t([`audit.events.${e.type}`, 'audit.events.unknown'], { type: e.type })}</h3>
        <Tag>{t('audit.history.revision', { revision: e.revision })}</Tag>
      </div>
      <div className="audit-entry-meta">
        <time dateTime={e.occurredAt} data-testid="entry-time">
          {formatDateTime(e.occurredAt, lang)}
        </time>
        {' · '}
        <span data-testid="entry-actor">
          {t('audit.history.by', {
            name: person(e.actor),
            role: t([`roles.${e.role}`, 'audit.values.raw'], { value: e.role }),
            agency: ctx.agency(e.agency, lang),
          })}
        </span>
      </div>
      {e.reason && (
        <div className="audit-entry-reason" data-testid="entry-reason">
          <strong>{t('audit.history.reason')}:</strong> {e.reason}
        </div>
      )}
      <ChangeTable entry={e} names={names} ctx={ctx} />
      <div className="audit-entry-foot">
        <a href={`#${auditPath({ planId, tab: 'as-of', revision: e.revision })}`}>
          {t('audit.history.viewAt', { revision: e.revision })}
        </a>
        <details>
          <summary>{t('audit.history.technical')}</summary>
          <dl className="audit-tech">
            <dt>{t('audit.history.eventType')}</dt>
            <dd>
              <code>{e.type}</code>
            </dd>
            <dt>{t('audit.history.eventId')}</dt>
            <dd>
              <code>{e.eventId}</code>
            </dd>
            <dt>{t('audit.history.position')}</dt>
            <dd>
              <code>{e.position}</code>
            </dd>
            <dt>{t('audit.history.correlation')}</dt>
            <dd>
              <code>{e.correlationId}</code>
            </dd>
            <dt>{t('audit.history.recordedAt')}</dt>
            <dd>{formatDateTime(e.recordedAt, lang)}</dd>
          </dl>
        </details>
      </div>
    </li>
  );
}

function LabelledSelect({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="audit-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** The exports of the history as filtered: the API's CSV (Excel reads its Thai) and its JSON. */
function ExportButtons({ planId, filters }: { planId: string; filters: HistoryFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [busy, setBusy] = useState<'csv' | 'json' | null>(null);
  const [done, setDone] = useState<{ fileName: string; events: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (format: 'csv' | 'json') => {
    setBusy(format);
    setError(null);
    setDone(null);
    try {
      setDone(await exportHistory(planId, filters, format));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="audit-export">
      <Space wrap>
        {(['csv', 'json'] as const).map((format) => (
          <Button
            key={format}
            onClick={() => void run(format)}
            loading={busy === format}
            disabled={busy !== null && busy !== format}
            data-testid={`export-${format}`}
          >
            {t(`audit.export.${format}`)}
          </Button>
        ))}
      </Space>
      <Typography.Text type="secondary" className="audit-help">
        {t('audit.export.help')}
      </Typography.Text>
      <div role="status" data-testid="export-status">
        {done && t('audit.export.saved', { file: done.fileName, count: done.events })}
      </div>
      {error !== null && (
        <Alert type="error" showIcon title={error instanceof ApiError ? error.text(lang) : t('common.error')} />
      )}
    </div>
  );
}

/** The plan's history as a timeline: who did what when and why, what changed field by field; filtered, paged, exported. */
export function HistoryTimeline({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const agencies = useAgencyNames();
  const people = useUserNames(user!.role);
  const [filters, setFilters] = useState<HistoryFilters>({ types: [] });
  const [limit, setLimit] = useState<number>(20);
  // The API pages by revision: each page starts after the last revision of the one before it.
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const page = useHistoryPage(planId, filters, cursors[cursors.length - 1], limit);
  const current = useCurrentPlan(planId);
  const all = useRevisionList(planId);
  const names = useMemo(() => itemNames([current.data], lang), [current.data, lang]);
  const ctx: ValueContext = { t, lang, agency: agencies.name };
  const refilter = (change: Partial<HistoryFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setCursors([undefined]);
  };
  // Who acted and for which agency, as far as the first thousand events tell.
  const actors = [...new Set((all.data ?? []).map((e) => e.actor))];
  const agencyCodes = [...new Set((all.data ?? []).map((e) => e.agency))];
  const events = page.data?.events ?? [];
  const first = (cursors.length - 1) * limit + 1;
  return (
    <div className="audit-history">
      <Card
        title={<h2 className="card-heading">{t('audit.history.filters')}</h2>}
        size="small"
        style={{ marginBottom: 16 }}
      >
        <div className="audit-filters">
          <LabelledSelect label={t('audit.history.type')}>
            {(id) => (
              <Select
                id={id}
                mode="multiple"
                allowClear
                value={[...filters.types]}
                onChange={(types: string[]) => refilter({ types })}
                placeholder={t('audit.history.allTypes')}
                options={EVENT_TYPES.map((type) => ({ value: type, label: t(`audit.events.${type}`) }))}
                optionFilterProp="label"
                style={{ width: '100%' }}
                data-testid="filter-type"
              />
            )}
          </LabelledSelect>
          <LabelledSelect label={t('audit.history.actor')}>
            {(id) => (
              <Select
                id={id}
                allowClear
                showSearch
                value={filters.actor}
                onChange={(actor?: string) => refilter({ actor })}
                placeholder={t('audit.history.anyone')}
                options={actors.map((a) => ({
                  value: a,
                  label: people.name(a) === a ? a : `${people.name(a)} (${a})`,
                }))}
                optionFilterProp="label"
                style={{ width: '100%' }}
                data-testid="filter-actor"
              />
            )}
          </LabelledSelect>
          <LabelledSelect label={t('audit.history.agency')}>
            {(id) => (
              <Select
                id={id}
                allowClear
                showSearch
                value={filters.agency}
                onChange={(agency?: string) => refilter({ agency })}
                placeholder={t('audit.history.anyAgency')}
                options={agencyCodes.map((c) => ({ value: c, label: agencies.name(c, lang) }))}
                optionFilterProp="label"
                style={{ width: '100%' }}
                data-testid="filter-agency"
              />
            )}
          </LabelledSelect>
          <DayField
            label={t('audit.history.from')}
            value={filters.fromDay}
            onChange={(fromDay) => refilter({ fromDay })}
            placeholder={t('audit.history.anyDay')}
            testId="filter-from"
            max={filters.toDay}
          />
          <DayField
            label={t('audit.history.to')}
            value={filters.toDay}
            onChange={(toDay) => refilter({ toDay })}
            placeholder={t('audit.history.anyDay')}
            testId="filter-to"
            min={filters.fromDay}
          />
        </div>
        <ExportButtons planId={planId} filters={filters} />
      </Card>
      {page.error && (
        <Alert
          type="error"
          showIcon
          title={page.error instanceof ApiError ? page.error.text(lang) : t('common.error')}
        />
      )}
      {page.isLoading && <Skeleton active />}
      <div aria-live="polite" aria-busy={page.isFetching} className="visually-hidden" data-testid="history-summary">
        {page.data &&
          (events.length
            ? t('audit.history.showing', { first, last: first + events.length - 1 })
            : t('audit.history.none'))}
      </div>
      {page.data && events.length === 0 && (
        <Alert type="info" title={t('audit.history.none')} data-testid="history-empty" />
      )}
      <ol className="audit-timeline" data-testid="history" aria-label={t('audit.history.title')}>
        {events.map((e) => (
          <Entry key={e.eventId} entry={e} planId={planId} names={names} ctx={ctx} person={people.name} />
        ))}
      </ol>
      <nav className="audit-paging" aria-label={t('audit.history.paging')}>
        <Button
          onClick={() => setCursors((c) => c.slice(0, -1))}
          disabled={cursors.length === 1 || page.isFetching}
          data-testid="page-previous"
        >
          {t('audit.history.previous')}
        </Button>
        <span data-testid="page-range">
          {events.length ? t('audit.history.range', { first, last: first + events.length - 1 }) : ''}
        </span>
        <Button
          onClick={() => setCursors((c) => [...c, events[events.length - 1].revision])}
          disabled={!page.data?.next || page.isFetching || events.length === 0}
          data-testid="page-next"
        >
          {t('audit.history.next')}
        </Button>
        <LabelledSelect label={t('audit.history.pageSize')}>
          {(id) => (
            <Select
              id={id}
              value={limit}
              onChange={(n: number) => (setLimit(n), setCursors([undefined]))}
              options={PAGE_SIZES.map((n) => ({ value: n, label: t('audit.history.perPage', { count: n }) }))}
              style={{ width: 140 }}
              data-testid="page-size"
            />
          )}
        </LabelledSelect>
      </nav>
    </div>
  );
}
