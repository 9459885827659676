import { Module } from '@nestjs/common';
import Database from 'better-sqlite3';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import {
  AcceptReferralRequest,
  casesMigrations,
  CasesModule,
  casesProjections,
  CloseCaseRequest,
  CompleteReferralRequest,
  DeclineReferralRequest,
  OpenCaseRequest,
  PledgeCommitmentRequest,
  RecordConsentRequest,
  RecordFulfilmentRequest,
  RecordIdentificationRequest,
  RecordLegalBasisRequest,
  RecordScreeningRequest,
  SendReferralRequest,
  StartReferralServiceRequest,
  type ReferralService,
} from '@ruamjai/cases';
import { loadConfig } from '@ruamjai/config';
import { SqliteEventStore, type CommandContext } from '@ruamjai/event-store';
import { identityMigrations, identityProjections } from '@ruamjai/identity';
import { FixedClock, systemClock, type Actor, type Role } from '@ruamjai/kernel';
import { notificationMigrations } from '@ruamjai/notifications';
import {
  AddActivityRequest,
  AddBudgetLineRequest,
  AddKpiRequest,
  AddProjectRequest,
  agencyStreamId,
  ApproveFundRequestRequest,
  ApprovePlanRequest,
  DraftPlanRequest,
  planningMigrations,
  PlanningModule,
  planningProjections,
  planStreamId,
  RecordFundDisbursementRequest,
  RecordKpiActualRequest,
  RegisterAgencyRequest,
  ReportActivityProgressRequest,
  STRATEGY_AREAS,
  SubmitFundRequestRequest,
  SubmitPlanRequest,
  TARGET_GROUPS,
  type AgencyType,
  type FundingSource,
  type Province,
} from '@ruamjai/planning';
import { openReadModels, PlatformModule } from '@ruamjai/platform';
import { rebuildProjections } from '@ruamjai/read-models';
import { issueToken, loadOrCreateSigningKey, type TokenRequest } from '@ruamjai/security';
import type autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run as autocannonRun, type HttpRun } from './http.bench';
import { fmt } from './measure';
import { ensureProvinces } from './national-provinces';
import { readFloor, type RebuildFigure } from './rebuild.bench';

/** What the national simulation measured when its log reached one milestone. */
export interface NationalMilestone {
  /** Events in the log (the floor's count: every event, read back). */
  readonly events: number;
  /** Simulated fiscal years (B.E.) the log covers so far, e.g. 2562–2574. */
  readonly years: string;
  /** Commands and events per second through the command bus since the previous milestone. */
  readonly commandsPerSecond: number;
  readonly eventsPerSecond: number;
  /** events.sqlite with its WAL, after a checkpoint. */
  readonly fileBytes: number;
  readonly rebuild: RebuildFigure;
  readonly floor: RebuildFigure;
  /** The API process over this data folder: started, caught up, 50 plan reads, a second's rest. */
  readonly apiStartSeconds: number;
  /** From /health answering to every checkpoint in the read models (the notifier's too) at the head. */
  readonly catchUpSeconds: number;
  readonly rssMb: number;
  /** VmHWM after the HTTP run: the most it was ever resident. */
  readonly peakMb: number;
  readonly http: HttpRun;
}

export interface NationalFigures {
  readonly milestones: readonly NationalMilestone[];
  /**
   * Events one simulated fiscal year of the whole country adds: the first year's count, or, when the
   * log stopped inside the first year, the count so far scaled to 365 days (`yearMeasured` false).
   */
  readonly eventsPerNationalYear: number;
  readonly yearMeasured: boolean;
  /** Commands and events per second through the command bus over the whole simulation. */
  readonly commandsPerSecond: number;
  readonly eventsPerSecond: number;
  readonly provinces: number;
  readonly connections: number;
  readonly httpSeconds: number;
  readonly totalSeconds: number;
  /** Load average (1 min) when the section started and when it ended. */
  readonly loadBefore: number;
  readonly loadAfter: number;
}

type Step = () => Promise<void>;

const DAY = 86_400_000;
/** FY2562 begins on 1 October 2018 (B.E. 2562 ends on 30 September 2019). */
const FIRST_DAY = Date.UTC(2018, 9, 1);
const dateOf = (day: number) => new Date(FIRST_DAY + day * DAY).toISOString().slice(0, 10);

/** A small seeded generator, so every run simulates the same country. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * An actor with the `province` claim a national deployment gives every token. Built apart from the
 * Actor type, so the claim rides along whether or not the Actor type knows it yet.
 */
function actorOf(id: string, agency: string, role: Role, province: string): Actor {
  const actor = { id, agency, role, province };
  return actor;
}

