/** The audit screens' places in the hash: `#/audit`, `#/audit/plans/<id>/history|as-of|compare`, with the point in the query. */
export type AuditTab = 'history' | 'as-of' | 'compare';

export type AuditRoute =
  | { readonly planId?: undefined }
  | { readonly planId: string; readonly tab: 'history' }
  | { readonly planId: string; readonly tab: 'as-of'; readonly revision?: number; readonly day?: string }
  | { readonly planId: string; readonly tab: 'compare'; readonly from?: number; readonly to?: number };

const revisionOf = (value: string | null): number | undefined =>
  value !== null && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
const dayOf = (value: string | null): string | undefined =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;

export function parseAuditRoute(path: string): AuditRoute {
  const [where, search = ''] = path.split('?');
  const match = /^\/audit\/plans\/([0-9a-f-]{36})(?:\/(history|as-of|compare))?\/?$/i.exec(where);
  if (!match) return {};
  const planId = match[1];
  const query = new URLSearchParams(search);
  const tab = (match[2] ?? 'history') as AuditTab;
  if (tab === 'as-of')
    return { planId, tab, revision: revisionOf(query.get('revision')), day: dayOf(query.get('day')) };
  if (tab === 'compare') return { planId, tab, from: revisionOf(query.get('from')), to: revisionOf(query.get('to')) };
  return { planId, tab };
}

export function auditPath(route: AuditRoute): string {
  if (!route.planId) return '/audit';
  const base = `/audit/plans/${route.planId}/${route.tab}`;
  const query = new URLSearchParams();
  if (route.tab === 'as-of') {
    if (route.day) query.set('day', route.day);
    else if (route.revision !== undefined) query.set('revision', String(route.revision));
  }
  if (route.tab === 'compare') {
    if (route.from !== undefined) query.set('from', String(route.from));
    if (route.to !== undefined) query.set('to', String(route.to));
  }
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}
