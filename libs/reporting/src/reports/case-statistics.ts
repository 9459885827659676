import type { CasesTables } from '@ruamjai/cases';
import { PROVINCES } from '@ruamjai/planning';
import { kAnonymise, suppressTable, type SuppressedTable } from '../domain/small-counts';
import { CASE_LABEL_TH } from './labels';
import { districtNameTh, placeNames, provenanceLines } from './plan-document';
import type { Block, Provenance, ReportDocument } from './report-document';

export type CaseRecord = Pick<
  CasesTables['case_register'],
  'district_code' | 'source' | 'age_group' | 'stage' | 'status' | 'found_on' | 'closure_outcome' | 'identification'
>;

const DIMENSIONS = [
  { name: 'district', th: 'อำเภอที่พบ', en: 'District found', of: (r: CaseRecord) => r.district_code },
  { name: 'stage', th: 'ขั้นตอนตามกลไกส่งต่อระดับชาติ', en: 'NRM stage', of: (r: CaseRecord) => r.stage },
  { name: 'source', th: 'แหล่งที่มาของเรื่อง', en: 'Intake source', of: (r: CaseRecord) => r.source },
  { name: 'ageGroup', th: 'กลุ่มอายุ', en: 'Age group', of: (r: CaseRecord) => r.age_group },
  { name: 'status', th: 'สถานะ', en: 'Status', of: (r: CaseRecord) => r.status },
] as const;

export interface CaseStatistics {
  readonly threshold: number;
  readonly provenance: Provenance;
  readonly tables: ReadonlyArray<{ readonly name: string; readonly th: string; readonly en: string } & SuppressedTable>;
}

/** De-identified counts of cases, each table under the small-count rule with complementary suppression. */
export function caseStatistics(
  cases: readonly CaseRecord[],
  threshold: number,
  provenance: Provenance,
): CaseStatistics {
  return {
    threshold,
    provenance,
    tables: DIMENSIONS.map((d) => {
      const counts = new Map<string, number>();
      for (const c of cases) counts.set(d.of(c), (counts.get(d.of(c)) ?? 0) + 1);
      const rows = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count }));
      return { name: d.name, th: d.th, en: d.en, ...suppressTable(rows, threshold) };
    }),
  };
}

export function caseStatisticsDocument(s: CaseStatistics, provinceCode: string): ReportDocument {
  const label = (table: string, key: string) =>
    table === 'district' ? `อำเภอ${districtNameTh(provinceCode, key)}` : (CASE_LABEL_TH[key] ?? key);
  const blocks: Block[] = [
    {
      kind: 'cover',
      lines: [`จังหวัด${PROVINCES[provinceCode]?.th ?? provinceCode}`],
      title: 'สถิติคดีและผู้เสียหายจากการค้ามนุษย์ (ไม่ระบุตัวบุคคล)',
      subtitle: [
        `ตัวเลขที่น้อยกว่า ${s.threshold} ถูกปกปิด รวมถึงช่องที่อาจใช้คำนวณย้อนกลับได้ / Counts below ${s.threshold} are withheld, with complementary cells`,
        ...provenanceLines(s.provenance),
      ],
    },
  ];
  for (const t of s.tables) {
    blocks.push({ kind: 'heading', level: 2, text: `${t.th} / ${t.en}` });
    blocks.push({
      kind: 'table',
      sheet: t.th,
      columns: [
        { th: t.th, en: t.en, width: 3 },
        { th: 'จำนวน', en: 'Count', width: 1, align: 'right' },
      ],
      rows: [
        ...t.rows.map((r) => [label(t.name, r.key), r.count]),
        ...(t.withheldCells > 0
          ? [
              [
                `อื่น ๆ (ปกปิด ${t.withheldCells} ช่อง)`,
                t.withheldTotal.withheld ? `< ${s.threshold}` : t.withheldTotal.count,
              ],
            ]
          : []),
      ],
      totals: ['รวม', t.total.withheld ? 'ปกปิด' : t.total.count],
    });
  }
  return {
    kind: 'case-statistics',
    titleTh: 'สถิติคดี (ไม่ระบุตัวบุคคล)',
    titleEn: 'Case statistics (de-identified)',
    provenance: s.provenance,
    blocks,
    keepTogether: placeNames(provinceCode),
  };
}

const MAJORITY: Readonly<Record<string, string>> = { child: 'Minor', adult: 'Adult', unknown: 'Unknown' };
const CLOSURE: Readonly<Record<string, string>> = {
  reintegrated: 'Reintegrated',
  returned_home: 'ReturnedHome',
  not_a_victim: 'NotAVictim',
  transferred: 'ClosedReferred',
  lost_contact: 'LostContact',
  other: 'Other',
};

/** The columns of the HTCDS export, in order: HTCDS field names, with Ruamjai's own where HTCDS has none. */
export const HTCDS_COLUMNS = [
  'hte_Country',
  'hte_State',
  'hte_City',
  'cas_IncomingReferralDate',
  'cas_ReferringOrganisation',
  'majorityStatus',
  'cas_Status',
  'cas_ReasonForCaseClosure',
  'ruamjai_NrmStage',
  'ruamjai_Identification',
] as const;
export type HtcdsRecord = Readonly<Record<(typeof HTCDS_COLUMNS)[number], string>>;

export interface HtcdsExport {
  readonly k: number;
  readonly provenance: Provenance;
  /** How far each quasi-identifier was coarsened (0 = as recorded). */
  readonly generalisation: Readonly<Record<string, number>>;
  readonly suppressedRecords: number;
  readonly quasiIdentifiers: readonly string[];
  readonly records: readonly HtcdsRecord[];
}

/**
 * Cases as rows named after IOM's Human Trafficking Case Data Standard, k-anonymised over the
 * quasi-identifiers (place, month found, intake source, age group): coarsened until every combination
 * is shared by at least k records, and records still alone in a smaller group left out.
 */
export function htcdsExport(
  cases: readonly CaseRecord[],
  provinceCode: string,
  k: number,
  provenance: Provenance,
): HtcdsExport {
  const province = PROVINCES[provinceCode];
  const districtEn = (code: string) => province?.districts.find((d) => d.code === code)?.en ?? code;
  const result = kAnonymise(
    cases,
    {
      hte_City: [(r) => districtEn(r.district_code), () => '*'],
      cas_IncomingReferralDate: [(r) => r.found_on.slice(0, 7), (r) => r.found_on.slice(0, 4), () => '*'],
      cas_ReferringOrganisation: [(r) => r.source, () => '*'],
      majorityStatus: [(r) => MAJORITY[r.age_group] ?? 'Unknown', () => '*'],
    },
    k,
  );
  return {
    k,
    provenance,
    generalisation: result.levels,
    suppressedRecords: result.suppressedRecords,
    quasiIdentifiers: ['hte_City', 'cas_IncomingReferralDate', 'cas_ReferringOrganisation', 'majorityStatus'],
    records: result.records.map(({ record, quasi }) => ({
      hte_Country: 'TH',
      hte_State: province?.en ?? provinceCode,
      hte_City: quasi.hte_City,
      cas_IncomingReferralDate: quasi.cas_IncomingReferralDate,
      cas_ReferringOrganisation: quasi.cas_ReferringOrganisation,
      majorityStatus: quasi.majorityStatus,
      cas_Status: record.status === 'closed' ? 'Closed' : 'Active',
      cas_ReasonForCaseClosure: record.closure_outcome ? (CLOSURE[record.closure_outcome] ?? 'Other') : '',
      ruamjai_NrmStage: record.stage,
      ruamjai_Identification: record.identification ?? '',
    })),
  };
}