const AGENCIES: ReadonlyArray<{ prefix: string; type: AgencyType; th: string }> = [
  { prefix: 'PSDHS', type: 'social_development', th: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด' },
  { prefix: 'PROV', type: 'provincial_administration', th: 'สำนักงานจังหวัด' },
  { prefix: 'POL', type: 'police', th: 'ตำรวจภูธรจังหวัด' },
  { prefix: 'IMM', type: 'immigration', th: 'ตรวจคนเข้าเมืองจังหวัด' },
  { prefix: 'LABOUR', type: 'labour', th: 'สำนักงานแรงงานจังหวัด' },
  { prefix: 'EMP', type: 'employment', th: 'สำนักงานจัดหางานจังหวัด' },
  { prefix: 'HEALTH', type: 'health', th: 'สำนักงานสาธารณสุขจังหวัด' },
  { prefix: 'EDU', type: 'education', th: 'สำนักงานเขตพื้นที่การศึกษาจังหวัด' },
  { prefix: 'SHELTER', type: 'shelter', th: 'บ้านพักเด็กและครอบครัวจังหวัด' },
  { prefix: 'NGO', type: 'ngo', th: 'มูลนิธิต่อต้านการค้ามนุษย์จังหวัด' },
  { prefix: 'YOUTH', type: 'youth_council', th: 'สภาเด็กและเยาวชนจังหวัด' },
  { prefix: 'LAO1', type: 'local_administration', th: 'องค์การบริหารส่วนตำบลสมมติ 1 จังหวัด' },
  { prefix: 'LAO2', type: 'local_administration', th: 'องค์การบริหารส่วนตำบลสมมติ 2 จังหวัด' },
  { prefix: 'LAO3', type: 'local_administration', th: 'เทศบาลตำบลสมมติ 3 จังหวัด' },
];
const PROJECT_LEADS = ['PSDHS', 'POL', 'IMM', 'LABOUR', 'HEALTH', 'EDU', 'SHELTER', 'NGO'];
const SERVICE_AGENCY: Readonly<Record<ReferralService, string>> = {
  shelter: 'SHELTER',
  medical: 'HEALTH',
  psychosocial: 'PSDHS',
  legal_aid: 'POL',
  education: 'EDU',
  vocational_training: 'EMP',
  return: 'IMM',
  compensation_claim: 'LABOUR',
  interpretation: 'NGO',
};
const FUNDING: readonly FundingSource[] = [
  'provincial_budget',
  'anti_trafficking_fund',
  'agency_own',
  'local_administration',
];
const INTAKE = [
  { owner: 'IMM', source: 'border_screening' },
  { owner: 'IMM', source: 'immigration' },
  { owner: 'POL', source: 'police' },
  { owner: 'LABOUR', source: 'labour_inspection' },
  { owner: 'PSDHS', source: 'hotline_1300' },
  { owner: 'PSDHS', source: 'ngo' },
] as const;

/** One province's centre: its agencies, its actors, and what it does each day. */
class ProvinceCentre {
  readonly n: string;
  readonly districts: string[];
  constructor(
    readonly province: Province,
    readonly rng: () => number,
  ) {
    this.n = province.code.slice(3);
    this.districts = province.districts.map((d) => d.code);
  }
  agency(prefix: string): string {
    return `${prefix}-${this.n}`;
  }
  coordinator(): Actor {
    return actorOf(`coordinator.th-${this.n}`, this.agency('PSDHS'), 'coordinator', this.province.code);
  }
  chair(): Actor {
    return actorOf(`governor.th-${this.n}`, this.agency('PROV'), 'chair', this.province.code);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)];
  }
  between(low: number, high: number): number {
    return low + Math.floor(this.rng() * (high - low + 1));
  }
}

/** Officers of an agency act for it; the province is the agency's. */
const officer = (agency: string): Actor =>
  actorOf(`officer.${agency.toLowerCase()}`, agency, 'agency_officer', `TH-${agency.slice(-2)}`);

/**
 * A country's centres at work: each day, every province runs its own commands of the day in order,
 * and the provinces run side by side (76 writers at once, as 76 centres would), through the command
 * bus: the handlers, deciders and runner the API's controllers call.
 */
class Country {
  private readonly schedule = new Map<number, Map<number, Step[]>>();
  private readonly revisions = new Map<string, bigint>();
  readonly centres: ProvinceCentre[];
  day = 0;
  written = 0;
  commands = 0;
  firstYearEvents = 0;

  constructor(
    private readonly bus: CommandBus,
    private readonly clock: FixedClock,
    provinces: readonly Province[],
  ) {
    this.centres = provinces.map((p, i) => new ProvinceCentre(p, random(0x5eed + i)));
  }

  /** Runs whole days until the log holds at least `target` events the simulation wrote. */
  async runUntil(target: number): Promise<void> {
    while (this.written < target) {
      const date = new Date(FIRST_DAY + this.day * DAY);
      if (date.getUTCMonth() === 9 && date.getUTCDate() === 1) {
        if (this.day === 365) this.firstYearEvents = this.written;
        for (const [i, centre] of this.centres.entries()) this.planYear(i, centre, this.day);
      }
      const today = this.schedule.get(this.day);
      this.schedule.delete(this.day);
      if (today) {
        this.clock.set(new Date(FIRST_DAY + this.day * DAY + 3 * 3_600_000));
        await Promise.all(
          [...today.values()].map(async (steps) => {
            for (const step of steps) await step();
          }),
        );
      }
      this.day += 1;
    }
  }

