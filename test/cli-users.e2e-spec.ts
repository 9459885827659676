import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, type ApiHarness } from './support/api-harness';
import { cli } from './support/cli';

describe('the first user, from the command line', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruamjai-cli-users-'));
  let api: ApiHarness | undefined;
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('users add prints a one-time password that must be changed at the first sign-in', async () => {
    const added = await cli(
      dataDir,
      'users',
      'add',
      '--username',
      'somchai',
      '--role',
      'coordinator',
      '--agency',
      'PSDHS-SK',
      '--display-name',
      'สมชาย ใจดี',
    );
    const password = added.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(added.stderr).toContain('must be changed at the first sign-in');

    // Once the log holds anything, a person is added only to an agency of the directory (the API would refuse them anyway).
    const unregistered = cli(
      dataDir,
      'users',
      'add',
      '--username',
      'malee',
      '--role',
      'viewer',
      '--agency',
      'NOWHERE-SK',
    );
    await expect(unregistered).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('agency NOWHERE-SK is not in the directory'),
    });

    api = await startApi({ DATA_DIR: dataDir }, { agencies: false });
    const signIn = await api.http.post('/api/v1/auth/sign-in').send({ username: 'somchai', password });
    expect(signIn.status).toBe(200);
    expect(signIn.body.status).toBe('password_change_required');
  }, 150_000);
});

describe("a new province's centre, from the command line", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruamjai-cli-agencies-'));
  let api: ApiHarness | undefined;
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('agencies add registers its first office in its own province, whose coordinator then acts over HTTP', async () => {
    // A deployment already in use (Sa Kaeo's first coordinator), which Chon Buri's centre joins.
    await cli(dataDir, 'users', 'add', '--username', 'somchai', '--role', 'coordinator', '--agency', 'PSDHS-SK');
    const before = cli(dataDir, 'token', '--sub', 'anan', '--agency', 'PSDHS-CB', '--role', 'coordinator');
    await expect(before).rejects.toMatchObject({ stderr: expect.stringContaining('not in the directory') });

    // A district of another province is refused, in Thai and English, and nothing is registered.
    const wrongDistrict = cli(
      dataDir,
      ...['agencies', 'add', '--code', 'PSDHS-CB', '--name-th', 'สำนักงานพัฒนาสังคมฯ ชลบุรี'],
      ...['--type', 'social_development', '--province', 'TH-20', '--district', '2701'],
    );
    await expect(wrongDistrict).rejects.toMatchObject({ code: 1 });
    // The directory's own code rule, as the API registers an agency: one character is not a code.
    await expect(
      cli(dataDir, 'agencies', 'add', '--code', 'X', '--name-th', 'ทดสอบ', '--type', 'other'),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--code must be an agency code') });
    await expect(cli(dataDir, 'agencies', 'add', '--code', 'PSDHS-CB')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('agencies add needs --code, --name-th and --type'),
    });

    const added = await cli(
      dataDir,
      ...['agencies', 'add', '--code', 'PSDHS-CB', '--name-th', 'สำนักงานพัฒนาสังคมฯ ชลบุรี'],
      ...['--name-en', 'Chon Buri Social Development Office', '--type', 'social_development', '--province', 'TH-20'],
    );
    expect(added.stderr).toContain('Registered PSDHS-CB (social_development, TH-20)');
    const token = (
      await cli(
        dataDir,
        'token',
        '--sub',
        'anan',
        '--agency',
        'PSDHS-CB',
        '--role',
        'coordinator',
        '--province',
        'TH-20',
      )
    ).stdout.trim();

    api = await startApi({ DATA_DIR: dataDir }, { agencies: false });
    const anan = { Authorization: `Bearer ${token}` };
    // The directory is a projection: read it once it holds the log's head.
    const head = (await api.http.get('/health')).body.headPosition as string;
    const office = await api.http.get(`/api/v1/agencies/PSDHS-CB?minPosition=${head}`).set(anan).expect(200);
    expect(office.body).toMatchObject({ code: 'PSDHS-CB', province: 'TH-20', active: true });
    const registered = await api.http
      .post('/api/v1/agencies')
      .set(anan)
      .send({ code: 'SHELTER-CB', nameTh: 'บ้านพักเด็กและครอบครัวชลบุรี', agencyType: 'shelter' })
      .expect(201);
    const shelter = await api.http
      .get(`/api/v1/agencies/SHELTER-CB?minPosition=${registered.body.position}`)
      .set(anan)
      .expect(200);
    expect(shelter.body.province).toBe('TH-20');
  }, 200_000);
});
