import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_GROUPS,
  CLOSURE_OUTCOMES,
  INTAKE_SOURCES,
  NRM_STAGES,
  REFERRAL_OUTCOMES,
  REFERRAL_SERVICES,
  RESOURCES,
  URGENCIES,
} from '@ruamjai/cases';
import { PersonDto } from './open-case/open-case.dto';

/** Response shapes of case work, for the OpenAPI document. None carries personal data but PersonalDataViewDto. */
export class CaseViewDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'SHELTER-SK' }) owningAgency!: string;
  @ApiProperty({ example: '2706' }) districtCode!: string;
  @ApiProperty({ enum: INTAKE_SOURCES }) source!: string;
  @ApiProperty({ enum: AGE_GROUPS }) ageGroup!: string;
  @ApiProperty({ enum: NRM_STAGES }) stage!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ enum: ['victim', 'not_victim'], nullable: true }) identification!: string | null;
  @ApiProperty({ nullable: true }) caseManagerId!: string | null;
  @ApiProperty() consent!: boolean;
  @ApiProperty({ nullable: true }) legalBasis!: string | null;
  @ApiProperty() personalDataErased!: boolean;
  @ApiProperty({ example: '2019-05-01' }) foundOn!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ nullable: true }) screenedAt!: string | null;
  @ApiProperty({
    nullable: true,
    description: 'When identification is due (screening + IDENTIFICATION_DUE_DAYS), while awaited',
  })
  identificationDueAt!: string | null;
  @ApiProperty({ nullable: true }) closedAt!: string | null;
  @ApiProperty({ enum: CLOSURE_OUTCOMES, nullable: true }) closureOutcome!: string | null;
  @ApiProperty() revision!: number;
  @ApiProperty() updatedAt!: string;
}

export class ReferralViewDto {
  @ApiProperty() referralId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'TH-20', description: "The case's province, where the referral was sent from" })
  province!: string;
  @ApiProperty({
    example: 'TH-27',
    description: "The recipient agency's province, where it is answered (the same as province for a local referral)",
  })
  toProvince!: string;
  @ApiProperty({
    enum: ['outgoing', 'incoming', 'local'],
    description:
      "From your province to another's agency (outgoing), to your province's agency from another (incoming), or within one province",
  })
  direction!: 'outgoing' | 'incoming' | 'local';
  @ApiProperty() fromAgency!: string;
  @ApiProperty() toAgency!: string;
  @ApiProperty({ enum: REFERRAL_SERVICES }) service!: string;
  @ApiProperty({ enum: URGENCIES }) urgency!: string;
  @ApiProperty({ enum: ['sent', 'accepted', 'declined', 'in_progress', 'completed', 'revoked'] }) status!: string;
  @ApiProperty() sharesPersonalData!: boolean;
  @ApiProperty() sentAt!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ nullable: true }) finishedAt!: string | null;
  @ApiProperty({ enum: REFERRAL_OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true }) escalatedAt!: string | null;
  @ApiProperty() revision!: number;
}

export class CaseWithReferralsDto extends CaseViewDto {
  @ApiProperty({ type: [ReferralViewDto] }) referrals!: ReferralViewDto[];
}

export class CaseListDto {
  @ApiProperty({ type: [CaseViewDto] }) cases!: CaseViewDto[];
}

export class ReferralListDto {
  @ApiProperty({ type: [ReferralViewDto] }) referrals!: ReferralViewDto[];
}

export class ReferralBoxDto extends ReferralListDto {
  @ApiProperty({ example: 'HEALTH-SK' }) agency!: string;
}

export class CommitmentTargetDto {
  @ApiProperty({ enum: ['case', 'project'] }) kind!: string;
  @ApiPropertyOptional() caseId?: string;
  @ApiPropertyOptional() planId?: string;
  @ApiPropertyOptional() projectId?: string;
}