  /** The fiscal year (B.E.) a simulated day falls in. */
  fiscalYear(day: number): number {
    const date = new Date(FIRST_DAY + day * DAY);
    return date.getUTCFullYear() + 543 + (date.getUTCMonth() >= 9 ? 1 : 0);
  }

  private at(day: number, province: number, step: Step): void {
    let byProvince = this.schedule.get(day);
    if (!byProvince) this.schedule.set(day, (byProvince = new Map<number, Step[]>()));
    let steps = byProvince.get(province);
    if (!steps) byProvince.set(province, (steps = []));
    steps.push(step);
  }

  /** One command, as a client sends it: the revision it last saw (If-Match) and a fresh idempotency key. */
  private async exec(
    stream: string,
    actor: Actor,
    request: (context: CommandContext) => { readonly context: CommandContext },
  ): Promise<void> {
    const key = randomUUID();
    const context: CommandContext = {
      actor,
      correlationId: key,
      causationId: key,
      idempotencyKey: key,
      requestFingerprint: key,
      expectedRevision: this.revisions.get(stream) ?? -1n,
    };
    const command = request(context);
    let outcome: { revision: bigint; events: readonly unknown[] };
    try {
      outcome = await this.bus.execute<never, { revision: bigint; events: readonly unknown[] }>(command as never);
    } catch (error) {
      const name = (command as { constructor: { name: string } }).constructor.name;
      throw new Error(`${name} on ${stream} by ${actor.id} (day ${this.day}) failed: ${String(error)}`, {
        cause: error,
      });
    }
    this.revisions.set(stream, outcome.revision);
    this.written += outcome.events.length;
    this.commands += 1;
  }

