import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBangkokDateTime, type Lang } from './format';
import { bellSubject, type Notice } from './notifications';

/**
 * A notice with no screen of its own, read in a dialog. Loaded when a notice is first opened this
 * way: antd's Modal (and the dialog it builds on) stays out of the console's first download.
 */
export default function NoticeDialog({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <Modal
      open
      title={bellSubject(notice.subject[lang])}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('notifications.close')}
        </Button>
      }
    >
      <div data-testid="notice-dialog">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {formatBangkokDateTime(notice.occurredAt, lang)}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {notice.body[lang]}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('notifications.noScreen')}</Typography.Paragraph>
      </div>
    </Modal>
  );
}
