import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface TestMailServer {
  /** The messages received, in order: envelope recipients and the raw message. */
  received: { to: string[]; data: string }[];
  /** Refuse (451, try later) the next message containing this text, once. */
  refuseOnce?: string;
  /** The environment that points the app's mail at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** An SMTP server on a free port of 127.0.0.1 that keeps what it receives, for suites that check the app's email. */
export async function startTestMailServer(): Promise<TestMailServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        if (mail.refuseOnce && data.includes(mail.refuseOnce)) {
          mail.refuseOnce = undefined;
          return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        }
        mail.received.push({ to: session.envelope.rcptTo.map((address) => address.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const mail: TestMailServer = {
    received: [],
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Proficio <proficio@example.org>', PUBLIC_URL: 'https://proficio.example.org' },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return mail;
}