  /** A province's year: its plan (first year: its agencies too), the plan's progress, its cases. */
  private planYear(i: number, c: ProvinceCentre, start: number): void {
    const fy = this.fiscalYear(start);
    const coordinator = c.coordinator();
    if (start === 0) {
      this.at(start, i, async () => {
        for (const [k, a] of AGENCIES.entries()) {
          const code = c.agency(a.prefix);
          await this.exec(agencyStreamId(code), coordinator, (ctx) => {
            const data = {
              code,
              nameTh: `${a.th}${c.province.th}`,
              agencyType: a.type,
              districtCode: c.districts[k % c.districts.length],
            };
            return new RegisterAgencyRequest(data, ctx);
          });
        }
      });
    }
    const planId = randomUUID();
    const plan = planStreamId(planId);
    this.at(start + 5, i, () =>
      this.exec(
        plan,
        coordinator,
        (ctx) =>
          new DraftPlanRequest(
            {
              planId,
              provinceCode: c.province.code,
              fiscalYear: fy,
              titleTh: `แผนปฏิบัติการป้องกันและปราบปรามการค้ามนุษย์ จังหวัด${c.province.th} ประจำปีงบประมาณ พ.ศ. ${fy}`,
            },
            ctx,
          ),
      ),
    );
    const projects = c.between(8, 14);
    const yearEnd = start + 364;
    for (let p = 0; p < projects; p++) {
      const projectId = randomUUID();
      const lead = c.agency(c.pick(PROJECT_LEADS));
      const others = AGENCIES.map((a) => c.agency(a.prefix)).filter((a) => a !== lead && !a.startsWith('PROV'));
      const participating = [c.pick(others), c.pick(others)].filter((a, k, all) => all.indexOf(a) === k);
      const districts = [c.pick(c.districts), c.pick(c.districts)].filter((d, k, all) => all.indexOf(d) === k);
      const lines = [randomUUID(), randomUUID()];
      const activities = Array.from({ length: 3 }, () => {
        const from = start + c.between(60, 200);
        return {
          id: randomUUID(),
          from,
          to: Math.min(yearEnd - 5, from + c.between(30, 150)),
          agency: c.pick([lead, ...participating]),
          district: c.pick(districts),
        };
      });
      const kpis = [randomUUID(), randomUUID()];
      this.at(start + 6 + p, i, async () => {
        await this.exec(
          plan,
          coordinator,
          (ctx) =>
            new AddProjectRequest(
              {
                planId,
                projectId,
                titleTh: `โครงการป้องกันการค้ามนุษย์ที่ ${p + 1} จังหวัด${c.province.th} ปี ${fy}`,
                strategy: STRATEGY_AREAS[p % STRATEGY_AREAS.length],
                leadAgencyCode: lead,
                participatingAgencyCodes: participating,
                districtCodes: districts,
                targetGroups: [c.pick(TARGET_GROUPS), c.pick(TARGET_GROUPS)].filter(
                  (g, k, all) => all.indexOf(g) === k,
                ),
                objectives: ['ลดความเสี่ยงของกลุ่มเปราะบางต่อการค้ามนุษย์'],
                requestedBudgetSatang: c.between(50, 2_000) * 10_000,
                fundingSource: c.pick(FUNDING),
              },
              ctx,
            ),
        );
        for (const lineId of lines)
          await this.exec(
            plan,
            coordinator,
            (ctx) =>
              new AddBudgetLineRequest(
                {
                  planId,
                  projectId,
                  lineId,
                  fundingSource: c.pick(FUNDING),
                  amountSatang: c.between(100, 1_000) * 10_000,
                  descriptionTh: 'ค่าใช้จ่ายดำเนินกิจกรรม',
                },
                ctx,
              ),
          );
        for (const [k, a] of activities.entries())
          await this.exec(
            plan,
            coordinator,
            (ctx) =>
              new AddActivityRequest(
                {
                  planId,
                  projectId,
                  activityId: a.id,
                  titleTh: `กิจกรรมที่ ${k + 1} ของโครงการที่ ${p + 1}`,
                  districtCode: a.district,
                  startDate: dateOf(a.from),
                  endDate: dateOf(a.to),
                  targets: { [c.pick(TARGET_GROUPS)]: c.between(20, 200) },
                  responsibleAgencyCode: a.agency,
                },
                ctx,
              ),
          );
        for (const [k, kpiId] of kpis.entries())
          await this.exec(
            plan,
            coordinator,
            (ctx) =>
              new AddKpiRequest(
                {
                  planId,
                  projectId,
                  kpiId,
                  descriptionTh: `ตัวชี้วัดที่ ${k + 1}`,
                  unit: 'คน',
                  target: c.between(10, 500),
                },
                ctx,
              ),
          );
      });
      for (const a of activities) {
        for (let d = a.from + 20; d < a.to; d += 30)
          this.at(d, i, () =>
            this.exec(
              plan,
              officer(a.agency),
              (ctx) =>
                new ReportActivityProgressRequest(
                  {
                    planId,
                    activityId: a.id,
                    reportedOn: dateOf(d),
                    participantsReached: { [c.pick(TARGET_GROUPS)]: c.between(5, 60) },
                    spendSatang: c.between(1, 20) * 10_000,
                  },
                  ctx,
                ),
            ),
          );
        this.at(a.to, i, () =>
          this.exec(
            plan,
            officer(a.agency),
            (ctx) =>
              new ReportActivityProgressRequest(
                {
                  planId,
                  activityId: a.id,
                  reportedOn: dateOf(a.to),
                  participantsReached: { [c.pick(TARGET_GROUPS)]: c.between(5, 60) },
                  spendSatang: c.between(1, 20) * 10_000,
                  completed: true,
                },
                ctx,
              ),
          ),
        );
      }
      for (const kpiId of kpis)
        this.at(yearEnd - 3, i, () =>
          this.exec(
            plan,
            officer(lead),
            (ctx) =>
              new RecordKpiActualRequest(
                { planId, kpiId, actual: c.between(5, 500), measuredOn: dateOf(yearEnd - 3) },
                ctx,
              ),
          ),
        );
      // A participating agency pledges staff days to the project, and gives most of them.
      const commitmentId = randomUUID();
      const pledger = officer(participating[0]);
      this.at(start + 70, i, () =>
        this.exec(
          `commitment-${commitmentId}`,
          pledger,
          (ctx) =>
            new PledgeCommitmentRequest(
              {
                commitmentId,
                target: { kind: 'project', planId, projectId },
                resource: 'staff_days',
                quantity: 20,
                dueOn: dateOf(yearEnd - 10),
              },
              ctx,
            ),
        ),
      );
      this.at(start + 250, i, () =>
        this.exec(
          `commitment-${commitmentId}`,
          pledger,
          (ctx) =>
            new RecordFulfilmentRequest(
              { commitmentId, quantity: c.between(5, 20), fulfilledOn: dateOf(start + 250) },
              ctx,
            ),
        ),
      );
      if (p === 0) this.fundRequest(i, c, start, planId, projectId);
    }
    this.at(start + 40, i, () => this.exec(plan, coordinator, (ctx) => new SubmitPlanRequest({ planId }, ctx)));
    this.at(start + 50, i, () =>
      this.exec(
        plan,
        c.chair(),
        (ctx) =>
          new ApprovePlanRequest({ planId, meetingReference: `ครั้งที่ 1/${fy}`, meetingDate: dateOf(start + 50) }, ctx),
      ),
    );
    const cases = c.between(30, 90);
    for (let k = 0; k < cases; k++) this.caseWork(i, c, start + c.between(0, 330));
  }

  private fundRequest(i: number, c: ProvinceCentre, start: number, planId: string, projectId: string): void {
    const plan = planStreamId(planId);
    const requestId = randomUUID();
    const coordinator = c.coordinator();
    this.at(start + 38, i, () =>
      this.exec(
        plan,
        coordinator,
        (ctx) =>
          new SubmitFundRequestRequest(
            {
              planId,
              projectId,
              requestId,
              amountSatang: 50_000_000,
              justification: 'ช่วยเหลือผู้เสียหายตามมาตรา 33',
              category: 'victim_assistance',
            },
            ctx,
          ),
      ),
    );
    this.at(start + 120, i, () =>
      this.exec(
        plan,
        coordinator,
        (ctx) => new ApproveFundRequestRequest({ planId, requestId, approvedAmountSatang: 40_000_000 }, ctx),
      ),
    );
    this.at(start + 150, i, () =>
      this.exec(
        plan,
        coordinator,
        (ctx) => new RecordFundDisbursementRequest({ planId, requestId, amountSatang: 20_000_000 }, ctx),
      ),
    );
  }

