import { FixedClock } from '@ruamjai/kernel';
import { openPostgresReadModels } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase, postgresServerUrl } from '../../../test/support/postgres';
import { KeyDestroyed, PostgresKeyStore, SqliteKeyStore, type KeyStore } from './key-store';
import { PersonalDataErased, PersonalDataVault } from './personal-data-vault';

const clock = new FixedClock(new Date('2019-05-02T03:00:00Z'));
const person = { givenName: 'Vault Fictionperson', identityDocuments: [{ kind: 'passport', number: 'N1234567' }] };

function vaultContract(name: string, open: () => Promise<{ keys: KeyStore; close: () => Promise<void> }>) {
  describe(`the personal-data vault on ${name}`, () => {
    let keys: KeyStore;
    let close: () => Promise<void>;
    let vault: PersonalDataVault;
    beforeAll(async () => {
      ({ keys, close } = await open());
      vault = new PersonalDataVault(keys, clock);
    });
    afterAll(() => close());

    it("seals with AES-256-GCM under the person's own key: the ciphertext holds nothing readable and opens only for that person", async () => {
      const sealed = await vault.seal('person-1', person);
      expect(sealed).toMatch(/^rj1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(sealed).not.toContain('Vault');
      expect(Buffer.from(sealed.split('.')[3], 'base64url').toString('latin1')).not.toContain('Vault');
      expect(await vault.open('person-1', sealed)).toEqual(person);
      // Same data sealed twice: different ciphertexts (fresh IV).
      expect(await vault.seal('person-1', person)).not.toBe(sealed);
      // Another person's key (and associated data) cannot open it.
      await vault.seal('person-2', { givenName: 'x' });
      await expect(vault.open('person-2', sealed)).rejects.toThrow();
      // Tampering is detected.
      const [p, iv, tag, ct] = sealed.split('.');
      const flipped = Buffer.from(ct, 'base64url');
      flipped[0] ^= 1;
      await expect(vault.open('person-1', [p, iv, tag, flipped.toString('base64url')].join('.'))).rejects.toThrow();
    });

    it('erases by destroying the key: nothing opens afterwards, nothing new is sealed, and erasing again is harmless', async () => {
      const sealed = await vault.seal('person-3', person);
      await vault.erase('person-3');
      await vault.erase('person-3');
      await expect(vault.open('person-3', sealed)).rejects.toBeInstanceOf(PersonalDataErased);
      // The refusal names whose data it was, for the problem answer and the audit.
      await expect(vault.open('person-3', sealed)).rejects.toMatchObject({
        code: 'PERSONAL_DATA.ERASED',
        details: { subjectId: 'person-3' },
      });
      await expect(vault.seal('person-3', person)).rejects.toBeInstanceOf(PersonalDataErased);
      expect(await vault.isErased('person-3')).toBe(true);
      expect(await vault.isErased('person-1')).toBe(false);
      expect(await keys.get('person-3')).toEqual({ state: 'erased', erasedAt: clock.now().toISOString() });
    });

    it('opens only a sealed value of its own format, and says so of anything else', async () => {
      const sealed = await vault.seal('person-4', person);
      const [p, iv, tag, ct] = sealed.split('.');
      // A value of another format (or version) is refused even when the rest would open.
      for (const malformed of [
        ['rj0', iv, tag, ct].join('.'),
        [p, '', tag, ct].join('.'),
        [p, iv, '', ct].join('.'),
        [p, iv, tag].join('.'),
        p,
      ]) {
        await expect(vault.open('person-4', malformed)).rejects.toThrow('not a sealed value');
      }
      expect(await vault.open('person-4', [p, iv, tag, ct].join('.'))).toEqual(person);
    });

    it('keeps a key for good: the same person is sealed under the same key each time', async () => {
      const first = await keys.getOrCreate('person-5', clock.now());
      const again = await keys.getOrCreate('person-5', new Date('2020-01-01T00:00:00Z'));
      expect(first).toHaveLength(32);
      expect(again.equals(first)).toBe(true);
      expect(await keys.get('person-5')).toEqual({ state: 'live', key: first });
      expect(await keys.get('nobody')).toBeUndefined();
    });

    it('has nothing to open for a person it never sealed for', async () => {
      const sealed = await vault.seal('person-6', person);
      await expect(vault.open('person-never-sealed', sealed)).rejects.toBeInstanceOf(PersonalDataErased);
      expect(await vault.isErased('person-never-sealed')).toBe(false);
    });

    it('erases a person before anything was sealed for them, so nothing can be sealed for them later', async () => {
      await vault.erase('person-7');
      expect(await vault.isErased('person-7')).toBe(true);
      await expect(vault.seal('person-7', person)).rejects.toBeInstanceOf(PersonalDataErased);
      await expect(keys.getOrCreate('person-7', clock.now())).rejects.toBeInstanceOf(KeyDestroyed);
    });

    it('keeps the time of the first erasure when a person is erased again later', async () => {
      await vault.seal('person-8', person);
      await keys.destroy('person-8', new Date('2019-06-01T00:00:00Z'));
      await keys.destroy('person-8', new Date('2019-07-01T00:00:00Z'));
      expect(await keys.get('person-8')).toEqual({ state: 'erased', erasedAt: '2019-06-01T00:00:00.000Z' });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'ruamjai-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

vaultContract('its own SQLite file', async () => {
  const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  return { keys, close: () => keys.close() };
});

const server = postgresServerUrl();
(server ? vaultContract : describe.skip)('PostgreSQL', async () => {
  const database = await freshPostgresDatabase(server!);
  const db = openPostgresReadModels(database.url);
  return {
    keys: new PostgresKeyStore(db as unknown as Kysely<unknown>),
    close: async () => {
      await db.destroy();
      await database.drop();
    },
  };
});

describe('the SQLite key store on disk', () => {
  it('overwrites a destroyed key in the file (secure_delete) and leaves no journal behind', async () => {
    const file = join(dir, 'shred.sqlite');
    const keys = new SqliteKeyStore(file);
    const keep = await keys.getOrCreate('keep', clock.now());
    const doomed = await keys.getOrCreate('doomed', clock.now());
    const before = readFileSync(file);
    expect(before.includes(doomed)).toBe(true);
    await keys.destroy('doomed', clock.now());
    const after = readFileSync(file);
    expect(after.includes(doomed)).toBe(false);
    expect(after.includes(keep)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('shred.sqlite-'))).toEqual([]);
    await keys.close();
  });
});

describe('the vault over a key store that fails', () => {
  it('passes on a failure of the key store that is not an erasure, rather than calling the person erased', async () => {
    const keys = new SqliteKeyStore(join(dir, 'closed.sqlite'));
    await keys.close();
    const vault = new PersonalDataVault(keys, clock);
    const failure = vault.seal('person-9', person);
    await expect(failure).rejects.toThrow();
    await expect(failure).rejects.not.toBeInstanceOf(PersonalDataErased);
  });
});
