import { DomainError, type Clock } from '@ruamjai/kernel';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyDestroyed, type KeyStore } from './key-store';

/** Ciphertext of one subject's personal data: `rj1.<iv>.<tag>.<ciphertext>`, base64url. */
export type SealedData = string;

const PREFIX = 'rj1';

export class PersonalDataErased extends DomainError {
  readonly code = 'PERSONAL_DATA.ERASED';
  readonly kind = 'gone';
  constructor(subjectId: string) {
    super(
      {
        th: 'ข้อมูลส่วนบุคคลนี้ถูกลบตามคำขอแล้ว (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล ม.33)',
        en: 'This personal data was erased (PDPA s.33)',
      },
      { subjectId },
    );
  }
}

/**
 * Seals personal data with the subject's own data key (AES-256-GCM, a fresh 96-bit IV each time,
 * the subject id as associated data, so a ciphertext moved to another person fails to open).
 * Erasure destroys the key: every copy of the ciphertext, in events, backups or exports, is then noise.
 */
export class PersonalDataVault {
  constructor(
    private readonly keys: KeyStore,
    private readonly clock: Clock,
  ) {}

  async seal(subjectId: string, value: unknown): Promise<SealedData> {
    let key: Buffer;
    try {
      key = await this.keys.getOrCreate(subjectId, this.clock.now());
    } catch (error) {
      if (error instanceof KeyDestroyed) throw new PersonalDataErased(subjectId);
      throw error;
    }
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(subjectId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [
      PREFIX,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
  }

  /** The plaintext; PersonalDataErased when the subject's key was destroyed. */
  async open<T = unknown>(subjectId: string, sealed: SealedData): Promise<T> {
    const stored = await this.keys.get(subjectId);
    if (stored?.state !== 'live') throw new PersonalDataErased(subjectId);
    const [prefix, iv, tag, ciphertext] = sealed.split('.');
    if (prefix !== PREFIX || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', stored.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(subjectId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as T;
  }

  async isErased(subjectId: string): Promise<boolean> {
    return (await this.keys.get(subjectId))?.state === 'erased';
  }

  /** Crypto-shredding: the key goes, and with it every copy of the subject's data. Idempotent. */
  async erase(subjectId: string): Promise<void> {
    await this.keys.destroy(subjectId, this.clock.now());
  }
}