export class CommitmentViewDto {
  @ApiProperty() commitmentId!: string;
  @ApiProperty() agency!: string;
  @ApiProperty({ type: CommitmentTargetDto }) target!: CommitmentTargetDto;
  @ApiProperty({ enum: RESOURCES }) resource!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() fulfilled!: number;
  @ApiProperty() dueOn!: string;
  @ApiProperty({ enum: ['pledged', 'fulfilled', 'withdrawn'] }) status!: string;
  @ApiProperty({ description: 'Past its due date (Thai time) and not fully delivered' }) overdue!: boolean;
  @ApiProperty() revision!: number;
}

export class CommitmentListDto {
  @ApiProperty({ type: [CommitmentViewDto] }) commitments!: CommitmentViewDto[];
}

export class CommitmentTotalsDto {
  @ApiProperty() agency!: string;
  @ApiProperty({ enum: RESOURCES }) resource!: string;
  @ApiProperty() pledged!: number;
  @ApiProperty() fulfilled!: number;
  @ApiProperty() overduePledges!: number;
}

export class PersonalDataViewDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() personId!: string;
  @ApiProperty({ type: PersonDto }) person!: PersonDto;
  @ApiProperty({ enum: ['coordinator', 'owning_agency', 'active_referral', 'audit_grant'] }) ground!: string;
  @ApiProperty() readAt!: string;
}

export class AuditGrantDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'When the grant ends' }) until!: string;
  @ApiProperty() position!: string;
}

export class AccessLogEntryDto {
  @ApiProperty() eventId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['read', 'grant'] }) kind!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() agency!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ description: "Why (a read's purpose or a grant's reason)" }) purpose!: string;
  @ApiProperty({ nullable: true }) ground!: string | null;
  @ApiProperty() at!: string;
  @ApiProperty({ nullable: true }) until!: string | null;
}

export class AccessLogDto {
  @ApiProperty({ type: [AccessLogEntryDto] }) reads!: AccessLogEntryDto[];
}

export class CaseHistoryEntryDto {
  @ApiProperty({ example: 'case-…' }) stream!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ nullable: true }) occurredAt!: string | null;
  @ApiProperty({ nullable: true }) actor!: string | null;
  @ApiProperty({ nullable: true }) agency!: string | null;
  @ApiProperty({ nullable: true }) role!: string | null;
  @ApiProperty({ nullable: true }) reason!: string | null;
  @ApiProperty({ nullable: true }) correlationId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event data; personalData shows as "[sealed]"',
  })
  data!: Record<string, unknown>;
}

export class CaseHistoryDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: [CaseHistoryEntryDto] }) events!: CaseHistoryEntryDto[];
}

export class CountLabelDto {
  @ApiProperty({ example: 'น้อยกว่า 5' }) th!: string;
  @ApiProperty({ example: 'fewer than 5' }) en!: string;
}

export class PublishedCountDto {
  @ApiProperty({ type: 'integer', nullable: true, description: 'null when withheld' }) count!: number | null;
  @ApiProperty() suppressed!: boolean;
  @ApiProperty({
    required: false,
    description:
      'Only on a count withheld for being small (from 1 to this minus one): show "น้อยกว่า 5 / fewer than 5". Absent on a count withheld to protect another, which may be large',
  })
  fewerThan?: number;
  @ApiProperty({
    type: CountLabelDto,
    required: false,
    description: 'With fewerThan: what to show in its place, Thai first',
  })
  label?: CountLabelDto;
}

export class PublishedRowDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ description: 'Always false: a withheld cell is left out, key and all' }) suppressed!: boolean;
}

export class PublishedTableDto {
  @ApiProperty({
    type: [PublishedRowDto],
    description: 'Cells shown; a key with no cases, or whose count is withheld, is not listed (nobody can tell which)',
  })
  rows!: PublishedRowDto[];
  @ApiProperty({
    type: PublishedCountDto,
    description:
      'What the keys not listed add up to: 0 or at least the threshold (withheld, "fewer than", only when the whole dashboard is)',
  })
  suppressedTotal!: PublishedCountDto;
}

