import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { resultsDir } from "../support/paths";

/**
 * The e2e server runs without SMTP_URL, so it prints each mail to its console (test-results/server.log,
 * the documented exception to "no tokens in logs"). This reads the newest message to an address.
 */
const serverLog = path.join(resultsDir, "server.log");

interface PrintedMail {
  to: string;
  subject: string;
  body: string;
}

function printedMails(): PrintedMail[] {
  let log = "";
  try {
    log = readFileSync(serverLog, "utf8");
  } catch {
    return [];
  }
  const blocks = log.split("----- Penprint mail").slice(1);
  return blocks.map((block) => {
    const to = block.match(/^To: (.+)$/m)?.[1]?.trim() ?? "";
    const subject = block.match(/^Subject: (.+)$/m)?.[1]?.trim() ?? "";
    const body = block.split(/\n\n/).slice(1).join("\n\n").split("-----------")[0] ?? "";
    return { to, subject, body };
  });
}

/** Waits for a mail to `to` whose subject matches, then returns the first link to `pathname` in it. */
export async function linkFromMail({ to, subject, pathname, after = 0 }: { to: string; subject: RegExp; pathname: string; after?: number }): Promise<URL> {
  let found: URL | undefined;
  await expect
    .poll(
      () => {
        const mails = printedMails().filter((m) => m.to === to && subject.test(m.subject));
        const mail = mails[Math.max(after, mails.length - 1)];
        const raw = mail?.body.match(/https?:\/\/\S+/g)?.find((candidate) => new URL(candidate).pathname === pathname);
        found = raw ? new URL(raw) : undefined;
        return mails.length > after && found !== undefined;
      },
      { message: `a "${subject}" mail to ${to}`, timeout: 10_000 },
    )
    .toBe(true);
  return found as URL;
}

export function mailCount(to: string, subject: RegExp): number {
  return printedMails().filter((m) => m.to === to && subject.test(m.subject)).length;
}
