import { useTranslation } from 'react-i18next';
import { shortId } from './format';

/**
 * A case or referral named by the first block of its id, as a link to its page (the hash route),
 * with a label that says what opens: the first column wherever cases or referrals are listed.
 */
export function ShortIdLink({
  kind,
  id,
  navigate,
}: {
  kind: 'cases' | 'referrals';
  id: string;
  navigate: (path: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <a
      href={`#/${kind}/${id}`}
      onClick={(e) => (e.preventDefault(), navigate(`/${kind}/${id}`))}
      aria-label={t(`${kind}.openLabel`, { id: shortId(id) })}
    >
      <code>{shortId(id)}</code>
    </a>
  );
}
