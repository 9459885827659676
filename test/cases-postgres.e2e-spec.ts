import { Client } from 'pg';
import { freshPostgresDatabase, postgresServerUrl } from './support/postgres';
import { startApi, type ApiHarness } from './support/api-harness';

const server = postgresServerUrl();

(server ? describe : describe.skip)('case work with PostgreSQL read models and key store', () => {
  let api: ApiHarness;
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await freshPostgresDatabase(server!);
    ({ url, drop } = database);
    api = await startApi({ DATABASE_URL: url });
  });
  afterAll(async () => {
    await api?.close();
    await drop?.();
  });

  it('opens, refers, reads under need-to-know, erases, and keeps no personal data in any table', async () => {
    const coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'somchai', 'PSDHS-SK')}` };
    await api.http
      .post('/api/v1/agencies')
      .set(coordinator)
      .send({ code: 'SHELTER-SK', nameTh: 'บ้านพักเด็กและครอบครัวจังหวัดสระแก้ว', agencyType: 'shelter' })
      .expect(201);
    const person = { givenName: 'Pgperson Fictional', identityDocuments: [{ kind: 'passport', number: 'N4440004' }] };
    const { body: c } = await api.http
      .post('/api/v1/cases')
      .set(coordinator)
      .send({ source: 'ngo', districtCode: '2701', foundOn: '2019-05-01', ageGroup: 'adult', person })
      .expect(201);
    await api.http
      .post(`/api/v1/cases/${c.caseId}/legal-basis`)
      .set(coordinator)
      .set('If-Match', '"0"')
      .send({ basis: 'vital_interest', reference: 'PDPA s.26(1)' })
      .expect(201);
    const sent = await api.http
      .post('/api/v1/referrals')
      .set(coordinator)
      .send({
        caseId: c.caseId,
        toAgency: 'SHELTER-SK',
        service: 'shelter',
        urgency: 'urgent',
        sharesPersonalData: true,
      })
      .expect(201);
    const shelter = { Authorization: `Bearer ${await api.token('agency_officer', 'malee.s', 'SHELTER-SK')}` };
    const read = await api.http
      .post(`/api/v1/cases/${c.caseId}/personal-data-reads?minPosition=${sent.body.position}`)
      .set(shelter)
      .send({ purpose: 'รับเข้าบ้านพัก' })
      .expect(200);
    expect(read.body.person).toEqual(person);
    const erased = await api.http
      .post(`/api/v1/cases/${c.caseId}/erasure`)
      .set(coordinator)
      .set('If-Match', '"1"')
      .send({ requestedOn: '2019-06-01', reason: 'คำขอของเจ้าของข้อมูล' })
      .expect(201);
    await api.http
      .post(`/api/v1/cases/${c.caseId}/personal-data-reads?minPosition=${erased.body.position}`)
      .set(shelter)
      .send({ purpose: 'หลังลบ' })
      .expect(410);
    const inbox = await api.http.get('/api/v1/referrals/inbox').set(shelter).expect(200);
    expect(inbox.body.referrals).toHaveLength(1);
    const auditor = { Authorization: `Bearer ${await api.token('auditor', 'auditor1', 'OAG')}` };
    const log = await api.http.get(`/api/v1/audit/personal-data-reads?caseId=${c.caseId}`).set(auditor).expect(200);
    expect(log.body.reads).toEqual([
      expect.objectContaining({ actorId: 'malee.s', ground: 'active_referral', purpose: 'รับเข้าบ้านพัก' }),
    ]);

    // Every table of the database, as text: no name, no document number, and the key row emptied.
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const tables = (
        await client.query<{ table_name: string }>(
          "select table_name from information_schema.tables where table_schema = 'public'",
        )
      ).rows.map((r) => r.table_name);
      expect(tables).toEqual(
        expect.arrayContaining(['case_register', 'referral_register', 'personal_data_keys', 'idempotency_records']),
      );
      for (const table of tables) {
        const rows = (await client.query(`select * from "${table}"`)).rows;
        expect(JSON.stringify(rows)).not.toMatch(/Pgperson|N4440004/);
      }
      const keys = (
        await client.query('select subject_id, data_key, erased_at from personal_data_keys where subject_id = $1', [
          c.personId,
        ])
      ).rows;
      expect(keys).toEqual([{ subject_id: c.personId, data_key: null, erased_at: expect.any(String) }]);
    } finally {
      await client.end();
    }
  });
});
