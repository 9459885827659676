import {
  formatEnglishDate,
  formatEnglishDateTime,
  formatThaiDate,
  formatThaiDateTime,
  type Role,
} from '@ruamjai/kernel';

/**
 * Who a notice is for: the users of an agency, of a role, or of a role within an agency; and of those,
 * only the roles that may read what it is about (`readers`, set by `noticesFor` from its link).
 */
export interface Audience {
  readonly agency?: string;
  readonly role?: Role;
  readonly readers?: readonly Role[];
  /** Only the people of these provinces (a plan's, a referral's two); absent: not limited by province. */
  readonly provinces?: readonly string[];
}

/**
 * Where an event happened, as the notifier finds it in the log: the province of the plan or case it
 * is about, and for a referral the recipient agency's province too (the same for a local one).
 */
export interface NoticeScope {
  readonly province: string;
  readonly toProvince?: string;
}

/** Those who may read cases and referrals (the API refuses the chair and viewers). */
const CASE_READERS: readonly Role[] = ['coordinator', 'agency_officer', 'auditor'];
/** Those who may read a plan (viewers see dashboards only). */
const PLAN_READERS: readonly Role[] = ['coordinator', 'chair', 'agency_officer', 'auditor'];

/**
 * A notice reaches only people who may read what it links to: a referral's or case's notice names
 * the case and the service, which the API would not show a chair or a viewer of the same agency.
 */
function forItsReaders(notice: Notice): Notice {
  const readers = notice.link.startsWith('/plans/') ? PLAN_READERS : CASE_READERS;
  return { ...notice, audience: { ...notice.audience, readers } };
}

export type NoticeKind =
  | 'referral_received'
  | 'referral_overdue'
  | 'referral_escalated'
  | 'plan_submitted'
  | 'plan_returned'
  | 'plan_approved'
  | 'fund_request_decided'
  | 'commitment_due'
  | 'audit_access_granted';

/**
 * What happened, for the people concerned, in Thai with English beside it. Names nobody: a case or a
 * referral is named by its id and a link, never by the person in it.
 */
export interface Notice {
  /** The event's id: one event, one notice of each kind. */
  readonly eventId: string;
  readonly kind: NoticeKind;
  readonly audience: Audience;
  readonly subject: { readonly th: string; readonly en: string };
  readonly body: { readonly th: string; readonly en: string };
  /** Path in the console, joined to the public base URL by the channel. */
  readonly link: string;
  readonly occurredAt: string;
}

