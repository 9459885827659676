import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Delivery, DeliveryChannel } from '../application/notifier';

/** HMAC-SHA256 over "<timestamp>.<body>", hex: what a receiver recomputes with the shared secret. */
export const webhookSignature = (secret: string, timestamp: string, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** A receiver's check: the signature matches and the timestamp is within `toleranceMs` of now (no replays of old deliveries). */
export function verifyWebhook(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  body: string,
  now: number,
  toleranceMs = 5 * 60_000,
): boolean {
  if (!headers.timestamp || !headers.signature?.startsWith('sha256=')) return false;
  const at = Number(headers.timestamp) * 1000;
  if (!Number.isFinite(at) || Math.abs(now - at) > toleranceMs) return false;
  const expected = Buffer.from(webhookSignature(secret, headers.timestamp, body), 'hex');
  const given = Buffer.from(headers.signature.slice('sha256='.length), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Signed webhooks, for a LINE or SMS gateway the province runs: a JSON body, the delivery id for the
 * receiver to drop repeats, and X-Ruamjai-Signature over the timestamp and the body.
 */
export class WebhookChannel implements DeliveryChannel {
  constructor(
    private readonly now: () => Date,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(d: Delivery): Promise<void> {
    if (!d.secret) throw new Error('a webhook needs a signing secret');
    const body = JSON.stringify({
      deliveryId: d.deliveryId,
      eventId: d.eventId,
      kind: d.kind,
      subject: d.subject,
      body: d.body,
      url: d.url,
      occurredAt: d.occurredAt,
    });
    const timestamp = String(Math.floor(this.now().getTime() / 1000));
    const res = await fetch(d.address, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ruamjai-delivery': d.deliveryId,
        'x-ruamjai-timestamp': timestamp,
        'x-ruamjai-signature': `sha256=${webhookSignature(d.secret, timestamp, body)}`,
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered ${res.status}`);
  }
}