  /**
   * One person's case: opened by the agency that found them, screened, referred for services (a few
   * percent to another province's agency), identified and, most of the time, closed.
   */
  private caseWork(i: number, c: ProvinceCentre, day: number): void {
    const caseId = randomUUID();
    const stream = `case-${caseId}`;
    const intake = c.pick(INTAKE);
    const owner = c.agency(intake.owner);
    const actor = intake.owner === 'PSDHS' ? c.coordinator() : officer(owner);
    const child = c.rng() < 0.3;
    const services: ReferralService[] = [c.pick(['shelter', 'medical', 'psychosocial'] as const)];
    if (c.rng() < 0.7) services.push(c.pick(['legal_aid', 'interpretation', 'vocational_training', 'return'] as const));
    if (c.rng() < 0.3) services.push(c.pick(['education', 'compensation_claim'] as const));
    const referrals = services.map((service) => {
      const elsewhere = c.rng() < 0.04 ? this.centres[Math.floor(c.rng() * this.centres.length)] : c;
      let to = elsewhere.agency(SERVICE_AGENCY[service]);
      if (to === owner) to = c.agency('SHELTER') === owner ? c.agency('HEALTH') : c.agency('SHELTER');
      return { id: randomUUID(), service, to, declined: c.rng() < 0.1, doneAfter: c.between(5, 20) };
    });
    this.at(day, i, async () => {
      await this.exec(
        stream,
        actor,
        (ctx) =>
          new OpenCaseRequest(
            {
              caseId,
              personId: randomUUID(),
              source: intake.source,
              districtCode: c.pick(c.districts),
              foundOn: dateOf(day),
              ageGroup: child ? 'child' : 'adult',
              person: {
                givenName: `บุคคลสมมติ (Fictional person) ${caseId.slice(0, 8)}`,
                familyName: 'ตัวอย่าง',
                sex: c.pick(['female', 'male'] as const),
                nationality: c.pick(['KHM', 'MMR', 'LAO', 'THA']),
                identityDocuments: [{ kind: 'other', number: `FICT-${caseId.slice(0, 8)}` }],
              },
            },
            ctx,
          ),
      );
      if (child)
        await this.exec(
          stream,
          actor,
          (ctx) =>
            new RecordLegalBasisRequest(
              { caseId, basis: 'vital_interest', reference: 'PDPA s.26(1); พ.ร.บ.ป้องกันและปราบปรามการค้ามนุษย์ ม.33' },
              ctx,
            ),
        );
      else
        await this.exec(
          stream,
          actor,
          (ctx) => new RecordConsentRequest({ caseId, givenOn: dateOf(day), scope: 'share_with_agencies' }, ctx),
        );
      await this.exec(
        stream,
        actor,
        (ctx) =>
          new RecordScreeningRequest(
            {
              caseId,
              indicators: ['document_irregularity', 'debt_bondage'],
              formReference: `ร.บ.1/${caseId.slice(0, 6)}`,
            },
            ctx,
          ),
      );
      for (const r of referrals) {
        const referral = `referral-${r.id}`;
        await this.exec(
          referral,
          actor,
          (ctx) =>
            new SendReferralRequest(
              {
                referralId: r.id,
                caseId,
                toAgency: r.to,
                service: r.service,
                urgency: r.service === 'shelter' ? 'urgent' : 'normal',
                sharesPersonalData: true,
              },
              ctx,
            ),
        );
        const recipient = officer(r.to);
        if (r.declined) {
          await this.exec(
            referral,
            recipient,
            (ctx) => new DeclineReferralRequest({ referralId: r.id, reason: 'ไม่มีบริการนี้ในพื้นที่ ส่งคืนศูนย์' }, ctx),
          );
          continue;
        }
        await this.exec(referral, recipient, (ctx) => new AcceptReferralRequest({ referralId: r.id }, ctx));
        await this.exec(referral, recipient, (ctx) => new StartReferralServiceRequest({ referralId: r.id }, ctx));
      }
    });
    for (const r of referrals.filter((r) => !r.declined))
      this.at(day + r.doneAfter, i, () =>
        this.exec(
          `referral-${r.id}`,
          officer(r.to),
          (ctx) => new CompleteReferralRequest({ referralId: r.id, outcome: 'service_provided' }, ctx),
        ),
      );
    if (c.rng() < 0.3) {
      const commitmentId = randomUUID();
      this.at(day + 1, i, () =>
        this.exec(
          `commitment-${commitmentId}`,
          actor,
          (ctx) =>
            new PledgeCommitmentRequest(
              {
                commitmentId,
                target: { kind: 'case', caseId },
                resource: 'interpreters',
                quantity: 1,
                dueOn: dateOf(day + 30),
              },
              ctx,
            ),
        ),
      );
      this.at(day + 10, i, () =>
        this.exec(
          `commitment-${commitmentId}`,
          actor,
          (ctx) => new RecordFulfilmentRequest({ commitmentId, quantity: 1, fulfilledOn: dateOf(day + 10) }, ctx),
        ),
      );
    }
    const victim = c.rng() < 0.6;
    this.at(day + 14, i, () =>
      this.exec(
        stream,
        actor,
        (ctx) =>
          new RecordIdentificationRequest(
            {
              caseId,
              outcome: victim ? 'victim' : 'not_victim',
              decidedOn: dateOf(day + 14),
              decidingAgency: c.agency('PSDHS'),
            },
            ctx,
          ),
      ),
    );
    if (c.rng() < 0.8)
      this.at(day + 30, i, () =>
        this.exec(
          stream,
          actor,
          (ctx) =>
            new CloseCaseRequest(
              { caseId, outcome: victim ? c.pick(['reintegrated', 'returned_home'] as const) : 'not_a_victim' },
              ctx,
            ),
        ),
      );
  }
}

