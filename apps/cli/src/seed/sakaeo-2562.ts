import type { FundCategory, FundingSource, ParticipantCounts, StrategyArea, TargetGroup } from '@ruamjai/planning';

/**
 * Sa Kaeo, fiscal year B.E. 2562 (2018-10-01..2019-09-30): the province's action plan against
 * trafficking, as its secretariat would have entered it. Agencies and projects follow DOMAIN.md;
 * amounts are illustrative. Every step goes through the commands, so the history is real.
 */
export const SEED_AGENCIES = [
  {
    code: 'PSDHS-SK',
    nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
    nameEn: 'Sa Kaeo Provincial Office of Social Development and Human Security',
    agencyType: 'social_development',
    districtCode: '2701',
  },
  {
    code: 'PROV-SK',
    nameTh: 'สำนักงานจังหวัดสระแก้ว',
    nameEn: 'Sa Kaeo Provincial Office',
    agencyType: 'provincial_administration',
    districtCode: '2701',
  },
  { code: 'POL-SK', nameTh: 'ตำรวจภูธรจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Provincial Police', agencyType: 'police' },
  {
    code: 'IMM-SK',
    nameTh: 'ตรวจคนเข้าเมืองจังหวัดสระแก้ว',
    nameEn: 'Sa Kaeo Immigration',
    agencyType: 'immigration',
    districtCode: '2706',
  },
  {
    code: 'LABOUR-SK',
    nameTh: 'สำนักงานแรงงานจังหวัดสระแก้ว',
    nameEn: 'Sa Kaeo Provincial Labour Office',
    agencyType: 'labour',
  },
  {
    code: 'EMP-SK',
    nameTh: 'สำนักงานจัดหางานจังหวัดสระแก้ว',
    nameEn: 'Sa Kaeo Provincial Employment Office',
    agencyType: 'employment',
  },
  {
    code: 'HEALTH-SK',
    nameTh: 'สำนักงานสาธารณสุขจังหวัดสระแก้ว',
    nameEn: 'Sa Kaeo Provincial Public Health Office',
    agencyType: 'health',
  },
  {
    code: 'EDU-SK1',
    nameTh: 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระแก้ว เขต 1',
    nameEn: 'Sa Kaeo Primary Education Area Office 1',
    agencyType: 'education',
  },
  {
    code: 'SHELTER-SK',
    nameTh: 'บ้านพักเด็กและครอบครัวจังหวัดสระแก้ว',
    nameEn: 'Sa Kaeo Children and Family Shelter',
    agencyType: 'shelter',
  },
  {
    code: 'LAO-ARAN',
    nameTh: 'เทศบาลเมืองอรัญญประเทศ',
    nameEn: 'Aranyaprathet Town Municipality',
    agencyType: 'local_administration',
    districtCode: '2706',
  },
  {
    code: 'LAO-KHOKSUNG',
    nameTh: 'องค์การบริหารส่วนตำบลโคกสูง',
    nameEn: 'Khok Sung Subdistrict Administration',
    agencyType: 'local_administration',
    districtCode: '2708',
  },
  {
    code: 'LAO-TAPHRAYA',
    nameTh: 'เทศบาลตำบลตาพระยา',
    nameEn: 'Ta Phraya Subdistrict Municipality',
    agencyType: 'local_administration',
    districtCode: '2703',
  },
  {
    code: 'LAO-KHLONGHAT',
    nameTh: 'องค์การบริหารส่วนตำบลคลองหาด',
    nameEn: 'Khlong Hat Subdistrict Administration',
    agencyType: 'local_administration',
    districtCode: '2702',
  },
  {
    code: 'YOUTH-SK',
    nameTh: 'สภาเด็กและเยาวชนจังหวัดสระแก้ว',
    nameEn: 'Sa Kaeo Children and Youth Council',
    agencyType: 'youth_council',
  },
  // The auditors' office: auditors act (grants) and read for it, so it is in the directory like every other.
  { code: 'OAG', nameTh: 'สำนักงานการตรวจเงินแผ่นดิน', nameEn: 'Office of the Auditor General', agencyType: 'other' },
] as const;

export const SEED_PLAN = {
  provinceCode: 'TH-27',
  fiscalYear: 2562,
  titleTh: 'แผนปฏิบัติการป้องกันและปราบปรามการค้ามนุษย์ จังหวัดสระแก้ว ประจำปีงบประมาณ พ.ศ. 2562',
  titleEn: 'Sa Kaeo anti-trafficking action plan, fiscal year B.E. 2562',
};

/** An officer of the reporting agency tells what was done on the day. */
export interface SeedProgress {
  readonly reportedOn: string;
  readonly agencyCode: string;
  readonly participantsReached: ParticipantCounts;
  readonly spendSatang: number;
  /** The key of an extra budget line; the project's first line when left out. */
  readonly line?: string;
  readonly completed?: boolean;
  readonly note?: string;
}