const COMPLEMENTARY =
  'Counts from 1 to threshold-1 are withheld, and so are further cells (the smallest first) wherever subtracting the shown cells from the total would give a withheld one away: every table has no withheld cell, or at least two adding up to at least the threshold';

export class CaseDashboardDto {
  @ApiProperty({ description: COMPLEMENTARY }) threshold!: number;
  @ApiProperty({
    type: PublishedCountDto,
    description: 'Number of cases, which every table adds up to; "fewer than" the threshold when small',
  })
  total!: PublishedCountDto;
  @ApiProperty({ type: PublishedTableDto }) byDistrict!: PublishedTableDto;
  @ApiProperty({ type: PublishedTableDto }) byStage!: PublishedTableDto;
  @ApiProperty({ type: PublishedTableDto }) bySource!: PublishedTableDto;
  @ApiProperty({ type: PublishedTableDto }) byAgeGroup!: PublishedTableDto;
  @ApiProperty({ type: PublishedTableDto }) byStatus!: PublishedTableDto;
}

export class TimeToAcceptDto {
  @ApiProperty() agency!: string;
  @ApiProperty({ description: 'Hours' }) p50!: number;
  @ApiProperty({ description: 'Hours' }) p90!: number;
}

export class ReferralDashboardDto {
  @ApiProperty({ description: COMPLEMENTARY }) threshold!: number;
  @ApiProperty({
    type: PublishedCountDto,
    description: 'Number of referrals, which both tables add up to; "fewer than" the threshold when small',
  })
  total!: PublishedCountDto;
  @ApiProperty({ type: PublishedTableDto }) byService!: PublishedTableDto;
  @ApiProperty({ type: PublishedTableDto }) byStatus!: PublishedTableDto;
  @ApiProperty({
    type: PublishedCountDto,
    description:
      'Part of the sent referrals: shown only beside a shown `sent` cell, and when neither it nor the rest of `sent` is small',
  })
  overdueUnanswered!: PublishedCountDto;
  @ApiProperty({
    type: [TimeToAcceptDto],
    description:
      'Only agencies that accepted at least the threshold of referrals; no counts, which would add up against withheld status cells',
  })
  timeToAcceptHours!: TimeToAcceptDto[];
}

export class AgencyTimeToAcceptDto {
  @ApiProperty() agency!: string;
  @ApiProperty() accepted!: number;
  @ApiProperty() p50Hours!: number;
  @ApiProperty() p90Hours!: number;
}

export class TimeToAcceptListDto {
  @ApiProperty({ type: [AgencyTimeToAcceptDto] }) agencies!: AgencyTimeToAcceptDto[];
}

export class CasePledgeTotalsDto {
  @ApiProperty() agency!: string;
  @ApiProperty({ enum: RESOURCES }) resource!: string;
  @ApiProperty({ description: 'Cases the pledges go to (at least the threshold)' }) cases!: number;
  @ApiProperty() pledges!: number;
  @ApiProperty() pledged!: number;
  @ApiProperty() fulfilled!: number;
  @ApiProperty({ type: PublishedCountDto }) overduePledges!: PublishedCountDto;
}

export class CasePledgesDto {
  @ApiProperty({
    type: [CasePledgeTotalsDto],
    description: 'Only agency/resource pairs whose pledges go to at least the threshold of cases',
  })
  rows!: CasePledgeTotalsDto[];
  @ApiProperty({ type: PublishedCountDto, description: 'Pledges to cases in the rows left out' })
  withheldPledges!: PublishedCountDto;
}

export class CommitmentDashboardDto {
  @ApiProperty({ description: 'DASHBOARD_MIN_COUNT' }) threshold!: number;
  @ApiProperty({ type: [CommitmentTotalsDto], description: 'Pledges to plan projects, per agency and resource' })
  projects!: CommitmentTotalsDto[];
  @ApiProperty({ type: CasePledgesDto }) cases!: CasePledgesDto;
}
