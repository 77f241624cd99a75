import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { ESSAY } from "../../../lib/workspace/test-texts";
import { expect, test } from "../fixtures";
import { expectNoA11yViolations } from "../support/a11y";
import { screenshotsDir } from "../support/paths";
import { saveScreenshot } from "../support/screenshots";
import { recordSecret, uniqueSecret } from "../support/secrets";
import { chatRequests, resetPeer, setPeerScenario } from "./ollama-peer-control";
import { RewritePanelPage } from "./rewrite-panel-page";
import { signUpAndIn } from "../support/sign-up-and-in";

/**
 * "Rewrite in my voice" in the editor (issue 6, items 2–5), against the production build and the
 * Ollama protocol peer that playwright.config.ts starts: Penprint's real route, the AI SDK's real
 * client and a real socket to a server speaking Ollama's wire protocol. One writer signs up once;
 * each test steers the peer's scenario and drives the panel.
 */
test.describe.configure({ mode: "serial" });

const id = randomBytes(4).toString("hex");
const writer = { email: `rewrite-${id}@example.org`, password: uniqueSecret("rewrite-pass") };
let state: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;

/** Writing sent by the test is recorded line by line, so the log scan can prove it never reaches the logs. */
function writing(text: string): string {
  for (const line of text.split(/\r?\n/)) if (line.trim().length >= 8) recordSecret(line.trim());
  return text;
}

const intro = writing(`Notes from the harbour ${id}, written on a wet Tuesday. `);
const passage = writing("We utilize the data in order to begin the analysis, and the results were very good.");
const outro = writing(" Nobody on the pier agreed with me about the gulls.");
const reply = writing("We use the data to start the analysis, and the results were really good.");
// The writer keeps "very" (rejects that one change) and takes every other change.
const kept = "We use the data to start the analysis, and the results were very good.";
const full = intro + passage + outro;

async function signedInPage(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  expect(state, "the first test signs the writer up and in").toBeDefined();
  const context = await browser.newContext({ storageState: state, ...(viewport ? { viewport } : {}) });
  return context.newPage();
}

