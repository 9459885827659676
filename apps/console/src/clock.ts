import { useEffect, useState } from 'react';

/**
 * The time now, for rendering: read when the component mounts and again every minute, so "late"
 * and "today" move with the clock without a render reading it (renders stay pure and repeatable).
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
