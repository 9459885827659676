/** Thai names of the codes the reports print. */
export const STRATEGY_TH: Readonly<Record<string, string>> = {
  prevention: 'ยุทธศาสตร์ด้านการป้องกัน',
  protection: 'ยุทธศาสตร์ด้านการคุ้มครองช่วยเหลือ',
  prosecution: 'ยุทธศาสตร์ด้านการดำเนินคดี',
  partnership: 'ยุทธศาสตร์ด้านความร่วมมือภาคี',
};
export const STRATEGY_ORDER = ['prevention', 'protection', 'prosecution', 'partnership'] as const;

export const SOURCE_TH: Readonly<Record<string, string>> = {
  provincial_budget: 'งบประมาณจังหวัด',
  anti_trafficking_fund: 'กองทุนเพื่อการป้องกันและปราบปรามการค้ามนุษย์',
  agency_own: 'งบประมาณของหน่วยงาน',
  local_administration: 'องค์กรปกครองส่วนท้องถิ่น',
  private_ngo: 'ภาคเอกชน/องค์กรพัฒนาเอกชน',
};

export const TARGET_GROUP_TH: Readonly<Record<string, string>> = {
  children: 'เด็ก',
  women: 'สตรี',
  families: 'ครอบครัว',
  migrant_workers: 'แรงงานข้ามชาติ',
  general_public: 'ประชาชนทั่วไป',
  at_risk_youth: 'เยาวชนกลุ่มเสี่ยง',
};

export const PLAN_STATUS_TH: Readonly<Record<string, string>> = {
  drafting: 'ร่าง',
  submitted: 'เสนอขออนุมัติ',
  approved: 'อนุมัติแล้ว',
  amended: 'อนุมัติแล้ว (มีการปรับแผน)',
  closed: 'ปิดแผนแล้ว',
};

export const FUND_CATEGORY_TH: Readonly<Record<string, string>> = {
  victim_assistance: 'ช่วยเหลือผู้เสียหาย (ม.33)',
  safety_protection: 'คุ้มครองความปลอดภัย (ม.36)',
  return_from_abroad: 'ส่งกลับจากต่างประเทศ (ม.39)',
  prevention_suppression: 'ป้องกันและปราบปราม',
  administration: 'บริหารกองทุน',
};

export const ACTIVITY_STATUS_TH: Readonly<Record<string, string>> = {
  planned: 'ยังไม่เริ่ม',
  in_progress: 'กำลังดำเนินการ',
  done: 'แล้วเสร็จ',
  withdrawn: 'ยกเลิก',
};

export const CASE_LABEL_TH: Readonly<Record<string, string>> = {
  screening: 'คัดกรอง',
  identification: 'คัดแยกผู้เสียหาย',
  protection_assistance: 'คุ้มครองช่วยเหลือ',
  return_reintegration: 'ส่งกลับและคืนสู่สังคม',
  prosecution_support: 'สนับสนุนการดำเนินคดี',
  hotline_1300: 'สายด่วน 1300',
  police: 'ตำรวจ',
  immigration: 'ตรวจคนเข้าเมือง',
  labour_inspection: 'ตรวจแรงงาน',
  border_screening: 'คัดกรองชายแดน',
  ngo: 'องค์กรพัฒนาเอกชน',
  self_referral: 'แจ้งด้วยตนเอง',
  other_province: 'ส่งต่อจากจังหวัดอื่น',
  child: 'เด็ก (ต่ำกว่า 18 ปี)',
  adult: 'ผู้ใหญ่',
  unknown: 'ไม่ทราบ',
  open: 'เปิดอยู่',
  closed: 'ปิดแล้ว',
};
