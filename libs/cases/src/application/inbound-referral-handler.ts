import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandRunner, idFromKey, type CommandContext } from '@ruamjai/event-store';
import { agencyDecider, agencyStreamId } from '@ruamjai/planning';
import { CLOCK, DomainError, isUuid, systemClock, type Actor, type Clock } from '@ruamjai/kernel';
import { InvalidMessage, type InboundContext, type InboundHandler } from '@ruamjai/messaging';
import {
  AGE_GROUPS,
  INTAKE_SOURCES,
  LEGAL_BASES,
  type AgeGroup,
  type IntakeSource,
  type LegalBasis,
} from '../case/case.values';
import { REFERRAL_SERVICES, URGENCIES, type ReferralService, type Urgency } from '../referral/referral.values';
import type { SendReferral } from '../referral/send-referral/send-referral.command';
import { referralDecider } from '../referral/referral.decider';
import { InboundSenderNotAvailable } from '../referral/referral.errors';
import { CloseCaseRequest } from '../case/close-case/close-case.handler';
import { ErasePersonalDataRequest } from '../case/erase-personal-data/erase-personal-data.handler';
import { OpenCaseRequest } from '../case/open-case/open-case.handler';
import { RecordConsentRequest } from '../case/record-consent/record-consent.handler';
import { RecordLegalBasisRequest } from '../case/record-legal-basis/record-legal-basis.handler';
import { SendReferralRequest } from '../referral/send-referral/send-referral.handler';
import { IDENTITY_DOCUMENT_KINDS, type PersonalData } from './personal-data';

export const INBOUND_REFERRALS_TOPIC = 'ruamjai.inbound.referrals.v1';

/** A referral from the 1300 hotline or another province, as it arrives on the inbound topic. */
export interface InboundReferral {
  readonly fromAgency: string;
  readonly source: IntakeSource;
  readonly districtCode: string;
  readonly foundOn: string;
  readonly ageGroup: AgeGroup;
  readonly toAgency: string;
  readonly service: ReferralService;
  readonly urgency: Urgency;
  readonly person: PersonalData;
  readonly consentGivenOn: string | null;
  readonly legalBasis: { basis: LegalBasis; reference: string } | null;
}

const CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A message id or type as senders write them: no spaces, nothing that reads as a sentence. */
const ROUTING_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Problems are named by field, never by value: a dead-lettered reason must not repeat a person's data. */
function invalid(field: string, rule: string): never {
  throw new InvalidMessage('REFERRAL.INBOUND_INVALID', `data.${field} ${rule}`);
}
const str = (v: unknown, field: string, max = 300): string =>
  typeof v === 'string' && v.trim() !== '' && v.length <= max
    ? v.trim()
    : invalid(field, `must be a non-empty string of at most ${max} characters`);
const optStr = (v: unknown, field: string, max = 300): string | undefined =>
  v === undefined || v === null ? undefined : str(v, field, max);
const oneOf = <T extends string>(v: unknown, field: string, values: readonly T[]): T =>
  values.includes(v as T) ? (v as T) : invalid(field, `must be one of ${values.join(', ')}`);
const date = (v: unknown, field: string): string =>
  typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v))
    ? v
    : invalid(field, 'must be a date (YYYY-MM-DD)');

const strings = (v: unknown, field: string, max: number): string[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.length > 10) invalid(field, 'must be a list of at most 10 strings');
  return (v as unknown[]).map((item, i) => str(item, `${field}[${i}]`, max));
};

/** The person as the sender describes them: every field the case takes, checked, nothing else kept. */
function person(value: unknown): PersonalData {
  if (typeof value !== 'object' || value === null) invalid('person', 'must be an object');
  const p = value as Record<string, unknown>;
  const docs = p.identityDocuments;
  if (docs !== undefined && (!Array.isArray(docs) || docs.length > 10))
    invalid('person.identityDocuments', 'must be a list of at most 10');
  const contact = p.contact as Record<string, unknown> | undefined | null;
  if (contact != null && typeof contact !== 'object') invalid('person.contact', 'must be an object');
  const defined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return defined({
    givenName: str(p.givenName, 'person.givenName', 200),
    familyName: optStr(p.familyName, 'person.familyName', 200),
    otherNames: strings(p.otherNames, 'person.otherNames', 200),
    dateOfBirth: p.dateOfBirth == null ? undefined : date(p.dateOfBirth, 'person.dateOfBirth'),
    sex: p.sex == null ? undefined : oneOf(p.sex, 'person.sex', ['female', 'male', 'other', 'unknown'] as const),
    nationality: optStr(p.nationality, 'person.nationality', 100),
    languages: strings(p.languages, 'person.languages', 50),
    contact:
      contact == null
        ? undefined
        : defined({
            phone: optStr(contact.phone, 'person.contact.phone', 50),
            address: optStr(contact.address, 'person.contact.address', 500),
          }),
    identityDocuments:
      docs == null
        ? undefined
        : (docs as unknown[]).map((d, i) => ({
            kind: oneOf(
              (d as Record<string, unknown>)?.kind,
              `person.identityDocuments[${i}].kind`,
              IDENTITY_DOCUMENT_KINDS,
            ),
            number: str((d as Record<string, unknown>)?.number, `person.identityDocuments[${i}].number`, 64),
          })),
    notes: optStr(p.notes, 'person.notes', 10000),
  });
}

