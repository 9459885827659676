import { DomainError } from '@ruamjai/kernel';

/** The parts of a project that are added, changed and withdrawn by their own ids. */
export type PlanItem = 'project' | 'activity' | 'kpi' | 'budget_line';

const ITEMS: Record<PlanItem, { code: string; th: string; en: string }> = {
  project: { code: 'PROJECT', th: 'โครงการ', en: 'Project' },
  activity: { code: 'ACTIVITY', th: 'กิจกรรม', en: 'Activity' },
  kpi: { code: 'KPI', th: 'ตัวชี้วัด', en: 'KPI' },
  budget_line: { code: 'BUDGET_LINE', th: 'รายการงบประมาณ', en: 'Budget line' },
};

export class ItemNotFound extends DomainError {
  readonly code: string;
  readonly kind = 'not_found';
  constructor(item: Exclude<PlanItem, 'project'>, id: string) {
    const { code, th, en } = ITEMS[item];
    super({ th: `ไม่พบ${th} ${id} ในแผน`, en: `${en} ${id} is not in the plan` }, { item, id });
    this.code = `PLAN.${code}_NOT_FOUND`;
  }
}

export class ItemAlreadyExists extends DomainError {
  readonly code: string;
  readonly kind = 'conflict';
  constructor(item: Exclude<PlanItem, 'project'>, id: string) {
    const { code, th, en } = ITEMS[item];
    super({ th: `${th} ${id} มีอยู่ในแผนแล้ว`, en: `${en} ${id} is already in the plan` }, { item, id });
    this.code = `PLAN.${code}_ALREADY_EXISTS`;
  }
}

/** A withdrawn item stays in the record, but takes no more changes or reports. */
export class ItemWithdrawn extends DomainError {
  readonly code: string;
  readonly kind = 'conflict';
  constructor(item: PlanItem, id: string) {
    const { code, th, en } = ITEMS[item];
    super({ th: `${th} ${id} ถูกถอนออกจากแผนแล้ว`, en: `${en} ${id} has been withdrawn from the plan` }, { item, id });
    this.code = `PLAN.${code}_WITHDRAWN`;
  }
}

export class NothingChanged extends DomainError {
  readonly code = 'PLAN.NOTHING_CHANGED';
  readonly kind = 'conflict';
  constructor(item: PlanItem, id: string) {
    const { th, en } = ITEMS[item];
    super(
      { th: `${th} ${id} มีข้อมูลตามที่ขอแล้ว ไม่มีอะไรเปลี่ยน`, en: `${en} ${id} already has these values: nothing changed` },
      { item, id },
    );
  }
}

export class AgencyNotInProject extends DomainError {
  readonly code = 'PLAN.AGENCY_NOT_IN_PROJECT';
  readonly kind = 'invalid';
  constructor(agencyCode: string, projectId: string) {
    super(
      {
        th: `หน่วยงาน ${agencyCode} ไม่ได้เป็นหน่วยงานหลักหรือหน่วยงานร่วมของโครงการ ${projectId}`,
        en: `Agency ${agencyCode} neither leads nor takes part in project ${projectId}`,
      },
      { agencyCode, projectId },
    );
  }
}

export class ScheduleInvalid extends DomainError {
  readonly code = 'PLAN.SCHEDULE_INVALID';
  readonly kind = 'invalid';
  constructor(startDate: string, endDate: string, fiscalYear: number, fyStart: string, fyEnd: string) {
    super(
      {
        th: `กำหนดการ ${startDate} ถึง ${endDate} ต้องเริ่มก่อนสิ้นสุด และอยู่ในปีงบประมาณ พ.ศ. ${fiscalYear} (${fyStart} ถึง ${fyEnd})`,
        en: `The schedule ${startDate} to ${endDate} must start before it ends and lie within fiscal year B.E. ${fiscalYear} (${fyStart} to ${fyEnd})`,
      },
      { startDate, endDate, fiscalYear, fiscalYearStart: fyStart, fiscalYearEnd: fyEnd },
    );
  }
}

export class ParticipantCountsInvalid extends DomainError {
  readonly code = 'PLAN.PARTICIPANTS_INVALID';
  readonly kind = 'invalid';
  constructor(field: string) {
    super(
      {
        th: `จำนวนผู้เข้าร่วม (${field}) ต้องเป็นจำนวนเต็มไม่ติดลบ แยกตามกลุ่มเป้าหมายที่รู้จัก`,
        en: `Participant counts (${field}) must be non-negative whole numbers by known target group`,
      },
      { field },
    );
  }
}

