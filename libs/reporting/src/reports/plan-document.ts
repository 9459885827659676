import { PROVINCES, type PlanView, type ProjectView } from '@ruamjai/planning';
import { formatBaht, formatThaiDate, formatThaiDateTime, bangkokDate } from '../domain/thai-format';
import { PLAN_STATUS_TH, SOURCE_TH, STRATEGY_ORDER, STRATEGY_TH, TARGET_GROUP_TH } from './labels';
import type { Block, CellValue, Provenance, ReportDocument } from './report-document';

export type AgencyNames = ReadonlyMap<string, string>;

export const districtNameTh = (provinceCode: string, code: string): string =>
  PROVINCES[provinceCode]?.districts.find((d) => d.code === code)?.th ?? code;

/** Place names a line never breaks inside: "อำเภอโคกสูง", not "อำเภอโคก / สูง". */
export const placeNames = (provinceCode: string): string[] =>
  (PROVINCES[provinceCode]?.districts ?? [])
    .flatMap((d) => [d.th, `อำเภอ${d.th}`])
    .concat(PROVINCES[provinceCode] ? [PROVINCES[provinceCode].th, `จังหวัด${PROVINCES[provinceCode].th}`] : []);
export const agencyNameTh = (names: AgencyNames, code: string): string => names.get(code) ?? code;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const participants = (counts: Readonly<Partial<Record<string, number>>>) =>
  sum(Object.values(counts).map((n) => n ?? 0));

/** The live projects in the order they were added. */
export const liveProjects = (plan: PlanView): ProjectView[] =>
  plan.projects.filter((p) => !p.withdrawal).sort((a, b) => a.addedAtRevision - b.addedAtRevision);

export function provenanceLines(p: Provenance): string[] {
  return [
    `สร้างจากบันทึกเหตุการณ์ถึงตำแหน่ง ${p.position}${p.latestEventAt ? ` (เหตุการณ์ล่าสุด ${formatThaiDateTime(p.latestEventAt)})` : ''}`,
    `Built from the event log up to position ${p.position}`,
    ...(p.reproduceAsOf ? [`ทำซ้ำได้ด้วย / reproduce with ?asOf=${p.reproduceAsOf}`] : []),
  ];
}

/**
 * The provincial action plan as the subcommittee reads it: cover, the projects under each strategy
 * with their agencies, districts and budget by source, the approval and every amendment with its reason.
 */