const allProjections = [...planningProjections, ...casesProjections, ...identityProjections];
const readModelMigrations = [planningMigrations, casesMigrations, identityMigrations, notificationMigrations];

const load1 = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/**
 * The national simulation: 76 provinces' centres at work year after year, through the command bus
 * in this process, on a fresh data folder. At each milestone of the log's length it measures the
 * events file's size, a rebuild of every projection from the log (beside the floor: reading and
 * parsing every event), and then a real API process over the same folder: its resident memory and
 * the latency of adding a project over HTTP (If-Match and Idempotency-Key, `connections` at once).
 */
export async function nationalFigures(
  root: string,
  dataDir: string,
  milestones: readonly number[],
  { connections = 16, httpSeconds = 5 }: { connections?: number; httpSeconds?: number } = {},
): Promise<NationalFigures> {
  const started = performance.now();
  const loadBefore = load1();
  const provinces = ensureProvinces();
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '10000000' });
  const clock = new FixedClock(new Date(FIRST_DAY));
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'bench',
        config,
        clock,
        projections: allProjections,
        migrations: readModelMigrations,
        runProjections: false,
      }),
      CqrsModule.forRoot(),
      PlanningModule,
      CasesModule.forRoot({ runScheduler: false }),
    ],
  })
  class NationalModule {}
  const app = await NestFactory.createApplicationContext(NationalModule, { logger: false });
  const country = new Country(app.get(CommandBus), clock, provinces);
  const eventsFile = join(dataDir, 'events.sqlite');
  const figures: NationalMilestone[] = [];
  let generating = 0;
  try {
    let before = { at: performance.now(), commands: 0, written: 0 };
    for (const target of milestones) {
      await country.runUntil(target);
      const seconds = (performance.now() - before.at) / 1000;
      generating += seconds;
      const commandsPerSecond = (country.commands - before.commands) / seconds;
      const eventsPerSecond = (country.written - before.written) / seconds;
      const years = `${country.fiscalYear(0)}–${country.fiscalYear(country.day - 1)}`;
      const fileBytes = await settledSize(eventsFile);
      const floor = readFloor(eventsFile);
      const rebuild = await rebuildAll(config);
      const api = await apiFigures(root, dataDir, connections, httpSeconds);
      figures.push({
        events: floor.events,
        years,
        commandsPerSecond,
        eventsPerSecond,
        fileBytes,
        rebuild,
        floor,
        ...api,
      });
      before = { at: performance.now(), commands: country.commands, written: country.written };
    }
  } finally {
    await app.close();
  }
  return {
    milestones: figures,
    eventsPerNationalYear: country.firstYearEvents || Math.round((country.written * 365) / Math.max(1, country.day)),
    yearMeasured: country.firstYearEvents > 0,
    commandsPerSecond: country.commands / generating,
    eventsPerSecond: country.written / generating,
    provinces: provinces.length,
    connections,
    httpSeconds,
    totalSeconds: (performance.now() - started) / 1000,
    loadBefore,
    loadAfter: load1(),
  };
}

/** The events file's size once its WAL is folded in (as it is at rest): main file and WAL together. */
async function settledSize(file: string): Promise<number> {
  const store = SqliteEventStore.open({ file });
  await store.close();
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return size(file) + size(`${file}-wal`);
}

/** Every projection rebuilt from the log into the data folder's read models, as `projections rebuild` does. */
async function rebuildAll(config: ReturnType<typeof loadConfig>): Promise<RebuildFigure> {
  const store = SqliteEventStore.open({ file: join(config.dataDir, 'events.sqlite') });
  const db = await openReadModels(
    { ...config, readModelCacheMb: Math.max(config.readModelCacheMb, 256) },
    readModelMigrations,
  );
  try {
    const started = performance.now();
    const result = await rebuildProjections(store, db, allProjections, systemClock);
    const seconds = (performance.now() - started) / 1000;
    return { events: result.events, seconds, eventsPerSecond: result.events / seconds };
  } finally {
    await db.destroy();
    await store.close();
  }
}

