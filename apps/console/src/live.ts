import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { currentAccessToken } from './api/client';

/** The latest position every view has reached, so queries can ask for it with ?minPosition=. */
let latest: string | undefined;
/** The console's own last write: a view read after it waits for it (read-your-writes). */
let written: string | undefined;
export const latestPosition = (): string | undefined =>
  written !== undefined && (latest === undefined || BigInt(written) > BigInt(latest)) ? written : latest;
/** The query parameter that makes a read wait for the views to reach the latest position (read-your-writes); none before the first. */
export const minPosition = (): { minPosition?: string } => {
  const position = latestPosition();
  return position ? { minPosition: position } : {};
};
export function noteWrittenPosition(position: string): void {
  if (written === undefined || BigInt(position) > BigInt(written)) written = position;
}

/** Whoever wants to hear when the views move beyond a refetch (the bell, whose notices trail the views a little). */
const moved = new Set<() => void>();
export function onPositionMoved(listener: () => void): () => void {
  moved.add(listener);
  return () => void moved.delete(listener);
}

/**
 * Listens to the API's server-sent events (positions, nothing else) and refreshes the views whenever
 * the projections move: no polling loop. Reconnects after a dropped stream.
 */
export function useLiveUpdates(enabled: boolean): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    async function connect() {
      try {
        const response = await fetch('/api/v1/live', {
          headers: { Authorization: `Bearer ${currentAccessToken() ?? ''}`, Accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) throw new Error(`live ${response.status}`);
        setConnected(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = message.split('\n').find((l) => l.startsWith('data: '));
            if (message.includes('event: position') && data) {
              const { position } = JSON.parse(data.slice(6)) as { position: string };
              if (position !== latest) {
                const first = latest === undefined;
                latest = position;
                if (!first) {
                  void client.invalidateQueries();
                  for (const listener of moved) listener();
                }
              }
            }
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      setConnected(false);
      if (!abort.signal.aborted) retry = setTimeout(() => void connect(), 3000);
    }
    void connect();
    return () => {
      abort.abort();
      clearTimeout(retry);
    };
  }, [enabled, client]);
  return connected;
}
