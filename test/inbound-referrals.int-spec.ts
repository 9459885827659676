import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import {
  CasesModule,
  casesMigrations,
  casesProjections,
  INBOUND_REFERRALS_TOPIC,
  InboundReferralHandler,
  InboundReferralsModule,
  OpenCaseRequest,
  PersonalDataService,
  SendReferralRequest,
} from '@ruamjai/cases';
import { loadConfig } from '@ruamjai/config';
import { collect, EVENT_STORE, idFromKey, StreamNotFound, type EventStore } from '@ruamjai/event-store';
import { DLQ_SUFFIX } from '@ruamjai/messaging';
import {
  DeactivateAgencyRequest,
  RegisterAgencyRequest,
  planningMigrations,
  PlanningModule,
  planningProjections,
} from '@ruamjai/planning';
import { Metrics, PlatformModule } from '@ruamjai/platform';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { kafkaBrokers } from './support/kafka';

const actorId = `inbound:${INBOUND_REFERRALS_TOPIC}`;
const caseIdOf = (messageId: string) => idFromKey(actorId, `inbound:${messageId}:case`, 'case');
const referralIdOf = (messageId: string) => idFromKey(actorId, `inbound:${messageId}:referral`, 'referral');

const referral = (id: string, name = 'Bopha (fictional)') => ({
  id,
  data: {
    fromAgency: 'HOTLINE-1300',
    toAgency: 'SHELTER-SK',
    source: 'hotline_1300',
    districtCode: '2706',
    foundOn: '2019-05-01',
    ageGroup: 'child',
    service: 'shelter',
    urgency: 'urgent',
    person: { givenName: name, nationality: 'KHM', identityDocuments: [{ kind: 'passport', number: 'N5550001' }] },
    consentGivenOn: null,
    legalBasis: { basis: 'vital_interest', reference: 'PDPA s.26(1)' },
  },
});

