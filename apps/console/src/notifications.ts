import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap } from './api/client';
import type { components } from './api/schema';
import type { Role } from './auth';
import { canSeePlans } from './auth';
import { canSeeReferrals } from './referrals';
import { canSeeCases } from './pages/cases/cases';
import { onPositionMoved } from './live';

export type Notice = components['schemas']['InboxItemDto'];
export type Inbox = components['schemas']['InboxDto'];
export type NotificationPreferences = components['schemas']['NotificationPreferencesDto'];
export type NotificationPreferencesAnswer = components['schemas']['NotificationPreferencesAnswerDto'];

/** How many of the newest notices the bell lists. */
export const BELL_SIZE = 20;
/** A notice is written a moment after the views move (the notifier polls the log): look again this long after each move. */
export const AFTER_MOVE_MS = [1500, 5000] as const;
/** If the live stream is down, the bell still looks every 30 s. */
export const FALLBACK_MS = 30_000;

const INBOX = ['notifications', 'inbox'] as const;

/**
 * The signed-in person's bell: the unread count and the newest notices, refetched when the live
 * stream reports a move (at once, by the stream's own invalidation, and again shortly after, because
 * delivery trails the views) and every 30 s whatever happens.
 */
export function useInbox(enabled: boolean) {
  const client = useQueryClient();
  const inbox = useQuery({
    queryKey: INBOX,
    queryFn: () => unwrap<Inbox>(api.GET('/api/v1/me/notifications', { params: { query: { limit: BELL_SIZE } } })),
    enabled,
    refetchInterval: FALLBACK_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  useEffect(() => {
    if (!enabled) return;
    let timers: ReturnType<typeof setTimeout>[] = [];
    const off = onPositionMoved(() => {
      timers.forEach(clearTimeout);
      timers = AFTER_MOVE_MS.map((ms) => setTimeout(() => void client.invalidateQueries({ queryKey: INBOX }), ms));
    });
    return () => {
      off();
      timers.forEach(clearTimeout);
    };
  }, [enabled, client]);
  return inbox;
}

/** Marks the notice read in the cached bell at once, so the badge follows the click without waiting. */
function markCached(client: QueryClient, id?: string): void {
  client.setQueryData<Inbox>(INBOX, (old) => {
    if (!old) return old;
    const now = new Date().toISOString();
    const items = old.items.map((n) =>
      n.readAt === null && (id === undefined || n.id === id) ? { ...n, readAt: now } : n,
    );
    const newlyRead = old.items.filter((n) => n.readAt === null && (id === undefined || n.id === id)).length;
    return { unread: id === undefined ? 0 : Math.max(0, old.unread - newlyRead), items };
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { response } = await api.POST('/api/v1/me/notifications/{notificationId}/read', {
        params: { path: { notificationId: id } },
      });
      if (!response.ok) throw new Error(`marking read: ${response.status}`);
    },
    onMutate: (id) => markCached(client, id),
    onSettled: () => client.invalidateQueries({ queryKey: INBOX }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<{ marked: number }>(api.POST('/api/v1/me/notifications/read')),
    onMutate: () => markCached(client),
    onSettled: () => client.invalidateQueries({ queryKey: INBOX }),
  });
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The console's screens a notice may lead to: a plan, or a project within it (shown in the plan's tree); a referral; a case. */
const ROUTED: ReadonlyArray<{ pattern: RegExp; allowed: (role: Role) => boolean }> = [
  { pattern: new RegExp(`^/plans/${UUID}(?:/projects/${UUID})?$`, 'i'), allowed: canSeePlans },
  { pattern: new RegExp(`^/referrals/${UUID}$`, 'i'), allowed: canSeeReferrals },
  { pattern: new RegExp(`^/cases/${UUID}$`, 'i'), allowed: canSeeCases },
];

/** The console route for a notice's link, or null when the console has no screen for it that the reader may open. */
export function consoleRouteFor(link: string, role: Role): string | null {
  const route = ROUTED.find((r) => r.pattern.test(link) && r.allowed(role));
  return route ? link : null;
}

/** The subject without the e-mail tag (`[ร่วมใจ] `, `[Ruamjai] `): the bell is already inside Ruamjai. */
export const bellSubject = (subject: string): string => subject.replace(/^\[[^\]]{1,20}\]\s*/, '');
