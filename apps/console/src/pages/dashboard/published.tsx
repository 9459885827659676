import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { formatCount, type Lang } from '../../format';

/** A count under the small-count rule, as the API publishes it. */
export type PublishedCount = components['schemas']['PublishedCountDto'];
export type PublishedTable = components['schemas']['PublishedTableDto'];

/**
 * How a published count reads: the number; "น้อยกว่า 5" (the API's own words) where it was withheld
 * for being small; "ไม่เปิดเผย" where it was withheld to protect another cell. Never a blank, which a
 * reader would take for zero.
 */
export function publishedText(count: PublishedCount, lang: Lang, withheld: string): string {
  if (count.count !== null) return formatCount(count.count);
  if (count.label) return count.label[lang];
  return withheld;
}

export function Published({ count, testId }: { count: PublishedCount; testId?: string }) {
  const { t, i18n } = useTranslation();
  const text = publishedText(count, i18n.language as Lang, t('dashboard.withheld'));
  return (
    <span data-testid={testId} className={count.suppressed ? 'published-withheld' : undefined}>
      {text}
    </span>
  );
}
