import { FixedClock } from '@ruamjai/kernel';
import { openPostgresReadModels } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase, postgresServerUrl } from '../../../test/support/postgres';
import { PostgresKeyStore, SqliteKeyStore, type KeyStore } from './key-store';
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
      await expect(vault.seal('person-3', person)).rejects.toBeInstanceOf(PersonalDataErased);
      expect(await vault.isErased('person-3')).toBe(true);
      expect(await vault.isErased('person-1')).toBe(false);
      expect(await keys.get('person-3')).toEqual({ state: 'erased', erasedAt: clock.now().toISOString() });
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
