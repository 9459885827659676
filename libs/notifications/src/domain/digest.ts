import { bangkokDate, formatEnglishDate, formatThaiDate } from '@ruamjai/kernel';

/** One notice gathered into a digest, as it was planned. */
export interface DigestItem {
  readonly subject: { readonly th: string; readonly en: string };
  /** The full link into the console. */
  readonly url: string;
}

/** The Bangkok day whose digest is due at `now`, or undefined before the digest hour (Bangkok time). */
export function digestDayAt(now: Date, digestHour: number): { day: string; cutoff: Date } | undefined {
  const day = bangkokDate(now);
  const cutoff = new Date(`${day}T${String(digestHour).padStart(2, '0')}:00:00+07:00`);
  return now.getTime() >= cutoff.getTime() ? { day, cutoff } : undefined;
}

/**
 * One message a day instead of one a notice (pure): Thai first, every notice's subject and link,
 * then the same in English. Like the notices it gathers, it names nobody.
 */
export function digestMessage(
  items: readonly DigestItem[],
  day: string,
): { subject: { th: string; en: string }; body: { th: string; en: string } } {
  const subject = {
    th: `[ร่วมใจ] สรุปการแจ้งเตือนประจำวันที่ ${formatThaiDate(day)} (${items.length} เรื่อง)`,
    en: `[Ruamjai] Daily digest, ${formatEnglishDate(day)} (${items.length} ${items.length === 1 ? 'notice' : 'notices'})`,
  };
  const th = items
    .map((item, i) => `${i + 1}. ${item.subject.th.replace(/^\[ร่วมใจ\] /, '')}\n   ${item.url}`)
    .join('\n');
  const en = items
    .map((item, i) => `${i + 1}. ${item.subject.en.replace(/^\[Ruamjai\] /, '')}\n   ${item.url}`)
    .join('\n');
  return {
    subject,
    body: { th: `เรื่องที่เกี่ยวกับท่านตั้งแต่สรุปครั้งก่อน:\n${th}`, en: `What concerned you since the last digest:\n${en}` },
  };
}
