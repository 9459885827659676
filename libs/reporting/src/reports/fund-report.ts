import type { PlanEvent, PlanView } from '@ruamjai/planning';
import { bangkokDate } from '../domain/thai-format';
import { FUND_CATEGORY_TH } from './labels';
import { provenanceLines } from './plan-document';
import type { Provenance, ReportDocument } from './report-document';

export interface FundEventRecord {
  readonly event: PlanEvent;
  readonly occurredAt: string;
}

export interface FundRequestLine {
  readonly projectId: string;
  readonly projectTitleTh: string;
  readonly requestId: string;
  readonly category: string;
  readonly submittedOn: string;
  readonly requestedSatang: number;
  readonly status: 'submitted' | 'returned' | 'approved' | 'rejected';
  /** Every decision in order: returned for revision, approved or rejected, with its date. */
  readonly decisions: ReadonlyArray<{
    on: string;
    decision: 'returned' | 'revised' | 'approved' | 'rejected';
    amountSatang: number | null;
    reason: string | null;
  }>;
  readonly approvedSatang: number;
  readonly disbursements: ReadonlyArray<{ on: string; amountSatang: number }>;
  readonly disbursedSatang: number;
}

export interface FundReport {
  readonly planId: string;
  readonly titleTh: string;
  readonly fiscalYear: number;
  readonly provenance: Provenance;
  readonly requests: readonly FundRequestLine[];
  readonly totals: { requestedSatang: number; approvedSatang: number; disbursedSatang: number };
}

/** Requests to the Anti-Trafficking Fund, their decisions and payments, per project, from the plan's log. */
export function fundReport(plan: PlanView, events: readonly FundEventRecord[], provenance: Provenance): FundReport {
  const titles = new Map(plan.projects.map((p) => [p.projectId, p.titleTh]));
  const lines = new Map<string, FundRequestLine>();
  const update = (id: string, f: (l: FundRequestLine) => FundRequestLine) => {
    const line = lines.get(id);
    if (line) lines.set(id, f(line));
  };
  for (const { event, occurredAt } of events) {
    const on = bangkokDate(occurredAt);
    switch (event.type) {
      case 'FundRequestSubmitted': {
        const d = event.data;
        lines.set(d.requestId, {
          projectId: d.projectId,
          projectTitleTh: titles.get(d.projectId) ?? d.projectId,
          requestId: d.requestId,
          category: d.category,
          submittedOn: on,
          requestedSatang: d.amountSatang,
          status: 'submitted',
          decisions: [],
          approvedSatang: 0,
          disbursements: [],
          disbursedSatang: 0,
        });
        break;
      }
      case 'FundRequestReturned':
        update(event.data.requestId, (l) => ({
          ...l,
          status: 'returned',
          decisions: [...l.decisions, { on, decision: 'returned', amountSatang: null, reason: event.data.reason }],
        }));
        break;
      case 'FundRequestRevised':
        update(event.data.requestId, (l) => ({
          ...l,
          status: 'submitted',
          requestedSatang: event.data.amountSatang,
          decisions: [...l.decisions, { on, decision: 'revised', amountSatang: event.data.amountSatang, reason: null }],
        }));
        break;
      case 'FundRequestApproved':
        update(event.data.requestId, (l) => ({
          ...l,
          status: 'approved',
          approvedSatang: event.data.approvedSatang,
          decisions: [
            ...l.decisions,
            { on, decision: 'approved', amountSatang: event.data.approvedSatang, reason: null },
          ],
        }));
        break;
      case 'FundRequestRejected':
        update(event.data.requestId, (l) => ({
          ...l,
          status: 'rejected',
          decisions: [...l.decisions, { on, decision: 'rejected', amountSatang: null, reason: event.data.reason }],
        }));
        break;
      case 'FundDisbursed':
        update(event.data.requestId, (l) => ({
          ...l,
          disbursements: [...l.disbursements, { on, amountSatang: event.data.amountSatang }],
          disbursedSatang: l.disbursedSatang + event.data.amountSatang,
        }));
        break;
      default:
        break;
    }
  }
  const requests = [...lines.values()];
  const live = requests.filter((r) => r.status !== 'rejected');
  return {
    planId: plan.planId,
    titleTh: plan.titleTh,
    fiscalYear: plan.fiscalYear,
    provenance,
    requests,
    totals: {
      requestedSatang: live.reduce((s, r) => s + r.requestedSatang, 0),
      approvedSatang: requests.reduce((s, r) => s + r.approvedSatang, 0),
      disbursedSatang: requests.reduce((s, r) => s + r.disbursedSatang, 0),
    },
  };
}