export interface SeedActivity {
  readonly key: string;
  readonly titleTh: string;
  readonly districtCode: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly targets: ParticipantCounts;
  readonly responsibleAgencyCode?: string;
  readonly progress: readonly SeedProgress[];
}

export interface SeedKpi {
  readonly key: string;
  readonly descriptionTh: string;
  readonly unit: string;
  readonly target: number;
  readonly actual?: { value: number; measuredOn: string; agencyCode: string };
}

export interface SeedBudgetLine {
  readonly key: string;
  readonly fundingSource: FundingSource;
  readonly amountSatang: number;
  readonly descriptionTh: string;
}

export interface SeedProject {
  readonly key: string;
  readonly titleTh: string;
  readonly titleEn: string;
  readonly strategy: StrategyArea;
  readonly leadAgencyCode: string;
  readonly participatingAgencyCodes: string[];
  readonly districtCodes: string[];
  readonly targetGroups: TargetGroup[];
  readonly objectives: string[];
  readonly requestedBudgetSatang: number;
  readonly fundingSource: FundingSource;
  readonly budgetLines: readonly SeedBudgetLine[];
  readonly activities: readonly SeedActivity[];
  readonly kpis: readonly SeedKpi[];
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
    strategy: 'prevention',
    participatingAgencyCodes: ['LAO-ARAN', 'LAO-KHOKSUNG', 'LAO-TAPHRAYA', 'LAO-KHLONGHAT'],
    targetGroups: ['children', 'women', 'families'],
    objectives: [
      'ให้ผู้นำชุมชนและ อปท. 4 อำเภอชายแดนรู้เท่าทันและแจ้งเบาะแสการค้ามนุษย์',
      'ลดความเสี่ยงของเด็ก สตรี และครอบครัวในพื้นที่ชายแดน',
    ],
    budgetLines: [
      {
        key: 'pracharat-lao',
        fundingSource: 'local_administration',
        amountSatang: 2_000_000,
        descriptionTh: 'ค่าพาหนะและสถานที่ สมทบโดย อปท.',
      },
    ],
    activities: [
      {
        key: 'leaders-training',
        titleTh: 'อบรมแกนนำชุมชนและ อปท. 4 อำเภอชายแดน',
        districtCode: '2706',
        startDate: '2019-05-20',
        endDate: '2019-05-21',
        targets: { women: 20, general_public: 30 },
        progress: [
          {
            reportedOn: '2019-05-21',
            agencyCode: 'PSDHS-SK',
            participantsReached: { women: 22, general_public: 28 },
            spendSatang: 7_400_000,
            completed: true,
            note: 'ผู้เข้าร่วม 50 คน ครบตามเป้าหมาย',
          },
        ],
      },
      {
        key: 'village-outreach',
        titleTh: 'ลงพื้นที่สร้างความรู้ในหมู่บ้านชายแดนตาพระยาและโคกสูง',
        districtCode: '2703',
        startDate: '2019-06-01',
        endDate: '2019-08-31',
        targets: { children: 100, families: 60 },
        responsibleAgencyCode: 'LAO-TAPHRAYA',
        progress: [
          {
            reportedOn: '2019-06-28',
            agencyCode: 'LAO-TAPHRAYA',
            participantsReached: { children: 45, families: 20 },
            spendSatang: 600_000,
            line: 'pracharat-lao',
          },
          {
            reportedOn: '2019-07-30',
            agencyCode: 'LAO-TAPHRAYA',
            participantsReached: { children: 38, families: 25 },
            spendSatang: 550_000,
            line: 'pracharat-lao',
          },
        ],
      },
    ],
    kpis: [
      {
        key: 'leaders-trained',
        descriptionTh: 'จำนวนแกนนำที่ผ่านการอบรม',
        unit: 'คน',
        target: 50,
        actual: { value: 50, measuredOn: '2019-05-31', agencyCode: 'PSDHS-SK' },
      },
      {
        key: 'tip-offs',
        descriptionTh: 'จำนวนเบาะแสที่ชุมชนแจ้ง',
        unit: 'เรื่อง',
        target: 10,
        actual: { value: 6, measuredOn: '2019-08-31', agencyCode: 'LAO-ARAN' },
      },
    ],
  },
  {
    key: 'border-screening',
    titleTh: 'คัดกรองกลุ่มเสี่ยงตกเป็นผู้เสียหายจากการค้ามนุษย์ ณ ด่านพรมแดนอรัญประเทศ',
    titleEn: 'Screening at-risk travellers at the Aranyaprathet border crossing',
    leadAgencyCode: 'IMM-SK',
    districtCodes: ['2706'],
    requestedBudgetSatang: 8_500_000,
    fundingSource: 'agency_own',
    strategy: 'protection',
    participatingAgencyCodes: ['PSDHS-SK', 'POL-SK'],
    targetGroups: ['migrant_workers', 'women', 'children'],
    objectives: ['คัดกรองผู้เดินทางกลุ่มเสี่ยง ณ ด่านพรมแดนอรัญประเทศ และส่งต่อผู้เสียหายให้ทีมสหวิชาชีพ'],
    budgetLines: [],
    activities: [
      {
        key: 'screening-point',
        titleTh: 'จุดคัดกรองกลุ่มเสี่ยง ณ ด่านพรมแดนถาวรบ้านคลองลึก',
        districtCode: '2706',
        startDate: '2019-04-01',
        endDate: '2019-09-30',
        targets: { migrant_workers: 400, women: 150, children: 50 },
        progress: [
          {
            reportedOn: '2019-06-30',
            agencyCode: 'IMM-SK',
            participantsReached: { migrant_workers: 210, women: 80, children: 19 },
            spendSatang: 3_200_000,
          },
          {
            reportedOn: '2019-08-31',
            agencyCode: 'POL-SK',
            participantsReached: { migrant_workers: 150, women: 40, children: 12 },
            spendSatang: 2_100_000,
          },
        ],
      },
    ],
    kpis: [
      {
        key: 'screened',
        descriptionTh: 'จำนวนผู้เดินทางกลุ่มเสี่ยงที่ได้รับการคัดกรอง',
        unit: 'คน',
        target: 600,
        actual: { value: 511, measuredOn: '2019-08-31', agencyCode: 'IMM-SK' },
      },
    ],
  },
  {
    key: 'labour-inspection',
    titleTh: 'ตรวจแรงงานในสถานประกอบการกลุ่มเสี่ยงและเรือประมง',
    titleEn: 'Labour inspections of at-risk workplaces',
    leadAgencyCode: 'LABOUR-SK',
    districtCodes: ['2701', '2704', '2705'],
    requestedBudgetSatang: 6_000_000,
    fundingSource: 'provincial_budget',
    strategy: 'prevention',
    participatingAgencyCodes: ['EMP-SK'],
    targetGroups: ['migrant_workers'],
    objectives: ['ตรวจสถานประกอบการกลุ่มเสี่ยงไม่น้อยกว่า 40 แห่ง'],
    budgetLines: [],
    activities: [
      {
        key: 'inspections',
        titleTh: 'ตรวจสถานประกอบการกลุ่มเสี่ยง',
        districtCode: '2704',
        startDate: '2019-04-01',
        endDate: '2019-09-15',
        targets: { migrant_workers: 300 },
        progress: [
          {
            reportedOn: '2019-07-15',
            agencyCode: 'LABOUR-SK',
            participantsReached: { migrant_workers: 180 },
            spendSatang: 2_800_000,
          },
        ],
      },
    ],
    kpis: [
      {
        key: 'workplaces',
        descriptionTh: 'จำนวนสถานประกอบการที่ได้รับการตรวจ',
        unit: 'แห่ง',
        target: 40,
        actual: { value: 42, measuredOn: '2019-09-15', agencyCode: 'LABOUR-SK' },
      },
    ],
  },
  {
    key: 'prosecution',
    titleTh: 'สืบสวนและดำเนินคดีการค้ามนุษย์แบบบูรณาการ',
    titleEn: 'Integrated investigation and prosecution of trafficking cases',
    leadAgencyCode: 'POL-SK',
    districtCodes: ['2701', '2706', '2703'],
    requestedBudgetSatang: 12_000_000,
    fundingSource: 'agency_own',
    strategy: 'prosecution',
    participatingAgencyCodes: ['IMM-SK', 'PSDHS-SK'],
    targetGroups: [],
    objectives: ['ดำเนินคดีการค้ามนุษย์ให้เสร็จภายในปีงบประมาณ'],
    budgetLines: [],
    activities: [
      {
        key: 'joint-operations',
        titleTh: 'ปฏิบัติการร่วมสืบสวนขยายผลเครือข่ายนายหน้า',
        districtCode: '2701',
        startDate: '2019-04-01',
        endDate: '2019-09-30',
        targets: {},
        progress: [{ reportedOn: '2019-08-20', agencyCode: 'POL-SK', participantsReached: {}, spendSatang: 4_500_000 }],
      },
    ],
    kpis: [
      {
        key: 'cases-prosecuted',
        descriptionTh: 'จำนวนคดีที่ส่งฟ้อง',
        unit: 'คดี',
        target: 8,
        actual: { value: 5, measuredOn: '2019-08-31', agencyCode: 'POL-SK' },
      },
    ],
  },
  {
    key: 'shelter-care',
    titleTh: 'คุ้มครองและฟื้นฟูผู้เสียหายในบ้านพักเด็กและครอบครัว',
    titleEn: 'Protection and recovery of victims in the shelter',
    leadAgencyCode: 'SHELTER-SK',
    districtCodes: ['2701'],
    requestedBudgetSatang: 9_000_000,
    fundingSource: 'anti_trafficking_fund',
    strategy: 'protection',
    participatingAgencyCodes: ['HEALTH-SK'],
    targetGroups: ['children', 'women'],
    objectives: ['ให้ผู้เสียหายได้รับการคุ้มครองและฟื้นฟูตามมาตรา 33'],
    budgetLines: [
      {
        key: 'shelter-own',
        fundingSource: 'agency_own',
        amountSatang: 1_500_000,
        descriptionTh: 'ค่าอาหารและของใช้จำเป็น',
      },
    ],
    activities: [
      {
        key: 'recovery',
        titleTh: 'ฟื้นฟูร่างกายและจิตใจผู้เสียหาย',
        districtCode: '2701',
        startDate: '2019-04-01',
        endDate: '2019-09-30',
        targets: { children: 20, women: 15 },
        progress: [
          {
            reportedOn: '2019-06-30',
            agencyCode: 'SHELTER-SK',
            participantsReached: { children: 9, women: 6 },
            spendSatang: 2_600_000,
          },
          {
            reportedOn: '2019-06-30',
            agencyCode: 'HEALTH-SK',
            participantsReached: {},
            spendSatang: 400_000,
            line: 'shelter-own',
          },
        ],
      },
    ],
    kpis: [{ key: 'recovered', descriptionTh: 'ร้อยละของผู้เสียหายที่ได้รับการฟื้นฟูครบตามแผน', unit: 'ร้อยละ', target: 90 }],
  },
  {
    key: 'schools',
    titleTh: 'สร้างภูมิคุ้มกันการค้ามนุษย์ในสถานศึกษาชายแดน',
    titleEn: 'Trafficking awareness in border schools',
    leadAgencyCode: 'EDU-SK1',
    districtCodes: ['2702', '2703', '2706', '2708'],
    requestedBudgetSatang: 2_500_000,
    fundingSource: 'local_administration',
    strategy: 'prevention',
    participatingAgencyCodes: ['YOUTH-SK'],
    targetGroups: ['children', 'at_risk_youth'],
    objectives: ['ให้นักเรียนในโรงเรียนชายแดนรู้จักวิธีป้องกันตนเองจากการค้ามนุษย์'],
    budgetLines: [],
    activities: [
      {
        key: 'school-camps',
        titleTh: 'ค่ายสร้างภูมิคุ้มกันในโรงเรียนชายแดน',
        districtCode: '2702',
        startDate: '2019-07-01',
        endDate: '2019-07-31',
        targets: { children: 200, at_risk_youth: 40 },
        progress: [
          {
            reportedOn: '2019-07-31',
            agencyCode: 'EDU-SK1',
            participantsReached: { children: 214, at_risk_youth: 33 },
            spendSatang: 2_350_000,
            completed: true,
          },
        ],
      },
    ],
    kpis: [
      {
        key: 'students',
        descriptionTh: 'จำนวนนักเรียนที่ผ่านกิจกรรม',
        unit: 'คน',
        target: 200,
        actual: { value: 214, measuredOn: '2019-07-31', agencyCode: 'EDU-SK1' },
      },
    ],
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
  strategy: 'partnership',
  participatingAgencyCodes: ['LAO-ARAN', 'LAO-KHOKSUNG'],
  targetGroups: ['at_risk_youth'],
  objectives: ['สร้างเครือข่ายเยาวชนเฝ้าระวังในชุมชนชายแดน'],
  budgetLines: [],
  activities: [],
  kpis: [],
  reason: 'ที่ประชุมอนุกรรมการ ครั้งที่ 2/2562 ให้เพิ่มบทบาทเยาวชนในการเฝ้าระวัง',
};

/** After approval the schools project needs less: the local administrations pay the buses. */
export const SEED_BUDGET_REVISION = {
  project: 'schools',
  on: '2019-04-20T03:00:00Z',
  requestedBudgetSatang: 2_200_000,
  reason: 'อปท. ชายแดนสมทบค่าพาหนะนักเรียนเอง ตามมติคณะทำงาน ครั้งที่ 3/2562',
};

export const SEED_FUND_REQUEST = {
  project: 'pracharat',
  amountSatang: 15_000_000,
  justification: 'อบรมแกนนำชุมชนและ อปท. 4 อำเภอชายแดน 50 คน และช่วยเหลือผู้เสียหายตามมาตรา 33',
  category: 'prevention_suppression' as FundCategory,
  approvedSatang: 12_000_000,
  disbursements: [6_000_000, 3_000_000],
};