/**
 * Turns an inbound referral into commands: open a case owned by the sender, record the consent or
 * legal basis it arrived with, and send the referral to the receiving agency. The sender must be an
 * active agency in the directory, and the referral is decided dry against the case it would open
 * before the case is opened; should it be refused all the same, the case's personal data is erased
 * and the case closed before the message is dead-lettered. Every id and every
 * idempotency key derives from the message id, so a redelivery, even after a crash half-way, writes
 * nothing twice.
 */
@Injectable()
export class InboundReferralHandler implements InboundHandler<InboundReferral> {
  readonly topic = INBOUND_REFERRALS_TOPIC;

  constructor(
    private readonly bus: CommandBus,
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
    // A referral that arrives here (hotline, another province) is taken into the deployment's province.
    @Inject(APP_CONFIG)
    private readonly config: Pick<AppConfig, 'deploymentProvince'> = { deploymentProvince: 'TH-27' },
  ) {}

  /**
   * A refused referral keeps only its routing in the dead-letter topic: the message id and type, the
   * sending and receiving agencies, the service and the urgency, each only if it has the shape a
   * routing value has (a free-text value there could be anything). Nothing else is kept, neither the
   * person nor any other field (a legal basis's reference, a note, a field we do not know): the sender
   * still holds the message, and a copy in Kafka would be beyond the reach of erasure. The reason is
   * in the dead letter's headers. A value that is not even JSON is dropped whole.
   */
  deadLetterValue(value: Buffer | null): Buffer | null {
    if (!value) return null;
    try {
      const parsed = JSON.parse(value.toString('utf8')) as {
        id?: unknown;
        type?: unknown;
        data?: Record<string, unknown>;
      } | null;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
      const data = parsed.data && typeof parsed.data === 'object' ? parsed.data : {};
      const kept = <T>(v: unknown, ok: (v: string) => boolean): T | null =>
        typeof v === 'string' && ok(v) ? (v as T) : null;
      const routing = {
        id: kept<string>(parsed.id, (v) => ROUTING_ID.test(v)),
        type: kept<string>(parsed.type, (v) => ROUTING_ID.test(v)),
        data: {
          fromAgency: kept<string>(data.fromAgency, (v) => CODE.test(v)),
          toAgency: kept<string>(data.toAgency, (v) => CODE.test(v)),
          service: kept<ReferralService>(data.service, (v) => (REFERRAL_SERVICES as readonly string[]).includes(v)),
          urgency: kept<Urgency>(data.urgency, (v) => (URGENCIES as readonly string[]).includes(v)),
        },
        withheld:
          'every other field (the person, consent, legal basis, free text) is not kept in the dead-letter topic',
      };
      return Buffer.from(JSON.stringify(routing));
    } catch {
      return null;
    }
  }

  parse(value: unknown): InboundReferral {
    const data = (value as { data?: unknown })?.data;
    if (typeof data !== 'object' || data === null) invalid('', 'is missing: the message needs a data object');
    const d = data as Record<string, unknown>;
    const fromAgency = str(d.fromAgency, 'fromAgency', 64);
    const toAgency = str(d.toAgency, 'toAgency', 64);
    if (!CODE.test(fromAgency)) invalid('fromAgency', 'must be an agency code');
    if (!CODE.test(toAgency)) invalid('toAgency', 'must be an agency code');
    if (d.consentGivenOn == null && d.legalBasis == null)
      invalid('consentGivenOn', 'or data.legalBasis is required: a referral that shares personal data needs one');
    const lb = d.legalBasis as Record<string, unknown> | null | undefined;
    return {
      fromAgency,
      toAgency,
      source: oneOf(d.source, 'source', INTAKE_SOURCES),
      districtCode: /^\d{4}$/.test(String(d.districtCode))
        ? String(d.districtCode)
        : invalid('districtCode', 'must be a 4-digit district geocode'),
      foundOn: date(d.foundOn, 'foundOn'),
      ageGroup: oneOf(d.ageGroup ?? 'unknown', 'ageGroup', AGE_GROUPS),
      service: oneOf(d.service, 'service', REFERRAL_SERVICES),
      urgency: oneOf(d.urgency, 'urgency', URGENCIES),
      person: person(d.person),
      consentGivenOn: d.consentGivenOn == null ? null : date(d.consentGivenOn, 'consentGivenOn'),
      legalBasis:
        lb == null
          ? null
          : {
              basis: oneOf(lb.basis, 'legalBasis.basis', LEGAL_BASES),
              reference: str(lb.reference, 'legalBasis.reference', 300),
            },
    };
  }