/** The built API on the simulation's data folder: how long it takes to answer, its memory, and an HTTP command's latency. */
async function apiFigures(
  root: string,
  dataDir: string,
  connections: number,
  seconds: number,
): Promise<{ apiStartSeconds: number; catchUpSeconds: number; rssMb: number; peakMb: number; http: HttpRun }> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}`;
  const spawned = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '10000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await until(120_000, 'the API to answer /health', child, async () => {
      try {
        return (await fetch(`${base}/health`)).ok;
      } catch {
        return false;
      }
    });
    const apiStartSeconds = (performance.now() - spawned) / 1000;
    // The rebuild brought the projections to the head, not the notifier, which reads the log from its
    // own checkpoint: left alone it would work through the whole log during the measurement, a cost a
    // deployment whose notifier kept up never pays. So the bench waits for it, and says how long.
    const caughtUp = performance.now();
    const head = headOf(dataDir);
    await until(1_800_000, `every checkpoint at position ${head}`, child, () =>
      Promise.resolve(checkpointsBehind(dataDir, head) === 0),
    );
    const catchUpSeconds = (performance.now() - caughtUp) / 1000;
    const key = await loadOrCreateSigningKey(dataDir);
    // Sa Kaeo's coordinator, with the province claim a national deployment's tokens carry.
    const claims = { sub: 'coordinator.th-27', agency: 'PSDHS-27', role: 'coordinator' as const, province: 'TH-27' };
    const request: TokenRequest = claims;
    const token = await issueToken(key, request, 'ruamjai', 'ruamjai-api');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // A fresh pool of plans each time: the same command on equally small plans, only the log grows.
    const pool: Array<{ id: string; etag: string }> = [];
    for (let i = 0; i < connections * 4; i++) {
      const res = await fetch(`${base}/api/v1/plans`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ provinceCode: 'TH-27', fiscalYear: 2562, titleTh: `แผนทดสอบระดับประเทศ ${i}` }),
      });
      if (res.status !== 201) throw new Error(`drafting a plan failed: ${res.status} ${await res.text()}`);
      pool.push({ id: ((await res.json()) as { planId: string }).planId, etag: '"0"' });
    }
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${base}/api/v1/plans/${pool[i % pool.length].id}`, { headers });
      await res.arrayBuffer();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssMb = kib(child, 'VmRSS') / 1024;
    const body = JSON.stringify({
      titleTh: 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ในเด็ก สตรี และครอบครัว',
      leadAgencyCode: 'PSDHS-27',
      districtCodes: ['2706', '2708'],
      requestedBudgetSatang: 15_000_000,
      fundingSource: 'anti_trafficking_fund',
      strategy: 'protection',
    });
    type Ctx = { plan?: { id: string; etag: string } };
    const addProjects = (duration: number) =>
      autocannonRun({
        connections,
        duration,
        url: `${base}/api/v1/plans`,
        requests: [
          {
            method: 'POST',
            setupRequest: (req: autocannon.Request, context: Ctx) => {
              const plan = pool.shift()!;
              context.plan = plan;
              return {
                ...req,
                path: `/api/v1/plans/${plan.id}/projects`,
                headers: { ...headers, 'if-match': plan.etag, 'idempotency-key': randomUUID() },
                body,
              };
            },
            onResponse: (status: number, responseBody: string, context: Ctx) => {
              const plan = context.plan!;
              if (status === 201) plan.etag = `"${(JSON.parse(responseBody) as { revision: string }).revision}"`;
              pool.push(plan);
            },
          },
        ],
      });
    await addProjects(1);
    const http = await addProjects(seconds);
    return { apiStartSeconds, catchUpSeconds, rssMb, peakMb: kib(child, 'VmHWM') / 1024, http };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}

async function until(ms: number, what: string, api: ChildProcess, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode}) while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The log's last position, read from the events file. */
function headOf(dataDir: string): number {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    return Number(db.prepare<[], { head: number | null }>('SELECT MAX(position) AS head FROM events').get()?.head ?? 0);
  } finally {
    db.close();
  }
}

/** How many of the read models' checkpoints are still short of `head`. */
function checkpointsBehind(dataDir: string, head: number): number {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  try {
    const rows = db.prepare<[], { position: number }>('SELECT position FROM projection_checkpoints').all();
    return rows.length === 0 ? 1 : rows.filter((r) => Number(r.position) < head).length;
  } finally {
    db.close();
  }
}

