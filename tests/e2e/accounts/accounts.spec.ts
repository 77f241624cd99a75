import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { expectNoA11yViolations } from "../support/a11y";
import { saveScreenshot as screenshot } from "../support/screenshots";
import { uniqueSecret } from "../support/secrets";
import { linkFromMail, mailCount } from "./console-mailbox";

/**
 * Accounts end to end, against the production build. Serial: the first account becomes the admin,
 * and every attempt comes from one address, which shares the 5-per-minute limits.
 */
test.describe.configure({ mode: "serial" });

const id = randomBytes(4).toString("hex");
// The admin's signed-in browser state, kept from the flow test: one address shares 5 sign-ins a minute.
let adminState: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>> | undefined;
const writer = { email: `writer-${id}@example.org`, password: uniqueSecret("first-pass"), newPassword: uniqueSecret("second-pass") };

async function fill(page: Page, form: string, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await page.getByTestId(`${form}-${name}`).fill(value);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await fill(page, "sign-in-form", { email, password });
  await page.getByTestId("sign-in-form-submit").click();
}

test("lockout: 5 failed sign-ins, then 429 within the minute, then 423 saying when", async ({ page, saveScreenshot, checkA11y }) => {
  test.setTimeout(150_000);
  // An address with no account: failures count all the same, and the answers do not differ.
  const email = `nobody-${id}@example.org`;
  const wrong = uniqueSecret("wrong-pass");
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, wrong);
    await expect(page.getByTestId("sign-in-form-error")).toHaveAttribute("data-code", "invalid_credentials");
  }
  await signIn(page, email, wrong);
  await expect(page.getByTestId("sign-in-form-error")).toHaveAttribute("data-code", "rate_limited");
  await expect(page.getByTestId("sign-in-form-error")).toContainText("Too many attempts");
  await checkA11y("sign-in with an error");
  await saveScreenshot("accounts-sign-in-limited");
  // Once the minute is over the rate limit lets the attempt through, and the lockout answers.
  await expect(async () => {
    await signIn(page, email, wrong);
    await expect(page.getByTestId("sign-in-form-error")).toHaveAttribute("data-code", "account_locked", { timeout: 3_000 });
  }).toPass({ intervals: [10_000], timeout: 120_000 });
  await expect(page.getByTestId("sign-in-form-error")).toContainText(/Try again in 1[45] minutes \(at \d\d:\d\d UTC\)/);
  await saveScreenshot("accounts-sign-in-locked");
});