export function planDocument(plan: PlanView, agencies: AgencyNames, provenance: Provenance): ReportDocument {
  const province = PROVINCES[plan.provinceCode];
  const projects = liveProjects(plan);
  const approval = plan.approvals[0];
  const blocks: Block[] = [
    {
      kind: 'cover',
      lines: ['ศูนย์ปฏิบัติการป้องกันและปราบปรามการค้ามนุษย์จังหวัด' + (province?.th ?? plan.provinceCode)],
      title: plan.titleTh,
      subtitle: [
        `ปีงบประมาณ พ.ศ. ${plan.fiscalYear} (${formatThaiDate(plan.fiscalYearStart)} – ${formatThaiDate(plan.fiscalYearEnd)})`,
        `สถานะ: ${PLAN_STATUS_TH[plan.status] ?? plan.status}${plan.edition > 0 ? ` ฉบับที่ ${plan.edition}` : ''}`,
        approval
          ? `ได้รับความเห็นชอบจากที่ประชุมคณะอนุกรรมการ ${approval.meetingReference} เมื่อวันที่ ${formatThaiDate(approval.meetingDate)}`
          : 'ยังไม่ได้รับความเห็นชอบ',
        `งบประมาณรวม ${formatBaht(plan.totals.requestedBudgetSatang)} (${projects.length} โครงการ)`,
        ...provenanceLines(provenance),
      ],
    },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: 'สรุปงบประมาณตามแหล่งงบประมาณ / Budget by source' },
    {
      kind: 'table',
      sheet: 'งบตามแหล่ง',
      columns: [
        { th: 'แหล่งงบประมาณ', en: 'Source', width: 3 },
        { th: 'จำนวนเงิน (บาท)', en: 'Amount (THB)', width: 1.4, align: 'right' },
      ],
      rows: Object.entries(plan.totals.requestedBySource)
        .filter(([, v]) => (v ?? 0) !== 0)
        .map(([source, v]) => [SOURCE_TH[source] ?? source, { baht: v ?? 0 }]),
      totals: ['รวมทั้งสิ้น', { baht: plan.totals.requestedBudgetSatang }],
    },
    { kind: 'heading', level: 1, text: 'สรุปโครงการตามยุทธศาสตร์ / Projects by strategy' },
    {
      kind: 'table',
      columns: [
        { th: 'ยุทธศาสตร์', en: 'Strategy', width: 3 },
        { th: 'จำนวนโครงการ', en: 'Projects', width: 1, align: 'right' },
        { th: 'งบประมาณ (บาท)', en: 'Budget (THB)', width: 1.4, align: 'right' },
      ],
      rows: STRATEGY_ORDER.map((s) => {
        const of = projects.filter((p) => p.strategy === s);
        return [STRATEGY_TH[s], of.length, { baht: sum(of.map((p) => p.requestedBudgetSatang)) }] as CellValue[];
      }),
      totals: ['รวม', projects.length, { baht: sum(projects.map((p) => p.requestedBudgetSatang)) }],
    },
  ];
  let n = 0;
  for (const strategy of STRATEGY_ORDER) {
    const of = projects.filter((p) => p.strategy === strategy);
    if (of.length === 0) continue;
    blocks.push({ kind: 'heading', level: 1, text: STRATEGY_TH[strategy] });
    for (const project of of) {
      n += 1;
      blocks.push({ kind: 'heading', level: 2, text: `โครงการที่ ${n} ${project.titleTh}` });
      blocks.push({
        kind: 'fields',
        rows: [
          ['หน่วยงานรับผิดชอบหลัก', agencyNameTh(agencies, project.leadAgencyCode)],
          ['หน่วยงานร่วม', project.participatingAgencyCodes.map((c) => agencyNameTh(agencies, c)).join(', ') || '–'],
          [
            'พื้นที่ดำเนินการ',
            project.districtCodes.map((c) => `อำเภอ${districtNameTh(plan.provinceCode, c)}`).join(' ') || '–',
          ],
          ['กลุ่มเป้าหมาย', project.targetGroups.map((g) => TARGET_GROUP_TH[g] ?? g).join(' ') || '–'],
          ['วัตถุประสงค์', project.objectives.map((o, i) => `(${i + 1}) ${o}`).join(' ') || '–'],
          ['งบประมาณ', formatBaht(project.requestedBudgetSatang)],
        ],
      });
      blocks.push({
        kind: 'table',
        columns: [
          { th: 'แหล่งงบประมาณ', en: 'Source', width: 2.2 },
          { th: 'รายการ', en: 'Line', width: 2.2 },
          { th: 'จำนวนเงิน (บาท)', en: 'Amount', width: 1.3, align: 'right' },
        ],
        rows: project.budgetLines
          .filter((l) => !l.withdrawn)
          .map((l) => [
            SOURCE_TH[l.fundingSource] ?? l.fundingSource,
            l.descriptionTh ?? 'งบประมาณโครงการ',
            { baht: l.amountSatang },
          ]),
        totals: ['รวม', '', { baht: project.requestedBudgetSatang }],
      });
      const activities = project.activities.filter((a) => a.status !== 'withdrawn');
      if (activities.length > 0) {
        blocks.push({
          kind: 'table',
          columns: [
            { th: 'กิจกรรม', en: 'Activity', width: 3 },
            { th: 'ระยะเวลา', en: 'Schedule', width: 2.2 },
            { th: 'อำเภอ', en: 'District', width: 1.3 },
            { th: 'เป้าหมาย (คน)', en: 'Target', width: 1, align: 'right' },
          ],
          rows: activities.map((a) => [
            a.titleTh,
            `${formatThaiDate(a.startDate, 'short')} – ${formatThaiDate(a.endDate, 'short')}`,
            districtNameTh(plan.provinceCode, a.districtCode),
            participants(a.targets),
          ]),
        });
      }
      const kpis = project.kpis.filter((k) => !k.withdrawn);
      if (kpis.length > 0) {
        blocks.push({
          kind: 'table',
          columns: [
            { th: 'ตัวชี้วัด', en: 'KPI', width: 4 },
            { th: 'ค่าเป้าหมาย', en: 'Target', width: 1.4, align: 'right' },
          ],
          rows: kpis.map((k) => [k.descriptionTh, `${k.target} ${k.unit}`]),
        });
      }
    }
  }
  blocks.push({ kind: 'heading', level: 1, text: 'การอนุมัติแผน / Approval' });
  blocks.push(
    plan.approvals.length > 0
      ? {
          kind: 'table',
          columns: [
            { th: 'ฉบับที่', en: 'Edition', width: 0.8, align: 'center' },
            { th: 'การประชุม', en: 'Meeting', width: 2 },
            { th: 'วันที่ประชุม', en: 'Meeting date', width: 2 },
          ],
          rows: plan.approvals.map((a) => [
            a.edition,
            `การประชุมคณะอนุกรรมการฯ ${a.meetingReference}`,
            { date: a.meetingDate },
          ]),
        }
      : { kind: 'paragraph', text: 'แผนยังไม่ได้รับความเห็นชอบจากคณะอนุกรรมการ / Not yet approved' },
  );
  blocks.push({ kind: 'heading', level: 1, text: 'การปรับแผนและเหตุผล / Amendments and their reasons' });
  const withdrawn = plan.projects.filter((p) => p.withdrawal);
  blocks.push(
    plan.amendments.length > 0
      ? {
          kind: 'table',
          columns: [
            { th: 'ฉบับที่', en: 'Edition', width: 0.8, align: 'center' },
            { th: 'วันที่', en: 'Date', width: 1.6 },
            { th: 'เหตุผล', en: 'Reason', width: 5 },
          ],
          rows: plan.amendments.map((a) => [a.edition, { date: bangkokDate(a.amendedAt) }, a.reason]),
        }
      : { kind: 'paragraph', text: 'ไม่มีการปรับแผน / No amendments' },
  );
  if (withdrawn.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { th: 'โครงการที่ถอนออก', en: 'Withdrawn project', width: 3 },
        { th: 'เหตุผล', en: 'Reason', width: 3 },
      ],
      rows: withdrawn.map((p) => [p.titleTh, p.withdrawal!.reason]),
    });
  }
  return {
    kind: 'action-plan',
    titleTh: plan.titleTh,
    titleEn: plan.titleEn ?? 'Provincial action plan',
    provenance,
    blocks,
    keepTogether: [...placeNames(plan.provinceCode), ...agencies.values()],
  };
}
