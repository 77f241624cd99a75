import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { expectNoA11yViolations } from "../support/a11y";
import { saveScreenshot as screenshot } from "../support/screenshots";
import { resultsDir } from "../support/paths";
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
// The invited writer (user B of the authorization walk).
const invitee = { email: `invited-${id}@example.org`, password: uniqueSecret("invited-pass") };
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
  // After a client-side navigation the title streams in with the page's metadata: wait for it.
  await expect(page).toHaveTitle(/Dashboard/);
  await checkA11y("dashboard");
  await saveScreenshot("accounts-dashboard");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.includes("session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  await page.getByTestId("settings-link").click();
  await expect(page.locator(`strong[data-testid="settings-email"]`)).toHaveText(writer.email);
  await expect(page).toHaveTitle(/Settings/);
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

  const invited = invitee.email;
  await page.goto("/settings");
  await fill(page, "invite-form", { email: invited });
  await page.getByTestId("invite-form-submit").click();
  await expect(page.getByTestId("invite-form-success")).toBeVisible();
  const link = await linkFromMail({ to: invited, subject: /invited/, pathname: "/sign-up" });
  await visitorPage.goto(link.pathname + link.search);
  await expect(visitorPage.getByTestId("sign-up-form-email")).toHaveValue(invited);
  await visitorPage.getByTestId("sign-up-form-password").fill(invitee.password);
  await visitorPage.getByTestId("sign-up-form-submit").click();
  await expect(visitorPage.getByTestId("sign-up-form-success")).toBeVisible();
  const verify = await linkFromMail({ to: invited, subject: /Verify/, pathname: "/verify-email" });
  await visitorPage.goto(verify.pathname + verify.search);
  await visitorPage.getByTestId("verify-email-form-submit").click();
  await expect(visitorPage.getByTestId("verify-email-form-success")).toBeVisible();
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

/** Every route handler of the build, from Next's manifest: "/api/v1/drafts/[id]/route" → "/api/v1/drafts/[id]". */
function builtRoutes(): { handlers: string[]; appPages: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(resultsDir, "..", ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const handlers = Object.entries(manifest).filter(([key]) => key.endsWith("/route")).map(([, route]) => route);
  const appPages = Object.entries(manifest).filter(([key]) => key.startsWith("/(app)/") && key.endsWith("/page")).map(([, route]) => route);
  return { handlers, appPages };
}

/** Answer anyone may get without signing in (with why); everything else must answer 401 signed out. */
const PUBLIC_HANDLERS = new Set([
  "/health",
  "/ready",
  "/live",
  "/metrics",
  "/api/auth/[...nextauth]",
  "/api/inngest",
  "/api/v1/account/sign-in",
  "/api/v1/account/sign-up",
  "/api/v1/account/forgot-password",
]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const fill_ = (route: string, value: string) => route.replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, value);

test("JSON API: the 6th forgot-password request in a minute is 429 with Retry-After", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < 6; i++) {
    const response = await api.post("/api/v1/account/forgot-password", { data: { email: `limit-${id}@example.org` } });
    statuses.push(response.status());
    retryAfter ??= response.headers()["retry-after"];
  }
  // The address shares its 5 a minute with the flow test's request, so the 429 may come one early.
  expect(statuses[0]).toBe(202);
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.slice(statuses.indexOf(429)).every((s) => s === 429)).toBe(true);
  expect(statuses.filter((s) => s === 202).length).toBeGreaterThanOrEqual(4);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  await api.dispose();
});

test("authorization walk: signed out nothing answers; user B can neither read nor change user A's data", async ({ browser }) => {
  test.setTimeout(150_000);
  const { handlers, appPages } = builtRoutes();
  expect(handlers).toContain("/api/v1/account/export");

  // Signed out: every non-public handler and method is refused (GET: 401 or 405; others never 2xx).
  const stranger = await browser.newContext();
  for (const route of handlers.filter((r) => !PUBLIC_HANDLERS.has(r))) {
    const url = fill_(route, randomUUID());
    for (const method of METHODS) {
      const response = await stranger.request.fetch(url, { method, data: method === "GET" ? undefined : {}, maxRedirects: 0 });
      const status = response.status();
      // 405: the route has no such method.
      if (method === "GET") expect([401, 405], `${method} ${url} signed out answered ${status}`).toContain(status);
      else expect(status < 200 || status >= 300, `${method} ${url} signed out answered ${status}`).toBe(true);
    }
  }
  // Signed-in pages send a stranger to sign in.
  const strangerPage = await stranger.newPage();
  for (const route of appPages.filter((r) => !r.includes("["))) {
    await strangerPage.goto(route);
    await expect(strangerPage, `${route} signed out`).toHaveURL(/\/sign-in/);
  }
  await stranger.close();

  // A (the admin, verified) keeps a draft; B (the invited writer, verified) tries everything on it.
  const a = await browser.newContext({ storageState: adminState });
  const secretText = uniqueSecret("draft-text-of-a");
  const created = await a.request.post("/api/v1/drafts", { data: { title: "A's draft", text: secretText } });
  expect(created.status()).toBe(201);
  const draftId = ((await created.json()) as { draft: { id: string; version: number } }).draft.id;

  const b = await browser.newContext();
  const bPage = await b.newPage();
  await expect(async () => {
    await signIn(bPage, invitee.email, invitee.password);
    await expect(bPage.getByTestId("signed-in-as")).toContainText(invitee.email, { timeout: 3_000 });
  }).toPass({ intervals: [10_000], timeout: 100_000 });

  for (const route of handlers.filter((r) => r.includes("[") && !PUBLIC_HANDLERS.has(r))) {
    const url = fill_(route, draftId);
    for (const method of METHODS) {
      const response = await b.request.fetch(url, { method, data: method === "GET" ? undefined : { version: 1, text: "B was here", title: "B" } });
      const status = response.status();
      expect(status < 200 || status >= 300, `B: ${method} ${url} answered ${status}`).toBe(true);
      expect(await response.text(), `B: ${method} ${url}`).not.toContain(secretText);
    }
  }
  expect(await (await b.request.get(`/api/v1/drafts/${draftId}`)).status()).toBe(404);
  const bList = await (await b.request.get("/api/v1/drafts")).text();
  expect(bList).not.toContain(draftId);
  const bExport = await (await b.request.get("/api/v1/account/export")).text();
  expect(bExport).toContain(invitee.email);
  expect(bExport).not.toContain(writer.email);
  expect(bExport).not.toContain(secretText);

  // A's draft is untouched.
  const still = await a.request.get(`/api/v1/drafts/${draftId}`);
  expect(still.status()).toBe(200);
  expect(((await still.json()) as { draft: { text: string; version: number } }).draft).toMatchObject({ text: secretText, version: 1 });
  await a.close();
  await b.close();
});