export class KpiTargetInvalid extends DomainError {
  readonly code = 'PLAN.KPI_VALUE_INVALID';
  readonly kind = 'invalid';
  constructor(value: number) {
    super(
      {
        th: `ค่าตัวชี้วัดต้องเป็นตัวเลขไม่ติดลบ (ได้รับ ${value})`,
        en: `A KPI value must be a non-negative number (got ${value})`,
      },
      { value },
    );
  }
}

export class FirstBudgetLineKept extends DomainError {
  readonly code = 'PLAN.FIRST_BUDGET_LINE_KEPT';
  readonly kind = 'conflict';
  constructor(lineId: string) {
    super(
      {
        th: `รายการงบประมาณแรกของโครงการ (${lineId}) ถอนไม่ได้ ให้ปรับยอดเป็นศูนย์หรือถอนโครงการแทน`,
        en: `A project's first budget line (${lineId}) cannot be withdrawn; revise it to zero or withdraw the project`,
      },
      { lineId },
    );
  }
}

export class PlanNotInExecution extends DomainError {
  readonly code = 'PLAN.NOT_IN_EXECUTION';
  readonly kind = 'conflict';
  constructor(status: string) {
    super(
      {
        th: `รายงานผลได้เฉพาะแผนที่อนุมัติแล้วและยังไม่ปิด (สถานะปัจจุบัน: ${status})`,
        en: `Progress is reported only on an approved plan that is not closed (the plan is ${status})`,
      },
      { planStatus: status },
    );
  }
}

export class ReportDateInvalid extends DomainError {
  readonly code = 'PLAN.REPORT_DATE_INVALID';
  readonly kind = 'invalid';
  constructor(date: string, first: string, last: string) {
    super(
      {
        th: `วันที่รายงาน ${date} ต้องอยู่ในปีงบประมาณของแผนและไม่เลยวันนี้ (${first} ถึง ${last})`,
        en: `The report date ${date} must lie in the plan's fiscal year and not after today (${first} to ${last})`,
      },
      { date, earliest: first, latest: last },
    );
  }
}

export class AgencyStillResponsible extends DomainError {
  readonly code = 'PLAN.AGENCY_STILL_RESPONSIBLE';
  readonly kind = 'conflict';
  constructor(agencyCode: string, activityIds: string[]) {
    super(
      {
        th: `หน่วยงาน ${agencyCode} ยังรับผิดชอบกิจกรรมของโครงการอยู่ ให้โอนหรือถอนกิจกรรมก่อน`,
        en: `Agency ${agencyCode} still runs activities of the project; reassign or withdraw them first`,
      },
      { agencyCode, activityIds },
    );
  }
}

export class TextRequired extends DomainError {
  readonly code = 'PLAN.TEXT_REQUIRED';
  readonly kind = 'invalid';
  constructor(field: string) {
    super({ th: `ต้องกรอก ${field}`, en: `${field} is required` }, { field });
  }
}

/** Agency officers work on their own agency's projects. */
export class NotOwnAgencyProject extends DomainError {
  readonly code = 'AUTH.NOT_OWN_AGENCY';
  readonly kind = 'forbidden';
  /** `change`: only the lead agency changes a project; `report`: the lead and partner agencies report on it. */
  constructor(agencyCode: string, projectId: string, needed: 'lead' | 'lead_or_partner' = 'lead') {
    super(
      needed === 'lead'
        ? {
            th: `เฉพาะหน่วยงานรับผิดชอบหลักของโครงการ ${projectId} เท่านั้นที่แก้ไขโครงการได้ หน่วยงาน ${agencyCode} ไม่ใช่หน่วยงานรับผิดชอบหลัก`,
            en: `Only the lead agency of project ${projectId} may change it; ${agencyCode} is not its lead agency`,
          }
        : {
            th: `หน่วยงาน ${agencyCode} ไม่ได้รับผิดชอบหรือร่วมโครงการ ${projectId}`,
            en: `Agency ${agencyCode} neither leads nor takes part in project ${projectId}`,
          },
      { agencyCode, projectId, needed },
    );
  }
}

/** Agency officers propose changes while the plan is drafted; after approval the secretariat amends it. */
export class AmendmentBySecretariat extends DomainError {
  readonly code = 'AUTH.AMENDMENT_BY_SECRETARIAT';
  readonly kind = 'forbidden';
  constructor(status: string) {
    super(
      {
        th: `เจ้าหน้าที่หน่วยงานเสนอแก้ไขโครงการได้ระหว่างจัดทำแผนเท่านั้น แผนสถานะ ${status} ต้องให้ฝ่ายเลขานุการแก้ไข`,
        en: `Agency officers change their projects while the plan is drafted; once a plan is ${status} the secretariat amends it`,
      },
      { planStatus: status },
    );
  }
}