test("sign up → mail → verify → sign in → sign out → forgot → reset → sign in; the old session is dead", async ({ page, browser, saveScreenshot, checkA11y }) => {
  test.setTimeout(90_000);
  await page.goto("/sign-up");
  await checkA11y("sign-up");
  await saveScreenshot("accounts-sign-up");
  // Inline errors next to the fields, focus on the first.
  await fill(page, "sign-up-form", { email: "not-an-address", password: "password123" });
  await page.getByTestId("sign-up-form-submit").click();
  await expect(page.getByTestId("sign-up-form-email-error")).toBeVisible();
  await expect(page.getByTestId("sign-up-form-password-error")).toContainText("too common");
  await expect(page.getByTestId("sign-up-form-email")).toBeFocused();
  await checkA11y("sign-up with errors");
  await saveScreenshot("accounts-sign-up-errors");

  await fill(page, "sign-up-form", { email: writer.email, password: writer.password });
  await page.getByTestId("sign-up-form-submit").click();
  await expect(page.getByTestId("sign-up-form-success")).toBeFocused();
  await saveScreenshot("accounts-sign-up-done");

  const verify = await linkFromMail({ to: writer.email, subject: /Verify/, pathname: "/verify-email" });
  await page.goto(verify.pathname + verify.search);
  await checkA11y("verify-email");
  await saveScreenshot("accounts-verify-email");
  await page.getByTestId("verify-email-form-submit").click();
  await expect(page.getByTestId("verify-email-form-success")).toContainText("confirmed");

  // A second browser signs in too: its session must die at the reset.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, writer.email, writer.password);
  await expect(otherPage.getByTestId("signed-in-as")).toContainText(writer.email);

  await signIn(page, writer.email, writer.password);
  await expect(page.getByTestId("signed-in-as")).toContainText(writer.email);
  await checkA11y("dashboard");
  await saveScreenshot("accounts-dashboard");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.includes("session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  await page.getByTestId("settings-link").click();
  await expect(page.locator(`strong[data-testid="settings-email"]`)).toHaveText(writer.email);
  await checkA11y("settings");
  await saveScreenshot("accounts-settings");

  await page.goto("/dashboard");
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("sign-in-notice")).toContainText("signed out");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  await page.goto("/forgot-password");
  await checkA11y("forgot-password");
  await saveScreenshot("accounts-forgot-password");
  const before = mailCount(writer.email, /Reset/);
  await fill(page, "forgot-password-form", { email: writer.email });
  await page.getByTestId("forgot-password-form-submit").click();
  await expect(page.getByTestId("forgot-password-form-success")).toBeVisible();
  const reset = await linkFromMail({ to: writer.email, subject: /Reset/, pathname: "/reset-password", after: before });
  await page.goto(reset.pathname + reset.search);
  await checkA11y("reset-password");
  await saveScreenshot("accounts-reset-password");
  await fill(page, "reset-password-form", { password: writer.newPassword });
  await page.getByTestId("reset-password-form-submit").click();
  await expect(page.getByTestId("reset-password-form-success")).toBeVisible();

  await signIn(page, writer.email, writer.newPassword);
  await expect(page.getByTestId("signed-in-as")).toContainText(writer.email);

  // The other browser's cookie still exists, but its session was revoked by the reset.
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
  adminState = await page.context().storageState();
});

test("invite-only sign-up: refused without an invitation, works from the invitation link", async ({ browser }) => {
  expect(adminState, "the flow test signs the admin in").toBeDefined();
  const adminContext = await browser.newContext({ storageState: adminState });
  const page = await adminContext.newPage();
  await page.goto("/settings");
  await page.getByTestId("signup-mode-form-mode").selectOption("invite");
  await page.getByTestId("signup-mode-form-submit").click();
  await expect(page.getByTestId("signup-mode-form-success")).toBeVisible();

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/sign-up");
  await expect(visitorPage.getByTestId("sign-up-unavailable")).toContainText("by invitation");
  await expectNoA11yViolations(visitorPage, "sign-up (invite only)");
  await screenshot(visitorPage, "accounts-sign-up-invite-only");

  const invited = `invited-${id}@example.org`;
  await page.goto("/settings");
  await fill(page, "invite-form", { email: invited });
  await page.getByTestId("invite-form-submit").click();
  await expect(page.getByTestId("invite-form-success")).toBeVisible();
  const link = await linkFromMail({ to: invited, subject: /invited/, pathname: "/sign-up" });
  await visitorPage.goto(link.pathname + link.search);
  await expect(visitorPage.getByTestId("sign-up-form-email")).toHaveValue(invited);
  await visitorPage.getByTestId("sign-up-form-password").fill(uniqueSecret("invited-pass"));
  await visitorPage.getByTestId("sign-up-form-submit").click();
  await expect(visitorPage.getByTestId("sign-up-form-success")).toBeVisible();
  await visitor.close();

  // Back to open, for whatever runs next.
  await page.goto("/settings");
  await expectNoA11yViolations(page, "settings (admin)");
  await screenshot(page, "accounts-settings-admin");
  await page.getByTestId("signup-mode-form-mode").selectOption("open");
  await page.getByTestId("signup-mode-form-submit").click();
  await expect(page.getByTestId("signup-mode-form-success")).toBeVisible();
  await adminContext.close();
});