/** Light and dark pictures of the whole page (from the top, where the sticky header belongs) and of the panel alone. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    const suffix = scheme === "dark" ? "-dark" : "";
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, `${name}${suffix}`);
    // The sticky header would cover part of a panel taller than the window; pictured in place instead.
    await page.getByTestId("rewrite-panel").screenshot({ path: path.join(screenshotsDir, `${name}-panel${suffix}.png`), style: '[data-testid="site-header"] { position: static !important; }' });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test.beforeEach(async () => {
  await resetPeer();
});

test("sign up, verify, sign in; one essay sample gives the writer a fingerprint", async ({ page }) => {
  test.setTimeout(150_000);
  await signUpAndIn(page, writer);

  const added = await page.request.post("/api/v1/samples", { data: { text: writing(ESSAY), register: "essay", title: "Bread" } });
  expect(added.status()).toBe(201);
  await expect
    .poll(
      async () => {
        const body = (await (await page.request.get("/api/v1/fingerprints")).json()) as { fingerprints?: { scope: string }[] };
        return (body.fingerprints ?? []).map((f) => f.scope).sort();
      },
      { timeout: 60_000 },
    )
    .toEqual(expect.arrayContaining(["essay", "overall"]));
  state = await page.context().storageState();
});

test("tokens stream into the diff; the writer rejects one change, applies the rest, and undoes it", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser);
  const rewrite = new RewritePanelPage(page);
  // Half a second between tokens: slow enough to take the streaming pictures mid-stream.
  await setPeerScenario({ name: "slow", reply, tokenDelayMs: 500 });
  await rewrite.open(full);

  // Discoverable: the action, its shortcut and what it will work on are on screen.
  await expect(rewrite.start).toHaveText("Rewrite in my voice");
  await expect(rewrite.start).toHaveAttribute("aria-keyshortcuts", /Control\+Shift\+R/);
  await expect(page.getByTestId("rewrite-scope")).toContainText("The whole text, 36 words.");
  await rewrite.select(passage);
  await expect(page.getByTestId("rewrite-scope")).toContainText("The selection, 16 words.");
  await expect(page.getByTestId("rewrite-no-fingerprint")).toHaveCount(0);

  await rewrite.recordGrowth();
  // The keyboard shortcut, from the text itself.
  await page.keyboard.press("Control+Shift+R");
  await expect(rewrite.run).toHaveAttribute("data-phase", "streaming");
  await expect(page.locator(":focus")).toHaveText("Rewriting…");
  await expect(rewrite.status).toHaveText("Rewriting started.");
  await expect.poll(() => rewrite.rewrittenLength()).toBeGreaterThan(12);
  await expect(rewrite.run).toHaveAttribute("data-phase", "streaming");
  await expect(page.getByTestId("rewrite-progress")).toContainText(/llama3\.1:8b · \d+ words? · \d+ tokens? · \d+\.\d s/);
  await screenshots(page, "rewrite-streaming");

  await expect(rewrite.run).toHaveAttribute("data-phase", "done", { timeout: 30_000 });
  const growth = await rewrite.recordedGrowth();
  const increasing = growth.filter((n, i) => n > 0 && (i === 0 || n > growth[i - 1]!));
  expect(increasing.length, `the rewrite grew step by step: ${growth.join(", ")}`).toBeGreaterThanOrEqual(3);
  expect(Math.max(...growth)).toBeLessThanOrEqual(reply.length);
  await expect(rewrite.status).toContainText(/Rewrite finished with \d+ changes/);
  // While streaming the editor kept the original.
  await expect(rewrite.textarea).toHaveValue(full);

  // Scores of the original and the rewrite, with the meaning check through the embedding model.
  const scores = page.getByTestId("rewrite-scores");
  await expect(scores).toHaveAttribute("data-status", "ready", { timeout: 20_000 });
  await expect(page.getByTestId("rewrite-score-machine")).toContainText(/\d+ %.*\d+ %/);
  await expect(page.getByTestId("rewrite-score-voice")).toContainText(/\d+ %.*\d+ %/);
  await expect(page.getByTestId("rewrite-meaning")).toContainText(/\d+ % similar/);

  // Every change is accepted to begin with; "very → really" is rejected with the keyboard.
  const total = await rewrite.changes.count();
  expect(total).toBeGreaterThanOrEqual(3);
  const very = page.getByRole("button", { name: /replace “very” with “really”/ });
  await expect(very).toHaveAttribute("aria-pressed", "true");
  await very.focus();
  await page.keyboard.press("Enter");
  await expect(very).toHaveAttribute("aria-pressed", "false");
  await expect(very.locator("del")).toHaveText("really");
  await expect(page.getByTestId("rewrite-counts")).toHaveText(`${total - 1} of ${total} changes accepted.`);
  // Reject all and accept all switch every change; then "very" is rejected again by a click.
  await page.getByTestId("rewrite-reject-all").click();
  await expect(rewrite.changes.and(page.locator('[data-accepted="true"]'))).toHaveCount(0);
  await page.getByTestId("rewrite-accept-all").click();
  await expect(rewrite.changes.and(page.locator('[data-accepted="false"]'))).toHaveCount(0);
  await very.click();
  await expect(very).toHaveAttribute("aria-pressed", "false");

  await expectNoA11yViolations(page, "editor with the finished rewrite");
  await screenshots(page, "rewrite-done");

  await page.getByTestId("rewrite-apply").click();
  await expect(rewrite.textarea).toHaveValue(intro + kept + outro);
  await expect(rewrite.textarea).toBeFocused();
  await expect(rewrite.status).toHaveText(`Applied ${total - 1} changes to your text.`);
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");

  await page.getByTestId("rewrite-undo").click();
  await expect(rewrite.textarea).toHaveValue(full);
  await expect(rewrite.status).toHaveText("Undone: your text is back as it was.");
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");
  // The autosave stored the undone text: a reload brings it back.
  await page.reload();
  await expect(rewrite.textarea).toHaveValue(full);

  // What Penprint sent to Ollama was the selected passage only.
  const sent = (await chatRequests()).at(-1);
  expect(JSON.stringify(sent?.body)).toContain(passage);
  expect(JSON.stringify(sent?.body)).not.toContain("Nobody on the pier");
  await page.context().close();
});

test("cancel mid-stream with Escape: Cancelled, the text untouched, the partial rewrite marked, Ollama's request aborted", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await signedInPage(browser);
  const rewrite = new RewritePanelPage(page);
  const long = writing(Array.from({ length: 12 }, () => reply).join(" "));
  await setPeerScenario({ name: "slow", reply: long, tokenDelayMs: 200 });
  await rewrite.open(full);

  await rewrite.start.click();
  await expect.poll(() => rewrite.rewrittenLength()).toBeGreaterThan(10);
  await page.keyboard.press("Escape");
  await expect(rewrite.status).toHaveText("Cancelled. Your text is unchanged.");
  await expect(rewrite.run).toHaveAttribute("data-phase", "cancelled");
  await expect(page.getByTestId("rewrite-partial")).toContainText("Partial rewrite");
  await expect(rewrite.diff).toHaveAttribute("data-partial", "true");
  await expect(rewrite.textarea).toHaveValue(full);
  await expect(rewrite.textarea).toBeFocused();
  await expect(page.getByTestId("rewrite-apply")).toHaveCount(0);

  // Penprint aborted its request to Ollama well before the answer was complete.
  await expect.poll(async () => (await chatRequests()).at(-1)?.clientClosed, { timeout: 10_000 }).toBe(true);
  const request = (await chatRequests()).at(-1)!;
  expect(request.completed).toBe(false);
  expect(request.chunksSent).toBeLessThan(long.split(/\s+/).length);
  // Nothing more arrives after the cancel.
  const frozen = await rewrite.rewrittenLength();
  await expect(page.getByTestId("rewrite-progress")).toContainText(/\d+ words/);
  expect(await rewrite.rewrittenLength()).toBe(frozen);

  // Cancel by button as well.
  await page.getByTestId("rewrite-retry").click();
  await expect(rewrite.run).toHaveAttribute("data-phase", "streaming");
  await page.getByTestId("rewrite-cancel").click();
  await expect(rewrite.status).toHaveText("Cancelled. Your text is unchanged.");
  await expect(rewrite.textarea).toHaveValue(full);
  await page.context().close();
});

const failures = [
  {
    scenario: { name: "missing-model" as const },
    code: "model_not_found",
    says: /not installed/,
    check: async (page: Page) => await expect(page.getByTestId("rewrite-pull-command")).toHaveText("ollama pull llama3.1:8b"),
  },
  { scenario: { name: "cut" as const, tokenDelayMs: 60 }, code: "stream_interrupted", says: /broke off/, partial: true },
  { scenario: { name: "error-midstream" as const, tokenDelayMs: 60 }, code: /stream_interrupted|internal/, says: /broke off|went wrong/, partial: true },
  { scenario: { name: "empty" as const }, code: "empty_answer", says: /no text/ },
  { scenario: { name: "stall" as const }, code: "timeout", says: /took too long/ },
  { scenario: { name: "refuse" as const }, code: "ollama_unreachable", says: /No Ollama server answers/ },
];

for (const failure of failures) {
  test(`failure "${failure.scenario.name}": a clear message, the text untouched, Retry offered`, async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await signedInPage(browser);
    const rewrite = new RewritePanelPage(page);
    await rewrite.open(full);
    await setPeerScenario(failure.scenario);
    await rewrite.select(passage);
    await rewrite.start.click();

    await expect(rewrite.error).toBeVisible({ timeout: 20_000 });
    await expect(rewrite.error).toHaveAttribute("data-code", failure.code);
    await expect(rewrite.error).toContainText(failure.says);
    await expect(rewrite.status).toHaveText("The rewrite did not finish. Your text is unchanged.");
    await expect(rewrite.textarea).toHaveValue(full);
    if (failure.partial) await expect(page.getByTestId("rewrite-partial")).toContainText("Partial rewrite");
    await failure.check?.(page);
    await expect(page.getByTestId("rewrite-retry")).toBeEnabled();
    if (failure.scenario.name === "missing-model") {
      await expectNoA11yViolations(page, "editor with a failed rewrite");
      await screenshots(page, "rewrite-error");
    }

    // Once Ollama behaves again, Retry rewrites the same passage.
    await setPeerScenario({ name: "normal", reply, tokenDelayMs: 5, firstTokenDelayMs: 5 });
    await page.getByTestId("rewrite-retry").click();
    await expect(rewrite.run).toHaveAttribute("data-phase", "done", { timeout: 20_000 });
    await expect(rewrite.error).toHaveCount(0);
    await page.context().close();
  });
}

test("the connection to Penprint cut before the end: said so, the text untouched", async ({ browser }) => {
  const page = await signedInPage(browser);
  const rewrite = new RewritePanelPage(page);
  await setPeerScenario({ name: "normal", reply, tokenDelayMs: 5, firstTokenDelayMs: 5 });
  // Penprint's real answer, delivered without its last line (the terminal event), as a dropped connection leaves it.
  await page.route("**/api/v1/rewrite", async (route) => {
    const response = await route.fetch();
    const lines = (await response.text()).trimEnd().split("\n");
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: "done" });
    await route.fulfill({ response, body: `${lines.slice(0, -1).join("\n")}\n` });
  });
  await rewrite.open(full);
  await rewrite.start.click();
  await expect(rewrite.error).toHaveAttribute("data-code", "connection_lost");
  await expect(rewrite.error).toContainText("The connection to Penprint was lost before the rewrite finished.");
  await expect(page.getByTestId("rewrite-partial")).toContainText("Partial rewrite");
  await expect(rewrite.textarea).toHaveValue(full);
  await page.context().close();
});