  async handle(message: InboundReferral, context: InboundContext): Promise<void> {
    const actor: Actor = {
      id: `inbound:${context.topic}`,
      agency: message.fromAgency,
      role: 'agency_officer',
      province: this.config.deploymentProvince,
    };
    const key = (step: string) => `inbound:${context.messageId}:${step}`;
    const ctx = (step: string, expectedRevision: bigint): CommandContext => ({
      actor,
      correlationId: context.correlationId,
      causationId: context.messageId,
      idempotencyKey: key(step),
      requestFingerprint: step,
      expectedRevision,
    });
    const caseId = idFromKey(actor.id, key('case'), 'case');
    const personId = idFromKey(actor.id, key('person'), 'person');
    const referralId = idFromKey(actor.id, key('referral'), 'referral');
    if (!isUuid(caseId)) throw new Error('derived ids are UUIDs');
    // Whatever SendReferral would refuse is refused before a case (and a person's data) exists.
    await this.checkBeforeOpening(message, referralId, caseId, actor);
    const { person: p, source, districtCode, foundOn, ageGroup } = message;
    let revision = (
      await this.bus.execute(
        new OpenCaseRequest({ caseId, personId, source, districtCode, foundOn, ageGroup, person: p }, ctx('case', -1n)),
      )
    ).revision;
    if (message.consentGivenOn) {
      revision = (
        await this.bus.execute(
          new RecordConsentRequest(
            { caseId, givenOn: message.consentGivenOn, scope: 'share_with_agencies' },
            ctx('consent', revision),
          ),
        )
      ).revision;
    }
    if (message.legalBasis) {
      revision = (
        await this.bus.execute(
          new RecordLegalBasisRequest({ caseId, ...message.legalBasis }, ctx('legal-basis', revision)),
        )
      ).revision;
    }
    try {
      await this.bus.execute(
        new SendReferralRequest(
          {
            referralId,
            caseId,
            toAgency: message.toAgency,
            service: message.service,
            urgency: message.urgency,
            sharesPersonalData: true,
            external: { fromAgency: message.fromAgency },
          },
          ctx('referral', -1n),
        ),
      );
    } catch (error) {
      // Refused all the same (the directory changed in between): the case must not keep the person.
      if (error instanceof DomainError) await this.undoCase(caseId, revision, error, context);
      throw error;
    }
  }

  /** The sender and recipient from the directory, and the referral itself decided, dry, against the case it would open. */
  private async checkBeforeOpening(
    message: InboundReferral,
    referralId: string,
    caseId: string,
    actor: Actor,
  ): Promise<void> {
    const agency = async (code: string) => {
      const state = await this.runner.peek(agencyDecider, agencyStreamId(code), 1000);
      return state.status === 'unknown' ? 'unknown' : state.status === 'inactive' ? 'inactive' : 'active';
    };
    const sender = await agency(message.fromAgency);
    if (sender !== 'active') throw new InboundSenderNotAvailable(message.fromAgency, sender);
    const recipient = await agency(message.toAgency);
    const at = this.clock.now();
    const dryRun: SendReferral = {
      type: 'SendReferral',
      data: {
        referralId,
        caseId,
        toAgency: message.toAgency,
        service: message.service,
        urgency: message.urgency,
        sharesPersonalData: true,
        external: { fromAgency: message.fromAgency },
        dueAt: new Date(at.getTime() + 3600_000).toISOString(),
      },
      facts: {
        case: {
          exists: true,
          open: true,
          owningAgency: message.fromAgency,
          province: this.config.deploymentProvince,
          consent: message.consentGivenOn !== null,
          legalBasis: message.legalBasis?.basis ?? null,
          erased: false,
        },
        recipient,
      },
      actor,
      at,
    };
    referralDecider.decide(dryRun, referralDecider.initialState);
  }

  /**
   * Erases the personal data the case took and closes it, as the system on the data controller's
   * authority, with keys derived from the message: a redelivery repeats nothing.
   */
  private async undoCase(
    caseId: string,
    revision: bigint,
    refusal: DomainError,
    context: InboundContext,
  ): Promise<void> {
    const system: Actor = {
      id: `system:inbound:${context.topic}`,
      agency: 'RUAMJAI',
      role: 'coordinator',
      province: this.config.deploymentProvince,
    };
    const ctx = (step: string, expectedRevision: bigint): CommandContext => ({
      actor: system,
      correlationId: context.correlationId,
      causationId: context.messageId,
      idempotencyKey: `inbound:${context.messageId}:${step}`,
      requestFingerprint: step,
      expectedRevision,
    });
    const reason = `inbound referral refused (${refusal.code}): the sender keeps the person's data`;
    const erased = await this.bus.execute(
      new ErasePersonalDataRequest(
        { caseId, requestedOn: this.clock.now().toISOString().slice(0, 10), reason },
        ctx('undo-erase', revision),
      ),
    );
    await this.bus.execute(new CloseCaseRequest({ caseId, outcome: 'other' }, ctx('undo-close', erased.revision)));
  }
}
