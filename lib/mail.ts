import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Outgoing mail: nodemailer to SMTP_URL from MAIL_FROM. Without SMTP_URL the message is printed to
 * the console instead, so a self-hoster can still verify and reset (the one documented exception to
 * "no tokens in logs"; it is never printed when SMTP_URL is set).
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: "smtp" | "console";
  send(message: MailMessage): Promise<void>;
}

export function createSmtpMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl, { from });
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

export function createConsoleMailer(write: (line: string) => void = (line) => process.stdout.write(line)): Mailer {
  return {
    kind: "console",
    async send(message) {
      // Plain stdout, not the JSON log: the message (with its link) is meant for the operator's eyes.
      write(
        `\n----- Penprint mail (SMTP_URL is not set, so it is printed here) -----\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n-----------------------------------------------------------------------\n`,
      );
    },
  };
}

const holder = globalThis as unknown as { __penprintMailer?: Mailer };

export function getMailer(): Mailer {
  if (!holder.__penprintMailer) {
    const env = getEnv();
    holder.__penprintMailer = env.SMTP_URL
      ? createSmtpMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM })
      : createConsoleMailer();
  }
  return holder.__penprintMailer;
}

/**
 * Sends without making the request wait: the answer is then the same, and as fast, whether or not
 * a message went out (no account enumeration through timing). Failures are logged without the message.
 */
export function sendInBackground(mailer: Mailer, message: MailMessage, purpose: string): Promise<void> {
  return mailer.send(message).catch((error: unknown) => {
    logger.error({ purpose, error: error instanceof Error ? error.message : String(error) }, "mail not sent");
  });
}
