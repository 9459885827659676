import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import type { Lang } from './format';

/**
 * A record already on screen whose refresh failed (the views slow to catch up, the network gone):
 * the page keeps what it shows, and says it may be out of date and why, rather than swapping it
 * for an error and losing what the user just did.
 */
export function RefreshFailed({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const reason = error instanceof ApiError ? error.text(i18n.language as Lang) : t('common.error');
  return (
    <Alert
      type="warning"
      role="status"
      showIcon
      title={t('common.refreshFailed', { reason })}
      style={{ marginBottom: 12 }}
      data-testid="refresh-failed"
    />
  );
}