const DECISION_TH = { returned: 'ส่งกลับให้แก้ไข', revised: 'ยื่นแก้ไข', approved: 'อนุมัติ', rejected: 'ไม่อนุมัติ' } as const;
const STATUS_TH = { submitted: 'รอพิจารณา', returned: 'ส่งกลับให้แก้ไข', approved: 'อนุมัติ', rejected: 'ไม่อนุมัติ' } as const;

export function fundDocument(r: FundReport): ReportDocument {
  return {
    kind: 'fund',
    titleTh: `รายงานการขอรับการสนับสนุนจากกองทุนเพื่อการป้องกันและปราบปรามการค้ามนุษย์ ปีงบประมาณ พ.ศ. ${r.fiscalYear}`,
    titleEn: `Anti-Trafficking Fund report, FY${r.fiscalYear}`,
    provenance: r.provenance,
    blocks: [
      {
        kind: 'cover',
        lines: [r.titleTh],
        title: `รายงานการขอรับการสนับสนุนจากกองทุนฯ ปีงบประมาณ พ.ศ. ${r.fiscalYear}`,
        subtitle: provenanceLines(r.provenance),
      },
      {
        kind: 'table',
        sheet: 'คำขอ',
        columns: [
          { th: 'โครงการ', en: 'Project', width: 3 },
          { th: 'ประเภท', en: 'Category', width: 1.8 },
          { th: 'วันที่ยื่น', en: 'Submitted', width: 1.3 },
          { th: 'สถานะ', en: 'Status', width: 1 },
          { th: 'ขอรับ', en: 'Requested', width: 1.3, align: 'right' },
          { th: 'อนุมัติ', en: 'Approved', width: 1.3, align: 'right' },
          { th: 'เบิกจ่ายแล้ว', en: 'Disbursed', width: 1.3, align: 'right' },
        ],
        rows: r.requests.map((q) => [
          q.projectTitleTh,
          FUND_CATEGORY_TH[q.category] ?? q.category,
          { date: q.submittedOn },
          STATUS_TH[q.status],
          { baht: q.requestedSatang },
          { baht: q.approvedSatang },
          { baht: q.disbursedSatang },
        ]),
        totals: [
          'รวม',
          '',
          null,
          '',
          { baht: r.totals.requestedSatang },
          { baht: r.totals.approvedSatang },
          { baht: r.totals.disbursedSatang },
        ],
      },
      { kind: 'heading', level: 1, text: 'การพิจารณาและการเบิกจ่าย / Decisions and disbursements' },
      {
        kind: 'table',
        sheet: 'การพิจารณาและเบิกจ่าย',
        columns: [
          { th: 'โครงการ', en: 'Project', width: 3 },
          { th: 'วันที่', en: 'Date', width: 1.3 },
          { th: 'รายการ', en: 'Step', width: 1.4 },
          { th: 'จำนวนเงิน', en: 'Amount', width: 1.3, align: 'right' },
          { th: 'เหตุผล', en: 'Reason', width: 2.4 },
        ],
        rows: r.requests.flatMap((q) => [
          ...q.decisions.map((d) => [
            q.projectTitleTh,
            { date: d.on },
            DECISION_TH[d.decision],
            d.amountSatang === null ? null : { baht: d.amountSatang },
            d.reason ?? '',
          ]),
          ...q.disbursements.map((d) => [q.projectTitleTh, { date: d.on }, 'เบิกจ่าย', { baht: d.amountSatang }, '']),
        ]),
      },
    ],
  };
}
