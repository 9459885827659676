import { formatBaht, formatDate, type Lang } from '../../format';
import type { Watched } from './CommandModal';
import { districtName, type Counts, type Plan } from './model';

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * What each form watches in the plan, labelled in the reader's language: on a 412 the conflict
 * dialog lists what differs between the plan the form opened on and the plan now.
 */
export function watchers(w: T, t: T, lang: Lang) {
  const counts = (c: Counts) =>
    Object.entries(c)
      .filter(([, n]) => n)
      .map(([g, n]) => `${t(`add.group.${g}`)} ${n}`)
      .join(', ') || '—';
  const plan = (p: Plan): Watched => ({
    status: { label: w('fields.planStatus'), value: t(`status.${p.status}`) },
    edition: { label: t('plans.edition'), value: String(p.edition) },
    projects: { label: t('plans.projects'), value: String(p.totals.projectCount) },
    requested: { label: t('plans.requested'), value: formatBaht(p.totals.requestedBudgetSatang) },
  });
  const project =
    (projectId: string) =>
    (p: Plan): Watched => {
      const x = p.projects.find((y) => y.projectId === projectId);
      if (!x) return {};
      return {
        titleTh: { label: t('edit.titleTh'), value: x.titleTh },
        titleEn: { label: t('edit.titleEn'), value: x.titleEn ?? '' },
        strategy: { label: t('edit.strategy'), value: t(`strategy.${x.strategy}`) },
        leadAgencyCode: { label: w('fields.leadAgency'), value: x.leadAgencyCode },
        participatingAgencyCodes: {
          label: w('fields.participants'),
          value: x.participatingAgencyCodes.join(', ') || '—',
        },
        districtCodes: {
          label: w('fields.districts'),
          value: x.districtCodes.map((d) => districtName(d, lang)).join(', '),
        },
        targetGroups: {
          label: w('fields.targetGroups'),
          value: x.targetGroups.map((g) => t(`add.group.${g}`)).join(', ') || '—',
        },
        objectives: { label: w('fields.objectives'), value: x.objectives.join(' / ') || '—' },
        requestedBudgetSatang: { label: t('plans.requested'), value: formatBaht(x.requestedBudgetSatang) },
        withdrawn: { label: t('plans.status'), value: x.withdrawal ? t('status.withdrawn') : '—' },
      };
    };
  const activity =
    (activityId: string) =>
    (p: Plan): Watched => {
      const a = p.projects.flatMap((x) => x.activities).find((y) => y.activityId === activityId);
      if (!a) return {};
      return {
        titleTh: { label: t('add.activityName'), value: a.titleTh },
        titleEn: { label: w('fields.titleEn'), value: a.titleEn ?? '' },
        districtCode: { label: w('fields.district'), value: districtName(a.districtCode, lang) },
        startDate: { label: w('fields.startDate'), value: formatDate(a.startDate, lang) },
        endDate: { label: w('fields.endDate'), value: formatDate(a.endDate, lang) },
        targets: { label: w('fields.targets'), value: counts(a.targets) },
        responsibleAgencyCode: { label: w('fields.responsible'), value: a.responsibleAgencyCode },
        status: { label: t('plans.status'), value: t(`status.${a.status}`) },
        reached: { label: w('fields.reached'), value: counts(a.reached) },
        spent: { label: t('plans.spent'), value: formatBaht(a.spentSatang) },
      };
    };
  const kpi =
    (kpiId: string) =>
    (p: Plan): Watched => {
      const k = p.projects.flatMap((x) => x.kpis).find((y) => y.kpiId === kpiId);
      if (!k) return {};
      return {
        descriptionTh: { label: t('add.kpiDescription'), value: k.descriptionTh },
        descriptionEn: { label: w('fields.descriptionEn'), value: k.descriptionEn ?? '' },
        unit: { label: t('add.unit'), value: k.unit },
        target: { label: t('add.kpiTarget'), value: String(k.target) },
        actual: { label: t('plans.actual'), value: k.actual === null ? '—' : String(k.actual) },
        withdrawn: { label: t('plans.status'), value: k.withdrawn ? t('status.withdrawn') : '—' },
      };
    };
  const line =
    (lineId: string) =>
    (p: Plan): Watched => {
      const l = p.projects.flatMap((x) => x.budgetLines).find((y) => y.lineId === lineId);
      if (!l) return {};
      return {
        fundingSource: { label: t('add.fundingSource'), value: t(`add.source.${l.fundingSource}`) },
        amountSatang: { label: w('fields.amount'), value: formatBaht(l.amountSatang) },
        spent: { label: t('plans.spent'), value: formatBaht(l.spentSatang) },
        withdrawn: { label: t('plans.status'), value: l.withdrawn ? t('status.withdrawn') : '—' },
      };
    };
  const fund =
    (requestId: string) =>
    (p: Plan): Watched => {
      const r = p.projects.flatMap((x) => x.fundRequests).find((y) => y.requestId === requestId);
      if (!r) return {};
      return {
        status: { label: t('plans.status'), value: w(`fund.status.${r.status}`) },
        amountSatang: { label: w('fund.amount'), value: formatBaht(r.amountSatang) },
        approvedSatang: { label: w('fund.approved'), value: formatBaht(r.approvedSatang) },
        disbursedSatang: { label: w('fund.disbursed'), value: formatBaht(r.disbursedSatang) },
        justification: { label: w('fund.justification'), value: r.justification },
      };
    };
  /** Several parts at once (a form about an item also watches the plan's status: approval turns changes into amendments). */
  const both =
    (...parts: Array<(p: Plan) => Watched>) =>
    (p: Plan): Watched =>
      Object.fromEntries(parts.flatMap((f, i) => Object.entries(f(p)).map(([k, v]) => [i === 0 ? k : `${i}.${k}`, v])));
  return { plan, project, activity, kpi, line, fund, both, counts };
}