function kib(child: ChildProcess, field: string): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc status`);
  return Number(match[1]);
}

/** Least squares: the line through the points, its slope and its value at `x`. */
function line(points: ReadonlyArray<[number, number]>): { slope: number; at: (x: number) => number } {
  const n = points.length;
  const mx = points.reduce((s, [px]) => s + px, 0) / n;
  const my = points.reduce((s, [, py]) => s + py, 0) / n;
  const sxx = points.reduce((s, [px]) => s + (px - mx) ** 2, 0);
  const slope = n < 2 || sxx === 0 ? 0 : points.reduce((s, [px, py]) => s + (px - mx) * (py - my), 0) / sxx;
  return { slope, at: (x) => my + slope * (x - mx) };
}

const EXTRAPOLATE_TO = 10_000_000;

/** The section's table rows, in the bench's style: each figure beside its floor or peer, with a ratio. */
export function nationalRows(f: NationalFigures): string[] {
  const first = f.milestones[0];
  const last = f.milestones[f.milestones.length - 1];
  const mb = (bytes: number) => `${fmt(bytes / 2 ** 20)} MiB`;
  const rows: string[] = [];
  const label = (m: NationalMilestone) => `${fmt(m.events)} events (${f.provinces} provinces, FY${m.years})`;
  rows.push(
    `| (n) national simulation: ${f.provinces} provinces' centres (agencies, plans with projects, activities, budget lines and KPIs, progress reports, Fund requests, cases, referrals, ${fmt(0.04 * 100)}% to another province, commitments) through the command bus, ${f.provinces} writers at once; one national fiscal year = ${f.yearMeasured ? '' : '≈ '}${fmt(f.eventsPerNationalYear)} events${f.yearMeasured ? '' : ' (the first year was not finished: its part scaled to 365 days)'} | ${fmt(f.commandsPerSecond)} commands/s, ${fmt(f.eventsPerSecond)} events/s (the whole simulation; ${fmt(last.eventsPerSecond)} events/s on the last stretch, to ${fmt(last.events)}) | — (the store's own appends are (b) and (c) above) | — | — |`,
  );
  for (const m of f.milestones) {
    rows.push(
      `| (n) events file at ${label(m)} | ${mb(m.fileBytes)}, ${fmt(m.fileBytes / m.events)} bytes/event | at ${fmt(first.events)} events ${fmt(first.fileBytes / first.events)} bytes/event, ${fmt(m.fileBytes / m.events / (first.fileBytes / first.events), 2)}× | — | — |`,
    );
    rows.push(
      `| (n) rebuild of every projection at ${label(m)} | ${fmt(m.rebuild.eventsPerSecond)} events/s (${fmt(m.rebuild.seconds, 1)} s) | read + JSON.parse of every event, no projection: ${fmt(m.floor.eventsPerSecond)} events/s, ${fmt(m.rebuild.eventsPerSecond / m.floor.eventsPerSecond, 2)}× | — | — |`,
    );
    rows.push(
      `| (n) API RSS at ${label(m)}, views caught up | ${fmt(m.rssMb)} MB (peak ${fmt(m.peakMb)} MB after the HTTP run; answered /health ${fmt(m.apiStartSeconds, 1)} s after start; its notifier at the head ${fmt(m.catchUpSeconds, 1)} s later) | at ${fmt(first.events)} events ${fmt(first.rssMb)} MB, ${fmt(m.rssMb / first.rssMb, 2)}× | — | — |`,
    );
    rows.push(
      `| (n) HTTP add project (If-Match, Idempotency-Key, ${f.connections} connections, ${f.httpSeconds} s) at ${label(m)} | p50 ${fmt(m.http.p50)} ms, p99 ${fmt(m.http.p99)} ms, ${fmt(m.http.requestsPerSecond)} req/s (${m.http.non2xx} non-2xx of ${m.http.total}) | at ${fmt(first.events)} events p99 ${fmt(first.http.p99)} ms, ${fmt(m.http.p99 / first.http.p99, 2)}× | — | — |`,
    );
  }
  if (last.events < EXTRAPOLATE_TO && f.milestones.length >= 2) {
    const from = f.milestones.map((m) => fmt(m.events)).join(', ');
    const fit = (y: (m: NationalMilestone) => number) => line(f.milestones.map((m) => [m.events, y(m)]));
    const at = (y: (m: NationalMilestone) => number) => fit(y).at(EXTRAPOLATE_TO);
    const bytes = at((m) => m.fileBytes);
    const rebuildSeconds = at((m) => m.rebuild.seconds);
    const floorSeconds = at((m) => m.floor.seconds);
    // RSS and latency need not grow with the log: a line that falls is reported as no growth.
    const grows = (y: (m: NationalMilestone) => number, unit: string) => {
      const perMillion = fit(y).slope * 1e6;
      return perMillion <= 0
        ? `no growth measured (the line falls), last measured ${fmt(y(last))} ${unit}`
        : `${fmt(at(y))} ${unit} (+${fmt(perMillion, 1)} ${unit} per million events)`;
    };
    rows.push(
      `| (n) EXTRAPOLATED, not measured: ${fmt(EXTRAPOLATE_TO)} events (≈ ${fmt(EXTRAPOLATE_TO / f.eventsPerNationalYear)} national years), from least-squares lines through the milestones measured above (${from}) | events file ${fmt(bytes / 2 ** 30, 1)} GiB; rebuild of every projection ${fmt(rebuildSeconds / 60, 1)} min; API RSS ${grows((m) => m.rssMb, 'MB')}; HTTP add project p99 ${grows((m) => m.http.p99, 'ms')} | the floor's read of the same log ${fmt(floorSeconds / 60, 1)} min, ${fmt(floorSeconds / rebuildSeconds, 2)}× the rebuild's time; at ${fmt(first.events)} events: RSS ${fmt(first.rssMb)} MB, p99 ${fmt(first.http.p99)} ms | — | — |`,
    );
  }
  rows.push(
    `| (n) the national simulation's own cost | ${fmt(f.totalSeconds / 60, 1)} min for the whole section, to ${fmt(last.events)} events | load average (1 min) ${fmt(f.loadBefore, 2)} at its start, ${fmt(f.loadAfter, 2)} at its end | — | — |`,
  );
  return rows;
}
