import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * Test support: a real SMTP server on a free local port that keeps what it receives, so tests send
 * through nodemailer exactly as production does and follow links from the message bodies.
 */
export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

export interface MailCatcher {
  url: string;
  messages: CaughtMail[];
  /** Resolves with the first message to `to` whose subject matches, waiting up to `timeoutMs`. */
  waitFor(filter: { to: string; subject?: RegExp }, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          messages.push({
            to: recipients,
            from: typeof session.envelope.mailFrom === "object" && session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("mail catcher: no port");

  const find = (to: string, subject?: RegExp) =>
    messages.find((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));

  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    waitFor({ to, subject }, timeoutMs = 10_000) {
      const found = find(to, subject);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const wake = () => {
          const match = find(to, subject);
          if (match) {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(wake);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message body that points at `path`. */
export function linkIn(mail: CaughtMail, path: string): URL {
  const match = mail.text.match(/https?:\/\/\S+/g)?.map((raw) => new URL(raw)).find((url) => url.pathname === path);
  if (!match) throw new Error(`no ${path} link in "${mail.subject}"`);
  return match;
}
