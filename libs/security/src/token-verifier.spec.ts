import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, loadOrCreateSigningKey } from './signing-key';
import { InvalidToken, TokenVerifier } from './token-verifier';

describe('token verification', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-keys-'));

  it('accepts a token signed by the embedded key and yields the actor', async () => {
    const key = await loadOrCreateSigningKey(dir);
    const verifier = TokenVerifier.withKey(key.publicKey, 'ruamjai', 'ruamjai-api', 'TH-27');
    const token = await issueToken(
      key,
      { sub: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' },
      'ruamjai',
      'ruamjai-api',
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      id: 'somchai',
      agency: 'PSDHS-SK',
      role: 'coordinator',
      province: 'TH-27',
    });
  });

  it("acts in the token's province when it names one, else in the deployment's", async () => {
    const key = await loadOrCreateSigningKey(dir);
    const verifier = TokenVerifier.withKey(key.publicKey, 'ruamjai', 'ruamjai-api', 'TH-23');
    const issue = (province?: string) =>
      issueToken(key, { sub: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province }, 'ruamjai', 'ruamjai-api');
    await expect(verifier.verify(await issue('TH-27'))).resolves.toMatchObject({ province: 'TH-27' });
    await expect(verifier.verify(await issue())).resolves.toMatchObject({ province: 'TH-23' });
  });

  it('refuses a token whose province is no province', async () => {
    const key = await loadOrCreateSigningKey(dir);
    const verifier = TokenVerifier.withKey(key.publicKey, 'ruamjai', 'ruamjai-api', 'TH-27');
    const token = await issueToken(
      key,
      { sub: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-99' },
      'ruamjai',
      'ruamjai-api',
    );
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('keeps the same key across restarts', async () => {
    const first = await loadOrCreateSigningKey(dir);
    const second = await loadOrCreateSigningKey(dir);
    expect(second.kid).toBe(first.kid);
  });

  it('refuses a token for another audience', async () => {
    const key = await loadOrCreateSigningKey(dir);
    const verifier = TokenVerifier.withKey(key.publicKey, 'ruamjai', 'ruamjai-api', 'TH-27');
    const token = await issueToken(
      key,
      { sub: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' },
      'ruamjai',
      'someone-else',
    );
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('stops trusting a remembered token once it expires', async () => {
    const key = await loadOrCreateSigningKey(dir);
    const verifier = TokenVerifier.withKey(key.publicKey, 'ruamjai', 'ruamjai-api', 'TH-27');
    const token = await issueToken(
      key,
      { sub: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', ttlSeconds: 60 },
      'ruamjai',
      'ruamjai-api',
    );
    await verifier.verify(token);
    await expect(verifier.verify(token, Date.now() + 61_000)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses a token signed by another key', async () => {
    const other = await loadOrCreateSigningKey(mkdtempSync(join(tmpdir(), 'ruamjai-other-')));
    const key = await loadOrCreateSigningKey(dir);
    const verifier = TokenVerifier.withKey(key.publicKey, 'ruamjai', 'ruamjai-api', 'TH-27');
    const token = await issueToken(
      other,
      { sub: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' },
      'ruamjai',
      'ruamjai-api',
    );
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidToken);
  });
});