test("Ollama down when the editor opens: the button explains that rewriting is off", async ({ browser }) => {
  const page = await signedInPage(browser);
  const rewrite = new RewritePanelPage(page);
  await setPeerScenario({ name: "refuse" });
  await rewrite.open(full);
  const off = page.getByTestId("rewrite-unavailable");
  await expect(off).toContainText("Rewriting is off");
  await expect(rewrite.start).toHaveAttribute("aria-disabled", "true");
  await expect(rewrite.start).toHaveAccessibleDescription(/Rewriting is off/);
  // Still focusable (aria-disabled, not disabled) so the reason is found; pressing it starts nothing.
  await rewrite.start.focus();
  await page.keyboard.press("Enter");
  await rewrite.textarea.focus();
  await page.keyboard.press("Control+Shift+R");
  await expect(rewrite.run).toHaveCount(0);
  await expect(rewrite.textarea).toHaveValue(full);

  await setPeerScenario({ name: "normal" });
  await off.getByRole("button", { name: "Check again" }).click();
  await expect(off).toHaveCount(0);
  await expect(rewrite.start).not.toHaveAttribute("aria-disabled", "true");
  await page.context().close();
});

test("no fingerprint for the register: the panel says so and rewrites in plain mode", async ({ browser }) => {
  const page = await signedInPage(browser);
  const rewrite = new RewritePanelPage(page);
  await setPeerScenario({ name: "normal", reply, tokenDelayMs: 5, firstTokenDelayMs: 5 });
  await rewrite.open(full);
  await page.getByTestId("rewrite-register").selectOption("email");
  await expect(page.getByTestId("rewrite-no-fingerprint")).toContainText("no fingerprint for my email");
  await expect(page.getByTestId("rewrite-mode")).toHaveValue("plain");
  await expect(rewrite.start).toHaveText("Rewrite, less machine-like");
  await rewrite.select(passage);
  await rewrite.start.click();
  await expect(rewrite.run).toHaveAttribute("data-phase", "done", { timeout: 20_000 });
  await expect(page.getByTestId("rewrite-score-voice")).toContainText("no fingerprint");
  await page.getByTestId("rewrite-discard").click();
  await expect(rewrite.run).toHaveCount(0);
  await expect(rewrite.textarea).toHaveValue(full);
  await expect(rewrite.textarea).toBeFocused();
  await page.context().close();
});

test("at 390 px wide the panel fits, streams and can be applied", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await signedInPage(browser, { width: 390, height: 844 });
  const rewrite = new RewritePanelPage(page);
  await setPeerScenario({ name: "normal", reply, tokenDelayMs: 5, firstTokenDelayMs: 5 });
  await rewrite.open(full);
  await rewrite.select(passage);
  await rewrite.start.click();
  await expect(rewrite.run).toHaveAttribute("data-phase", "done", { timeout: 20_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "nothing is wider than the screen").toBeLessThanOrEqual(0);
  await expectNoA11yViolations(page, "editor at 390 px with the finished rewrite");
  await page.getByTestId("rewrite-panel").scrollIntoViewIfNeeded();
  await screenshots(page, "rewrite-done-390");
  await page.getByTestId("rewrite-apply").click();
  await expect(rewrite.textarea).toHaveValue(intro + reply + outro);
  await page.context().close();
});
