import type { TFunction } from 'i18next';
import { asText, formatBaht, formatCount, formatDate, formatDateTime, type Lang } from '../../format';
import type { PlanAt } from './auditApi';
import { districtName } from '../../districts';

/** One step of a change's path: a list item by its id (`projects[<id>]`) or a field (`requestedBudgetSatang`). */
export type PathStep = { readonly list: string; readonly id: string } | { readonly field: string };

/** `projects[p1].budgetLines[l1].amountSatang` → project p1, line l1, field amountSatang. */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const part of path.split('.')) {
    const item = /^([A-Za-z]+)\[([^\]]+)\]$/.exec(part);
    if (item) steps.push({ list: item[1], id: item[2] });
    else if (part) steps.push({ field: part });
  }
  return steps;
}

/** Names of the plan's items by id, from a view of the plan (withdrawn items stay listed in it). */
export type ItemNames = ReadonlyMap<string, string>;

export function itemNames(plans: ReadonlyArray<PlanAt | undefined>, lang: Lang): ItemNames {
  const names = new Map<string, string>();
  const pick = (th: string | null | undefined, en: string | null | undefined) =>
    lang === 'en' && en ? en : (th ?? '');
  for (const plan of plans) {
    for (const p of plan?.projects ?? []) {
      names.set(p.projectId, pick(p.titleTh, p.titleEn));
      for (const a of p.activities) names.set(a.activityId, pick(a.titleTh, a.titleEn));
      for (const k of p.kpis) names.set(k.kpiId, pick(k.descriptionTh, k.descriptionEn));
      // A project's first budget line has the project's id: it keeps the project's name.
      for (const l of p.budgetLines) if (l.lineId !== p.projectId) names.set(l.lineId, l.descriptionTh ?? '');
    }
  }
  return names;
}

/** Where a change happened, in words: `โครงการ «…» › รายการงบประมาณ «…» › จำนวนเงิน`. */
export function describePath(path: string, t: TFunction, names: ItemNames, after?: unknown, before?: unknown): string {
  const steps = parsePath(path);
  const whole = (after ?? before) as Record<string, unknown> | null | undefined;
  return steps
    .map((step, i) => {
      if ('field' in step) return t([`audit.fields.${step.field}`, 'audit.fields.unknown'], { field: step.field });
      const previous = steps[i - 1];
      if (step.list === 'budgetLines' && previous && 'list' in previous && previous.id === step.id)
        return t('audit.items.requestedLine');
      const kind = t([`audit.items.${step.list}`, 'audit.items.unknown'], { list: step.list });
      // A whole item added or removed names itself; otherwise the plan view names it.
      const own =
        i === steps.length - 1 && whole && typeof whole === 'object'
          ? ((whole.titleTh ?? whole.descriptionTh ?? '') as string)
          : '';
      const name = names.get(step.id) || own;
      return name ? `${kind} «${name}»` : `${kind} ${step.id.slice(0, 8)}`;
    })
    .join(' › ');
}

/** The last field of a path (what decides how its value reads), if it ends in a field. */
export function fieldOf(path: string): string | undefined {
  const last = parsePath(path).pop();
  return last && 'field' in last ? last.field : undefined;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export interface ValueContext {
  readonly t: TFunction;
  readonly lang: Lang;
  readonly agency: (code: string, lang: Lang) => string;
}

/** Fields whose values are other things' names. */
const AGENCY_FIELDS = new Set(['leadAgencyCode', 'responsibleAgencyCode', 'participatingAgencyCodes', 'agency']);
const DISTRICT_FIELDS = new Set(['districtCode', 'districtCodes']);
const GROUP_FIELDS = new Set(['targetGroups']);
const COUNT_FIELDS = new Set(['targets', 'reached', 'participantsReached']);

/** How an item's own fields read when the whole item was added or removed: its name first, then what matters. */
const SUMMARY_FIELDS = [
  'titleTh',
  'descriptionTh',
  'strategy',
  'leadAgencyCode',
  'responsibleAgencyCode',
  'districtCode',
  'districtCodes',
  'startDate',
  'endDate',
  'fundingSource',
  'requestedBudgetSatang',
  'amountSatang',
  'target',
  'unit',
  'meetingReference',
  'meetingDate',
  'reason',
  'status',
];

/**
 * A value as a person reads it: money in baht, dates in the Buddhist era (Bangkok time), statuses,
 * strategies, funding sources, target groups, agencies and districts by their names.
 */
export function formatValue(field: string | undefined, value: unknown, ctx: ValueContext): string {
  const { t, lang } = ctx;
  if (value === null || value === undefined) return t('audit.values.none');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('audit.values.empty');
    return value.map((v) => formatValue(field, v, ctx)).join(', ');
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (field && COUNT_FIELDS.has(field)) {
      const parts = Object.entries(record).map(
        ([group, n]) =>
          `${t([`add.group.${group}`, 'audit.values.raw'], { value: group })} ${formatCount(n as number)}`,
      );
      return parts.length ? parts.join(', ') : t('audit.values.empty');
    }
    const keys = SUMMARY_FIELDS.filter((k) => k in record);
    const shown = keys.length ? keys : Object.keys(record).slice(0, 6);
    // One field a line (the tables keep the line breaks).
    return shown
      .map(
        (k) => `${t([`audit.fields.${k}`, 'audit.fields.unknown'], { field: k })}: ${formatValue(k, record[k], ctx)}`,
      )
      .join('\n');
  }
  if (typeof value === 'boolean') return t(value ? 'audit.values.yes' : 'audit.values.no');
  if (typeof value === 'number') {
    if (field?.endsWith('Satang')) return formatBaht(value);
    return formatCount(value);
  }
  const text = asText(value);
  if (field === 'status') return t([`audit.status.${text}`, `status.${text}`, 'audit.values.raw'], { value: text });
  if (field === 'strategy') return t([`strategy.${text}`, 'audit.values.raw'], { value: text });
  if (field === 'fundingSource') return t([`add.source.${text}`, 'audit.values.raw'], { value: text });
  if (field === 'category') return t([`audit.fundCategory.${text}`, 'audit.values.raw'], { value: text });
  if (field && GROUP_FIELDS.has(field)) return t([`add.group.${text}`, 'audit.values.raw'], { value: text });
  if (field && AGENCY_FIELDS.has(field)) return ctx.agency(text, lang);
  if (field && DISTRICT_FIELDS.has(field)) return districtName(text, lang);
  if (ISO_DAY.test(text)) return formatDate(text, lang);
  if (ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return formatDateTime(text, lang);
  return text;
}

/** The hash digest as people say it: the first and last few characters. */
export const shortDigest = (digest: string): string =>
  digest.length > 20 ? `${digest.slice(0, 12)}…${digest.slice(-8)}` : digest;