/** The fields of an event a notice may use: ids, codes and times, never a personal field. */
export interface NoticeSource {
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly occurredAt: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
/** An instant from an event, for each reader: B.E. and Bangkok time in Thai, Bangkok time in English. */
const when = (v: unknown): { th: string; en: string } => {
  const s = text(v);
  return Number.isNaN(Date.parse(s)) ? { th: s, en: s } : { th: formatThaiDateTime(s), en: formatEnglishDateTime(s) };
};

/**
 * The notices an event calls for (pure). The case's owning agency, needed for an auditor's access
 * grant, comes in from outside because the grant's event does not carry it.
 */
export function noticesFor(
  event: NoticeSource,
  owningAgencyOf: (caseId: string) => string | undefined = () => undefined,
  scope?: NoticeScope,
): Notice[] {
  return noticesOf(event, owningAgencyOf, scope).map(forItsReaders);
}

function noticesOf(
  event: NoticeSource,
  owningAgencyOf: (caseId: string) => string | undefined,
  scope: NoticeScope | undefined,
): Notice[] {
  const d = event.data;
  const base = { eventId: event.id, occurredAt: event.occurredAt };
  // A plan's people are its province's; a referral is answered in its recipient's province and
  // followed up by the coordinators of both; without a scope nothing is limited (as before provinces).
  const here = scope ? { provinces: [scope.province] } : {};
  const there = scope ? { provinces: [scope.toProvince ?? scope.province] } : {};
  const both = scope ? { provinces: [...new Set([scope.province, scope.toProvince ?? scope.province])] } : {};
  switch (event.type) {
    case 'ReferralSent':
      return [
        {
          ...base,
          kind: 'referral_received',
          audience: { agency: text(d.toAgency), ...there },
          subject: {
            th: `[ร่วมใจ] มีการส่งต่อเรื่องถึงหน่วยงานของท่าน (${text(d.referralId).slice(0, 8)})`,
            en: `[Ruamjai] A referral arrived for your agency (${text(d.referralId).slice(0, 8)})`,
          },
          body: {
            th: `หน่วยงาน ${text(d.fromAgency)} ส่งต่อเรื่อง ${text(d.referralId)} (กรณี ${text(d.caseId)}) ขอรับบริการ${named(SERVICE_NAMES, d.service).th} ความเร่งด่วน: ${named(URGENCY_NAMES, d.urgency).th} กรุณาตอบรับภายใน ${when(d.dueAt).th}`,
            en: `${text(d.fromAgency)} referred ${text(d.referralId)} (case ${text(d.caseId)}) for ${named(SERVICE_NAMES, d.service).en}, urgency ${named(URGENCY_NAMES, d.urgency).en}. Please answer by ${when(d.dueAt).en}.`,
          },
          link: `/referrals/${text(d.referralId)}`,
        },
      ];
    case 'ReferralOverdue':
      return [
        {
          ...base,
          kind: 'referral_overdue',
          audience: { agency: text(d.toAgency), ...there },
          subject: {
            th: `[ร่วมใจ] เรื่องส่งต่อเกินกำหนดตอบรับ (${text(d.referralId).slice(0, 8)})`,
            en: `[Ruamjai] Referral overdue (${text(d.referralId).slice(0, 8)})`,
          },
          body: {
            th: `เรื่องส่งต่อ ${text(d.referralId)} (กรณี ${text(d.caseId)}) ยังไม่ได้รับการตอบรับภายใน ${when(d.dueAt).th}`,
            en: `Referral ${text(d.referralId)} (case ${text(d.caseId)}) was not acknowledged by ${when(d.dueAt).en}.`,
          },
          link: `/referrals/${text(d.referralId)}`,
        },
      ];
    case 'ReferralEscalated':
      return [
        {
          ...base,
          kind: 'referral_escalated',
          audience: { role: 'coordinator', ...both },
          subject: {
            th: `[ร่วมใจ] เรื่องส่งต่อถูกยกระดับถึงผู้ประสานงาน (${text(d.referralId).slice(0, 8)})`,
            en: `[Ruamjai] Referral escalated to the coordinator (${text(d.referralId).slice(0, 8)})`,
          },
          body: {
            th: `เรื่องส่งต่อ ${text(d.referralId)} (กรณี ${text(d.caseId)}) ไม่ได้รับการตอบรับตามกำหนด`,
            en: `Referral ${text(d.referralId)} (case ${text(d.caseId)}) was not acknowledged in time.`,
          },
          link: `/referrals/${text(d.referralId)}`,
        },
      ];
    case 'PlanSubmitted':
      return [
        plan(
          base,
          'plan_submitted',
          { role: 'chair', ...here },
          d,
          'แผนเสนอขอความเห็นชอบ',
          'Plan submitted for approval',
        ),
      ];
    case 'PlanReturned':
      return [
        plan(
          base,
          'plan_returned',
          { role: 'coordinator', ...here },
          d,
          'แผนถูกส่งกลับให้แก้ไข',
          'Plan returned for revision',
        ),
      ];
    case 'PlanApproved':
      return [
        plan(
          base,
          'plan_approved',
          { role: 'coordinator', ...here },
          d,
          `แผนได้รับความเห็นชอบ ${text(d.meetingReference)}`,
          `Plan approved at meeting ${text(d.meetingReference)}`,
        ),
      ];
    case 'FundRequestApproved':
    case 'FundRequestRejected':
    case 'FundRequestReturned': {
      const decision =
        event.type === 'FundRequestApproved'
          ? ['อนุมัติ', 'approved']
          : event.type === 'FundRequestRejected'
            ? ['ไม่อนุมัติ', 'rejected']
            : ['ส่งกลับให้แก้ไข', 'returned for revision'];
      return [
        {
          ...base,
          kind: 'fund_request_decided',
          audience: { role: 'coordinator', ...here },
          subject: {
            th: `[ร่วมใจ] คำขอรับการสนับสนุนจากกองทุนฯ: ${decision[0]}`,
            en: `[Ruamjai] Fund request ${decision[1]}`,
          },
          body: {
            th: `คำขอ ${text(d.requestId)} ของโครงการ ${text(d.projectId)}: ${decision[0]}`,
            en: `Request ${text(d.requestId)} of project ${text(d.projectId)}: ${decision[1]}.`,
          },
          link: `/plans/${text(d.planId)}/projects/${text(d.projectId)}`,
        },
      ];
    }
    case 'AuditAccessGranted': {
      const owner = owningAgencyOf(text(d.caseId));
      if (!owner) return [];
      return [
        {
          ...base,
          kind: 'audit_access_granted',
          audience: { agency: owner, ...here },
          subject: {
            th: '[ร่วมใจ] มีการให้สิทธิ์ผู้ตรวจสอบเข้าถึงข้อมูลส่วนบุคคลในกรณีของหน่วยงาน',
            en: "[Ruamjai] An auditor was granted access to personal data in your agency's case",
          },
          body: {
            th: `ผู้ตรวจสอบจาก ${text(d.agency)} ได้รับสิทธิ์เข้าถึงข้อมูลส่วนบุคคลในกรณี ${text(d.caseId)} จนถึง ${when(d.until).th}`,
            en: `An auditor of ${text(d.agency)} may read the personal data of case ${text(d.caseId)} until ${when(d.until).en}.`,
          },
          link: `/cases/${text(d.caseId)}`,
        },
      ];
    }
    default:
      return [];
  }
}

function plan(
  base: { eventId: string; occurredAt: string },
  kind: NoticeKind,
  audience: Audience,
  d: Readonly<Record<string, unknown>>,
  th: string,
  en: string,
): Notice {
  return {
    ...base,
    kind,
    audience,
    subject: { th: `[ร่วมใจ] ${th}`, en: `[Ruamjai] ${en}` },
    body: { th: `${th}: แผน ${text(d.planId)}`, en: `${en}: plan ${text(d.planId)}.` },
    link: `/plans/${text(d.planId)}`,
  };
}

/** A referral's service and urgency, as people say them (the codes stay in the API). */
const SERVICE_NAMES: Readonly<Record<string, { th: string; en: string }>> = {
  shelter: { th: 'ที่พักในสถานคุ้มครอง', en: 'shelter' },
  medical: { th: 'การรักษาพยาบาล', en: 'medical care' },
  psychosocial: { th: 'การดูแลด้านจิตใจและสังคม', en: 'psychosocial support' },
  legal_aid: { th: 'ความช่วยเหลือทางกฎหมาย', en: 'legal aid' },
  education: { th: 'การศึกษา', en: 'education' },
  vocational_training: { th: 'การฝึกอาชีพ', en: 'vocational training' },
  return: { th: 'การส่งกลับ', en: 'return' },
  compensation_claim: { th: 'การเรียกร้องค่าสินไหมทดแทน', en: 'a compensation claim' },
  interpretation: { th: 'ล่ามแปลภาษา', en: 'interpretation' },
};
const URGENCY_NAMES: Readonly<Record<string, { th: string; en: string }>> = {
  urgent: { th: 'ด่วน', en: 'urgent' },
  normal: { th: 'ปกติ', en: 'normal' },
};
const named = (names: Readonly<Record<string, { th: string; en: string }>>, code: unknown) =>
  names[text(code)] ?? { th: text(code), en: text(code) };

/** What an agency pledged, as its people say it. */
const RESOURCE_NAMES: Readonly<Record<string, { th: string; en: string }>> = {
  staff_days: { th: 'วันทำงานของเจ้าหน้าที่', en: 'staff days' },
  budget_satang: { th: 'งบประมาณ (สตางค์)', en: 'budget (satang)' },
  shelter_beds: { th: 'เตียงในสถานคุ้มครอง', en: 'shelter beds' },
  vehicles: { th: 'ยานพาหนะ', en: 'vehicles' },
  interpreters: { th: 'ล่าม', en: 'interpreters' },
};

/** A pledge still open on the day it falls due, as the commitment register holds it (no personal field). */
export interface DueCommitment {
  readonly commitmentId: string;
  readonly agency: string;
  readonly resource: string;
  readonly quantity: number;
  readonly fulfilled: number;
  readonly dueOn: string;
  readonly target:
    | { readonly kind: 'case'; readonly caseId: string }
    | { readonly kind: 'project'; readonly planId: string; readonly projectId: string };
}

/**
 * The notice for the pledging agency on the day a commitment falls due (pure). Not an event of the
 * log but of the calendar: its id is derived from the commitment and the due date (`noticeId`), so a
 * revised date gets a notice of its own and the same date never a second.
 */
export function commitmentDueNotice(c: DueCommitment, noticeId: string, occurredAt: string): Notice {
  return forItsReaders(commitmentDue(c, noticeId, occurredAt));
}

function commitmentDue(c: DueCommitment, noticeId: string, occurredAt: string): Notice {
  const resource = RESOURCE_NAMES[c.resource] ?? { th: c.resource, en: c.resource };
  const left = c.quantity - c.fulfilled;
  const target =
    c.target.kind === 'case'
      ? { th: `กรณี ${c.target.caseId}`, en: `case ${c.target.caseId}` }
      : { th: `โครงการ ${c.target.projectId}`, en: `project ${c.target.projectId}` };
  return {
    eventId: noticeId,
    occurredAt,
    kind: 'commitment_due',
    audience: { agency: c.agency },
    subject: {
      th: `[ร่วมใจ] ข้อผูกพันของหน่วยงานครบกำหนดวันนี้ (${c.commitmentId.slice(0, 8)})`,
      en: `[Ruamjai] Your agency's commitment falls due today (${c.commitmentId.slice(0, 8)})`,
    },
    body: {
      th: `ข้อผูกพัน ${c.commitmentId} ของหน่วยงาน ${c.agency} ต่อ${target.th}: ${resource.th} ${c.quantity} ดำเนินการแล้ว ${c.fulfilled} คงเหลือ ${left} ครบกำหนดวันที่ ${formatThaiDate(c.dueOn)}`,
      en: `Commitment ${c.commitmentId} of ${c.agency} to ${target.en}: ${c.quantity} ${resource.en}, ${c.fulfilled} fulfilled, ${left} to go, due ${formatEnglishDate(c.dueOn)}.`,
    },
    link:
      c.target.kind === 'case'
        ? `/cases/${c.target.caseId}`
        : `/plans/${c.target.planId}/projects/${c.target.projectId}`,
  };
}

/** Retry pacing: doubling from `firstMs`, capped, with the attempt count deciding when to give up. */
export function nextAttemptAt(now: number, attempts: number, firstMs: number, capMs: number): number {
  return now + Math.min(capMs, firstMs * 2 ** Math.max(0, attempts - 1));
}