(kafkaBrokers() ? describe : describe.skip)(
  "inbound referrals from the 1300 hotline and other provinces (the worker's wiring, a real broker)",
  () => {
    jest.setTimeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'ruamjai-inbound-referrals-'));
    const kafka = new Kafka({
      clientId: 'inbound-referrals-test',
      brokers: kafkaBrokers() ?? [],
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const run = randomUUID().slice(0, 8);
    let app: INestApplicationContext;
    let store: EventStore;

    beforeAll(async () => {
      const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', KAFKA_BROKERS: kafkaBrokers()!.join(',') });
      @Module({
        imports: [
          PlatformModule.forRoot({
            app: 'worker',
            config,
            projections: [...planningProjections, ...casesProjections],
            migrations: [planningMigrations, casesMigrations],
            runProjections: true,
          }),
          CqrsModule.forRoot(),
          PlanningModule,
          CasesModule.forRoot({ runScheduler: false }),
          InboundReferralsModule,
        ],
      })
      class WorkerLikeModule {}
      const bus = await NestFactory.createApplicationContext(WorkerLikeModule, { logger: false });
      for (const [code, nameTh, agencyType] of [
        ['SHELTER-SK', 'บ้านพักเด็กและครอบครัวจังหวัดสระแก้ว', 'shelter'],
        ['HOTLINE-1300', 'ศูนย์ช่วยเหลือสังคม สายด่วน 1300', 'ngo'],
      ] as const) {
        await bus.get(CommandBus).execute(
          new RegisterAgencyRequest(
            { code, nameTh, agencyType },
            {
              actor: { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' },
              correlationId: 'c',
              causationId: 'c',
            },
          ),
        );
      }
      app = bus;
      await app.init();
      store = app.get<EventStore>(EVENT_STORE);
      await producer.connect();
    });
    afterAll(async () => {
      await producer.disconnect();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    });

    async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe().catch(() => undefined);
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error('not in time');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const stream = async (id: string) =>
      collect(store.readStream(id)).catch((e: unknown) => (e instanceof StreamNotFound ? [] : Promise.reject(e)));

    it('makes exactly one case and one referral of a message delivered three times, its handler running once', async () => {
      const id = `hotline-${run}-1`;
      // Counts the handler's calls: the consumer's dedupe, not the handler's own idempotency, keeps it at one.
      const calls = jest.spyOn(app.get(InboundReferralHandler), 'handle');
      const message = { key: id, value: JSON.stringify(referral(id)), headers: { 'message-id': id } };
      await producer.send({ topic: INBOUND_REFERRALS_TOPIC, acks: -1, messages: [message, message, message] });
      const marker = `hotline-${run}-marker`;
      await producer.send({
        topic: INBOUND_REFERRALS_TOPIC,
        acks: -1,
        messages: [{ key: id, value: JSON.stringify(referral(marker)), headers: { 'message-id': marker } }],
      });
      await eventually(async () => ((await stream(`referral-${referralIdOf(marker)}`)).length > 0 ? true : undefined));
      expect(calls.mock.calls.filter(([, context]) => context.messageId === id)).toHaveLength(1);
      calls.mockRestore();

      const caseEvents = await stream(`case-${caseIdOf(id)}`);
      expect(caseEvents.map((e) => e.type)).toEqual(['CaseOpened', 'LegalBasisRecorded']);
      const referralEvents = await stream(`referral-${referralIdOf(id)}`);
      expect(referralEvents.map((e) => e.type)).toEqual(['ReferralSent']);
      expect(referralEvents[0].data).toMatchObject({
        fromAgency: 'HOTLINE-1300',
        toAgency: 'SHELTER-SK',
        sharesPersonalData: true,
        basis: 'legal_basis',
        urgency: 'urgent',
      });
      const all = await collect(store.readAll());
      expect(
        all.filter(
          (e) => e.type === 'ReferralSent' && (e.data as { referralId: string }).referralId === referralIdOf(id),
        ),
      ).toHaveLength(1);
      // Sealed on arrival: the log holds ciphertext, and the receiving agency reads the person under need-to-know.
      expect(JSON.stringify(caseEvents.map((e) => [e.data, e.metadata]))).not.toMatch(/Bopha|N5550001/);
      const personalData = app.get(PersonalDataService);
      const shelter = { id: 'malee.s', agency: 'SHELTER-SK', role: 'agency_officer' as const, province: 'TH-27' };
      const read = await eventually(() =>
        personalData.read(shelter, caseIdOf(id), 'รับเด็กเข้าบ้านพัก', {
          actor: shelter,
          correlationId: 'c',
          causationId: 'c',
        }),
      );
      expect(read.person).toMatchObject({
        givenName: 'Bopha (fictional)',
        identityDocuments: [{ kind: 'passport', number: 'N5550001' }],
      });
    });

    it('dead-letters ten malformed messages with their reasons, none of them repeating the person, and keeps consuming', async () => {
      const good = referral('x').data;
      const poison: Array<{ value: string; id?: string }> = [
        ...Array.from({ length: 3 }, () => ({ value: '{"id": "broken' })),
        ...Array.from({ length: 2 }, () => ({ value: JSON.stringify({ data: good }) })),
        { value: JSON.stringify({ id: `p-${run}-1`, data: { ...good, service: 'massage' } }) },
        {
          value: JSON.stringify({
            id: `p-${run}-2`,
            data: { ...good, person: { givenName: '', familyName: 'Secretname' } },
          }),
        },
        { value: JSON.stringify({ id: `p-${run}-3`, data: { ...good, legalBasis: null } }) },
        // Well-formed but refused by the domain: the receiving agency is not in the directory.
        { value: JSON.stringify({ id: `p-${run}-4`, data: { ...good, toAgency: 'NOBODY-SK' } }) },
        { value: JSON.stringify({ id: `p-${run}-5`, data: { ...good, districtCode: '27' } }) },
      ];
      await producer.send({
        topic: INBOUND_REFERRALS_TOPIC,
        acks: -1,
        messages: poison.map((p, i) => ({ key: `poison-${run}-${i}`, value: p.value })),
      });
      const after = `hotline-${run}-after`;
      await producer.send({
        topic: INBOUND_REFERRALS_TOPIC,
        acks: -1,
        messages: [{ key: after, value: JSON.stringify(referral(after)), headers: { 'message-id': after } }],
      });

      const dead: Array<{ code: string; reason: string; value: string }> = [];
      const reader = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
      await reader.connect();
      await reader.subscribe({ topic: `${INBOUND_REFERRALS_TOPIC}${DLQ_SUFFIX}`, fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          if (!message.key?.toString().startsWith(`poison-${run}-`)) return;
          dead.push({
            code: message.headers!['ruamjai-dlq-code']!.toString(),
            reason: message.headers!['ruamjai-dlq-reason']!.toString(),
            value: message.value?.toString() ?? '',
          });
        },
      });
      await eventually(async () => (dead.length >= 10 ? true : undefined));
      await reader.disconnect();
      expect(dead).toHaveLength(10);
      expect(dead.filter((d) => d.code === 'MESSAGE.MALFORMED_JSON')).toHaveLength(3);
      expect(dead.filter((d) => d.code === 'MESSAGE.NO_ID')).toHaveLength(2);
      expect(dead.filter((d) => d.code === 'REFERRAL.INBOUND_INVALID')).toHaveLength(4);
      expect(dead.filter((d) => d.code === 'REFERRAL.RECIPIENT_NOT_AVAILABLE')).toHaveLength(1);
      expect(dead.map((d) => d.reason).join('\n')).not.toContain('Secretname');
      // The dead letters keep the routing, not the person: erasure could never reach a copy there.
      expect(dead.map((d) => d.value).join('\n')).not.toMatch(/Secretname|Bopha|N5550001/);
      expect(dead.find((d) => d.code === 'REFERRAL.RECIPIENT_NOT_AVAILABLE')!.value).toContain('NOBODY-SK');
      await eventually(async () => ((await stream(`referral-${referralIdOf(after)}`)).length > 0 ? true : undefined));
      // The refused referral left no case, and so no person's data, behind.
      expect(await stream(`case-${caseIdOf(`p-${run}-4`)}`)).toEqual([]);
    });

    it('exports its lag as ruamjai_consumer_lag_messages', async () => {
      const metrics = app.get(Metrics);
      const text = await eventually(async () => {
        const body = (await metrics.expose()).body;
        return /ruamjai_consumer_lag_messages\{[^}]*consumer="ruamjai-inbound-referrals"[^}]*topic="ruamjai.inbound.referrals.v1"[^}]*\} 0/.test(
          body,
        )
          ? body
          : undefined;
      });
      expect(text).toContain('ruamjai_consumer_lag_messages');
    });
  },
);

