import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpReceiver {
  readonly port: number;
  readonly mails: Mail[];
  close(): Promise<void>;
}

export interface Mail {
  readonly to: string;
  readonly raw: string;
}

/**
 * A real SMTP server as the receiving end, keeping every message it is given (`keep: false` keeps
 * none, for a long benchmark) and telling `onMail` of each as it arrives.
 */
export async function startSmtp(
  options: { onMail?: (mail: Mail) => void; keep?: boolean } = {},
): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // No reverse DNS of 127.0.0.1 on each connection (without a resolver it waits for a timeout).
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        for (const to of session.envelope.rcptTo) {
          const mail = { to: to.address, raw };
          if (options.keep !== false) mails.push(mail);
          options.onMail?.(mail);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The text of a message as a reader sees it (quoted-printable or base64 bodies decoded). */
export function decodeMail(raw: string): string {
  const [, body = ''] =
    raw.split(/\r?\n\r?\n/, 2).length === 2
      ? [raw.slice(0, raw.search(/\r?\n\r?\n/)), raw.slice(raw.search(/\r?\n\r?\n/))]
      : [raw, ''];
  const qp = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  let text = Buffer.from(qp, 'latin1').toString('utf8');
  if (/Content-Transfer-Encoding: base64/i.test(raw))
    text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const subject = /Subject: ([^\r\n]+(?:\r?\n[ \t][^\r\n]+)*)/.exec(raw)?.[1] ?? '';
  // Adjacent encoded words are one text: their bytes are joined before decoding (a Thai letter may be split between two).
  const words = [...subject.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)];
  const decodedSubject = words.length
    ? Buffer.concat(
        words.map(([, enc, data]) =>
          enc.toUpperCase() === 'B'
            ? Buffer.from(data, 'base64')
            : Buffer.from(
                data
                  .replace(/_/g, ' ')
                  .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
                'latin1',
              ),
        ),
      ).toString('utf8')
    : subject;
  return `${raw}\n${decodedSubject}\n${text}`;
}
