import type { FundCategory, FundingSource } from '@ruamjai/planning';

/**
 * Sa Kaeo, fiscal year B.E. 2562 (2018-10-01..2019-09-30): the province's action plan against
 * trafficking, as its secretariat would have entered it. Agencies and projects follow DOMAIN.md;
 * amounts are illustrative. Every step goes through the commands, so the history is real.
 */
export const SEED_AGENCIES = [
  { code: 'PSDHS-SK', nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว', nameEn: 'Sa Kaeo Provincial Office of Social Development and Human Security', agencyType: 'social_development', districtCode: '2701' },
  { code: 'PROV-SK', nameTh: 'สำนักงานจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Provincial Office', agencyType: 'provincial_administration', districtCode: '2701' },
  { code: 'POL-SK', nameTh: 'ตำรวจภูธรจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Provincial Police', agencyType: 'police' },
  { code: 'IMM-SK', nameTh: 'ตรวจคนเข้าเมืองจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Immigration', agencyType: 'immigration', districtCode: '2706' },
  { code: 'LABOUR-SK', nameTh: 'สำนักงานแรงงานจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Provincial Labour Office', agencyType: 'labour' },
  { code: 'EMP-SK', nameTh: 'สำนักงานจัดหางานจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Provincial Employment Office', agencyType: 'employment' },
  { code: 'HEALTH-SK', nameTh: 'สำนักงานสาธารณสุขจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Provincial Public Health Office', agencyType: 'health' },
  { code: 'EDU-SK1', nameTh: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระแก้ว เขต 1', nameEn: 'Sa Kaeo Primary Education Area Office 1', agencyType: 'education' },
  { code: 'SHELTER-SK', nameTh: 'บ้านพักเด็กและครอบครัวจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Children and Family Shelter', agencyType: 'shelter' },
  { code: 'LAO-ARAN', nameTh: 'เทศบาลเมืองอรัญญประเทศ', nameEn: 'Aranyaprathet Town Municipality', agencyType: 'local_administration', districtCode: '2706' },
  { code: 'LAO-KHOKSUNG', nameTh: 'องค์การบริหารส่วนตำบลโคกสูง', nameEn: 'Khok Sung Subdistrict Administration', agencyType: 'local_administration', districtCode: '2708' },
  { code: 'LAO-TAPHRAYA', nameTh: 'เทศบาลตำบลตาพระยา', nameEn: 'Ta Phraya Subdistrict Municipality', agencyType: 'local_administration', districtCode: '2703' },
  { code: 'LAO-KHLONGHAT', nameTh: 'องค์การบริหารส่วนตำบลคลองหาด', nameEn: 'Khlong Hat Subdistrict Administration', agencyType: 'local_administration', districtCode: '2702' },
  { code: 'YOUTH-SK', nameTh: 'สภาเด็กและเยาวชนจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Children and Youth Council', agencyType: 'youth_council' },
] as const;

export const SEED_PLAN = {
  provinceCode: 'TH-27',
  fiscalYear: 2562,
  titleTh: 'แผนปฏิบัติการป้องกันและปราบปรามการค้ามนุษย์ จังหวัดสระแก้ว ประจำปีงบประมาณ พ.ศ. 2562',
  titleEn: 'Sa Kaeo anti-trafficking action plan, fiscal year B.E. 2562',
};

export interface SeedProject {
  readonly key: string;
  readonly titleTh: string;
  readonly titleEn: string;
  readonly leadAgencyCode: string;
  readonly districtCodes: string[];
  readonly requestedBudgetSatang: number;
  readonly fundingSource: FundingSource;
}

export const SEED_PROJECTS: readonly SeedProject[] = [
  {
    key: 'pracharat',
    titleTh: 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ในเด็ก สตรี และครอบครัวจังหวัดสระแก้ว ประจำปี 2562',
    titleEn: 'Communities together against trafficking of children, women and families',
    leadAgencyCode: 'PSDHS-SK',
    districtCodes: ['2706', '2708', '2703', '2702'],
    requestedBudgetSatang: 15_000_000,
    fundingSource: 'anti_trafficking_fund',
  },
  {
    key: 'border-screening',
    titleTh: 'คัดกรองกลุ่มเสี่ยงตกเป็นผู้เสียหายจากการค้ามนุษย์ ณ ด่านพรมแดนอรัญประเทศ',
    titleEn: 'Screening at-risk travellers at the Aranyaprathet border crossing',
    leadAgencyCode: 'IMM-SK',
    districtCodes: ['2706'],
    requestedBudgetSatang: 8_500_000,
    fundingSource: 'agency_own',
  },
  {
    key: 'labour-inspection',
    titleTh: 'ตรวจแรงงานในสถานประกอบการกลุ่มเสี่ยงและเรือประมง',
    titleEn: 'Labour inspections of at-risk workplaces',
    leadAgencyCode: 'LABOUR-SK',
    districtCodes: ['2701', '2704', '2705'],
    requestedBudgetSatang: 6_000_000,
    fundingSource: 'provincial_budget',
  },
  {
    key: 'prosecution',
    titleTh: 'สืบสวนและดำเนินคดีการค้ามนุษย์แบบบูรณาการ',
    titleEn: 'Integrated investigation and prosecution of trafficking cases',
    leadAgencyCode: 'POL-SK',
    districtCodes: ['2701', '2706', '2703'],
    requestedBudgetSatang: 12_000_000,
    fundingSource: 'agency_own',
  },
  {
    key: 'shelter-care',
    titleTh: 'คุ้มครองและฟื้นฟูผู้เสียหายในบ้านพักเด็กและครอบครัว',
    titleEn: 'Protection and recovery of victims in the shelter',
    leadAgencyCode: 'SHELTER-SK',
    districtCodes: ['2701'],
    requestedBudgetSatang: 9_000_000,
    fundingSource: 'anti_trafficking_fund',
  },
  {
    key: 'schools',
    titleTh: 'สร้างภูมิคุ้มกันการค้ามนุษย์ในสถานศึกษาชายแดน',
    titleEn: 'Trafficking awareness in border schools',
    leadAgencyCode: 'EDU-SK1',
    districtCodes: ['2702', '2703', '2706', '2708'],
    requestedBudgetSatang: 2_500_000,
    fundingSource: 'local_administration',
  },
];

/** Added after approval, with a reason: the amendment. */
export const SEED_AMENDMENT: SeedProject & { reason: string } = {
  key: 'youth-network',
  titleTh: 'เครือข่ายเด็กและเยาวชนเฝ้าระวังการค้ามนุษย์ในชุมชนชายแดน',
  titleEn: 'Youth watch network in border communities',
  leadAgencyCode: 'YOUTH-SK',
  districtCodes: ['2706', '2708'],
  requestedBudgetSatang: 1_200_000,
  fundingSource: 'private_ngo',
  reason: 'ที่ประชุมอนุกรรมการ ครั้งที่ 2/2562 ให้เพิ่มบทบาทเยาวชนในการเฝ้าระวัง',
};

export const SEED_FUND_REQUEST = {
  project: 'pracharat',
  amountSatang: 15_000_000,
  justification: 'อบรมแกนนำชุมชนและ อปท. 4 อำเภอชายแดน 50 คน และช่วยเหลือผู้เสียหายตามมาตรา 33',
  category: 'prevention_suppression' as FundCategory,
  approvedSatang: 12_000_000,
  disbursements: [6_000_000, 3_000_000],
};
