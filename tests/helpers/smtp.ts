/**
 * A real SMTP server for tests (the smtp-server package) on a free local port: it accepts
 * every message without authentication and keeps what arrived (envelope, headers and the
 * raw text). It can be stopped and started again on the same port, to play a mail outage.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as it came over the wire (headers and body). */
  raw: string;
  subject: string;
  messageId: string;
}

export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  start(): Promise<void>;
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : "";
}

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | null = null;

  const listen = (on: number) =>
    new Promise<number>((resolve, reject) => {
      const instance = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              subject: header(raw, "Subject"),
              messageId: header(raw, "Message-ID"),
            });
            callback();
          });
        },
      });
      instance.once("error", reject);
      instance.listen(on, "127.0.0.1", () => {
        server = instance;
        resolve((instance.server.address() as AddressInfo).port);
      });
    });

  const actualPort = await listen(port);
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        const running = server;
        server = null;
        if (!running) return resolve();
        running.close(() => resolve());
      }),
    start: async () => {
      if (!server) await listen(actualPort);
    },
  };
}
