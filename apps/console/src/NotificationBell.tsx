import { Alert, Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { lazy, Suspense, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth';
import { formatBangkokDateTime, type Lang } from './format';
import { bellSubject, consoleRouteFor, useInbox, useMarkAllRead, useMarkRead, type Notice } from './notifications';

const NoticeDialog = lazy(() => import('./NoticeDialog'));

export const SETTINGS_ROUTE = '/settings/notifications';

function BellIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
    </svg>
  );
}

/**
 * The bell in the header: the unread count on a badge, and on a click the newest notices. A notice
 * with a screen in the console opens it (a plan, a referral); one without (a case: no screen yet)
 * shows its full text in a dialog. Either way it is marked read.
 */
export function NotificationBell({ navigate }: { navigate: (path: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { user } = useAuth();
  const inbox = useInbox(user !== null);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<Notice | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  if (!user) return null;
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (notice: Notice) => {
    setOpen(false);
    if (notice.readAt === null) markRead.mutate(notice.id);
    const route = consoleRouteFor(notice.link, user.role);
    if (route) navigate(route);
    else setShown(notice);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      close();
    }
  };

  const panel = (
    <div
      className="bell-panel"
      id="bell-panel"
      role="region"
      aria-labelledby="bell-panel-title"
      onKeyDown={onKeyDown}
      data-testid="bell-panel"
    >
      <div className="bell-head">
        <Typography.Title level={2} id="bell-panel-title" style={{ fontSize: 17, margin: 0 }}>
          {t('notifications.title')}
        </Typography.Title>
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          disabled={unread === 0 || markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="bell-mark-all"
        >
          {t('notifications.markAll')}
        </Button>
      </div>
      {inbox.isLoading ? (
        <div className="bell-state">
          <Spin />
        </div>
      ) : inbox.error && items.length === 0 ? (
        <Alert type="error" role="alert" title={t('notifications.loadError')} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="bell-list" aria-label={t('notifications.listLabel')}>
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.readAt === null ? 'bell-item bell-unread' : 'bell-item'}
                onClick={() => choose(n)}
                data-testid="bell-item"
              >
                <span className="bell-subject">
                  {n.readAt === null && <span className="bell-dot" aria-hidden="true" />}
                  {n.readAt === null && <span className="visually-hidden">{t('notifications.unreadMark')} </span>}
                  {bellSubject(n.subject[lang])}
                </span>
                <span className="bell-time">{formatBangkokDateTime(n.occurredAt, lang)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {markAll.isError && (
        <Alert type="error" role="alert" title={t('notifications.markError')} style={{ marginTop: 8 }} />
      )}
      <div className="bell-foot">
        <a
          href={`#${SETTINGS_ROUTE}`}
          onClick={(e) => {
            e.preventDefault();
            setOpen(false);
            navigate(SETTINGS_ROUTE);
          }}
        >
          {t('notifications.settingsLink')}
        </a>
      </div>
    </div>
  );

  return (
    <span className="bell">
      <Popover
        content={panel}
        trigger="click"
        placement="bottomRight"
        open={open}
        onOpenChange={setOpen}
        arrow={false}
        // In the DOM right after the bell, so the keyboard reaches the list next.
        getPopupContainer={(node) => node.parentElement ?? document.body}
      >
        <span className="bell-trigger">
          <Button
            ref={button}
            type="text"
            className="bell-button"
            aria-label={unread > 0 ? t('notifications.bellLabel', { count: unread }) : t('notifications.bellLabelNone')}
            aria-expanded={open}
            aria-controls={open ? 'bell-panel' : undefined}
            onKeyDown={onKeyDown}
            data-testid="bell"
          >
            <Badge count={unread} overflowCount={99} size="small" offset={[2, -2]}>
              <span className="bell-icon">
                <BellIcon />
              </span>
            </Badge>
          </Button>
        </span>
      </Popover>
      {/* Announces a change of the count to screen readers, without moving focus. */}
      <span className="visually-hidden" role="status">
        {unread > 0 ? t('notifications.bellLabel', { count: unread }) : ''}
      </span>
      {shown && (
        <Suspense fallback={null}>
          <NoticeDialog notice={shown} onClose={() => setShown(null)} />
        </Suspense>
      )}
    </span>
  );
}
