import { createTransport, type Transporter } from 'nodemailer';
import type { Delivery, DeliveryChannel } from '../application/notifier';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly secure?: boolean;
  readonly user?: string;
  readonly password?: string;
  readonly from: string;
}

/**
 * E-mail over SMTP: Thai first, English beneath, and the link. The Message-ID is the delivery's id,
 * so a mail server or client that sees a message twice (a crash between sending and recording) can tell.
 */
export class EmailChannel implements DeliveryChannel {
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    this.transport = createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure ?? false,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
      // Relays inside the province often offer no certificate worth checking on a plain port.
      ignoreTLS: !settings.secure,
      // One connection kept open and reused: a new SMTP handshake per message costs 100 ms or more,
      // a message on an open connection a few. The notifier sends one at a time.
      pool: true,
      maxConnections: 1,
    });
  }

  async send(d: Delivery): Promise<void> {
    await this.transport.sendMail({
      from: this.settings.from,
      to: d.address,
      subject: `${d.subject.th} / ${d.subject.en}`,
      text: `${d.body.th}\n${d.url}\n\n----\n${d.body.en}\n${d.url}\n`,
      messageId: `<${d.deliveryId}@ruamjai>`,
      headers: { 'X-Ruamjai-Delivery': d.deliveryId, 'X-Ruamjai-Event': d.eventId, 'X-Ruamjai-Kind': d.kind },
    });
  }

  close(): void {
    this.transport.close();
  }
}