describe('an inbound referral refused after parsing (the handler on real stores, no broker needed)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-inbound-handle-'));
  const coordinator = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' as const, province: 'TH-27' };
  let app: INestApplicationContext;
  let store: EventStore;
  let handler: InboundReferralHandler;
  let bus: CommandBus;

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    @Module({
      imports: [
        PlatformModule.forRoot({
          app: 'worker',
          config,
          projections: [...planningProjections, ...casesProjections],
          migrations: [planningMigrations, casesMigrations],
          runProjections: true,
        }),
        CqrsModule.forRoot(),
        PlanningModule,
        CasesModule.forRoot({ runScheduler: false }),
        InboundReferralsModule,
      ],
    })
    class HandlerModule {}
    app = await NestFactory.createApplicationContext(HandlerModule, { logger: false });
    await app.init();
    bus = app.get(CommandBus);
    const register = (code: string, agencyType: 'shelter' | 'ngo') =>
      bus.execute(
        new RegisterAgencyRequest(
          { code, nameTh: `หน่วยงาน ${code}`, agencyType },
          { actor: coordinator, correlationId: 'c', causationId: 'c' },
        ),
      );
    await register('SHELTER-SK', 'shelter');
    await register('HOTLINE-1300', 'ngo');
    await register('CLOSED-NGO', 'ngo');
    await bus.execute(
      new DeactivateAgencyRequest(
        { code: 'CLOSED-NGO', reason: 'ยุติการดำเนินงาน' },
        { actor: coordinator, correlationId: 'c', causationId: 'c' },
      ),
    );
    store = app.get<EventStore>(EVENT_STORE);
    handler = app.get(InboundReferralHandler);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stream = async (id: string) =>
    collect(store.readStream(id)).catch((e: unknown) => (e instanceof StreamNotFound ? [] : Promise.reject(e)));
  const handle = async (id: string, data: object) => {
    try {
      await handler.handle(handler.parse({ id, data }), {
        messageId: id,
        topic: INBOUND_REFERRALS_TOPIC,
        correlationId: id,
      });
      return undefined;
    } catch (error) {
      return error as { code?: string; text?: { th: string; en: string } };
    }
  };

  it('is refused, leaving no case, when the sender is not an active agency in the directory, or refers to itself', async () => {
    const cases: Array<[object, string]> = [
      [{ fromAgency: 'NOBODY-1300' }, 'REFERRAL.SENDER_NOT_AVAILABLE'],
      [{ fromAgency: 'CLOSED-NGO' }, 'REFERRAL.SENDER_NOT_AVAILABLE'],
      [{ fromAgency: 'SHELTER-SK' }, 'REFERRAL.RECIPIENT_NOT_AVAILABLE'],
    ];
    for (const [i, [change, code]] of cases.entries()) {
      const id = `refused-${i}`;
      const error = await handle(id, { ...referral(id).data, ...change });
      expect(error).toMatchObject({ code, text: { th: expect.any(String), en: expect.any(String) } });
      expect(await stream(`case-${caseIdOf(id)}`)).toEqual([]);
    }
  });

  it('takes a referral from a registered sender', async () => {
    expect(await handle('accepted-1', referral('accepted-1').data)).toBeUndefined();
    expect((await stream(`case-${caseIdOf('accepted-1')}`)).map((e) => e.type)).toEqual([
      'CaseOpened',
      'LegalBasisRecorded',
    ]);
    expect((await stream(`referral-${referralIdOf('accepted-1')}`)).map((e) => e.type)).toEqual(['ReferralSent']);
  });

  it('erases the person and closes the case if the referral is refused after the case was opened', async () => {
    // The referral's id is taken already (a stand-in for anything that changes between the check and the send).
    const id = 'late-refusal-1';
    const other = await bus.execute(
      new OpenCaseRequest(
        {
          caseId: randomUUID(),
          personId: randomUUID(),
          source: 'police',
          districtCode: '2706',
          foundOn: '2019-05-01',
          ageGroup: 'adult',
          person: { givenName: 'Other (fictional)' },
        },
        { actor: coordinator, correlationId: 'c', causationId: 'c' },
      ),
    );
    const otherCaseId = (other.events[0].data as { caseId: string }).caseId;
    await bus.execute(
      new SendReferralRequest(
        {
          referralId: referralIdOf(id),
          caseId: otherCaseId,
          toAgency: 'SHELTER-SK',
          service: 'shelter',
          urgency: 'normal',
          sharesPersonalData: false,
        },
        { actor: coordinator, correlationId: 'c', causationId: 'c' },
      ),
    );
    const error = await handle(id, referral(id, 'Latecomer (fictional)').data);
    expect(error).toMatchObject({ code: 'REFERRAL.ALREADY_EXISTS' });
    const caseEvents = await stream(`case-${caseIdOf(id)}`);
    expect(caseEvents.map((e) => e.type)).toEqual([
      'CaseOpened',
      'LegalBasisRecorded',
      'PersonalDataErased',
      'CaseClosed',
    ]);
    const personalData = app.get(PersonalDataService);
    const read = await personalData
      .read(coordinator, caseIdOf(id), 'ตรวจสอบ', { actor: coordinator, correlationId: 'c', causationId: 'c' })
      .catch((e: { code?: string }) => e);
    expect(read).toMatchObject({ code: 'PERSONAL_DATA.ERASED' });
    // A redelivery is refused again (the person's key is gone) and writes nothing more.
    expect(await handle(id, referral(id, 'Latecomer (fictional)').data)).toMatchObject({
      code: expect.stringMatching(/^(PERSONAL_DATA\.ERASED|REFERRAL\.ALREADY_EXISTS)$/),
    });
    expect(await stream(`case-${caseIdOf(id)}`)).toHaveLength(4);
  });
});
