import { loadConfig } from '@ruamjai/config';
import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { startApi } from './support/api-harness';

describe('the Sa Kaeo seed run again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-seed-rerun-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds nothing after seeded records moved on: a seeded person erased, a seeded agency deactivated', async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const first = await seedSakaeo2562(config);
    const api = await startApi({ DATA_DIR: dir }, { agencies: false });
    let head: bigint | undefined;
    try {
      const coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'somchai.k', 'PSDHS-SK')}` };
      const caseId = first.cases.caseIds.b;
      const found = await api.http
        .get(`/api/v1/cases/${caseId}?minPosition=${first.position}`)
        .set(coordinator)
        .expect(200);
      await api.http
        .post(`/api/v1/cases/${caseId}/erasure`)
        .set(coordinator)
        .set('If-Match', `"${found.body.revision}"`)
        .send({ requestedOn: '2019-09-01', reason: 'ผู้เสียหายขอให้ลบข้อมูล (ทดสอบ)' })
        .expect(201);
      const agency = await api.http.get('/api/v1/agencies/EDU-SK1').set(coordinator).expect(200);
      await api.http
        .post('/api/v1/agencies/EDU-SK1/deactivation')
        .set(coordinator)
        .set('If-Match', agency.headers.etag)
        .send({ reason: 'ยุบรวมหน่วยงาน (ทดสอบ)' })
        .expect(201);
      head = await api.app.get<EventStore>(EVENT_STORE).headPosition();
    } finally {
      await api.close();
    }
    const again = await seedSakaeo2562(config);
    expect(again.planId).toBe(first.planId);
    expect(again.cases.caseIds).toEqual(first.cases.caseIds);
    const reopened = await startApi({ DATA_DIR: dir }, { agencies: false });
    try {
      expect(await reopened.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
    } finally {
      await reopened.close();
    }
  }, 300_000);
});
