import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { wordCount } from "../../../lib/analysis/segment";
import { EMAIL, ESSAY, FICTION } from "../../../lib/workspace/test-texts";
import { expect, test } from "../fixtures";
import AxeBuilder from "@axe-core/playwright";
import { screenshotsDir } from "../support/paths";
import { recordSecret, uniqueSecret } from "../support/secrets";
import { signIn, signUpAndIn } from "../support/sign-up-and-in";

/**
 * A document over 20,000 words (issue 5, item 4): the editor's live view covers its first 20,000
 * words and says so; saving queues a background job whose progress bar the editor polls until a
 * link opens the analysis; history lists it and reopens it. Against the production build, where
 * the job runs in-process (no Inngest server).
 */
test.describe.configure({ mode: "serial" });

const id = randomBytes(4).toString("hex");
const writer = { email: `long-${id}@example.org`, password: uniqueSecret("long-pass") };
const stranger = { email: `long-other-${id}@example.org`, password: uniqueSecret("long-other-pass") };
const title = `Collected chapters ${id}`;

/**
 * Axe on the page except the sentence-by-sentence heat map: here it holds thousands of sentences,
 * which axe cannot get through in the test's time on a shared machine. The heat map itself is
 * checked with axe in workspace.spec.ts; this spec checks what the long document adds around it.
 */
async function expectNoA11yViolationsBesideHeatMap(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('[data-testid="heat-map"]').analyze();
  const report = results.violations.map((v) => `${v.id} (${v.impact ?? "n/a"}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`);
  expect(report, `axe violations on ${context}`).toEqual([]);
}

/** About `words` words of the test texts, each chapter numbered so that no two are the same. */
function manuscript(words: number): string {
  const chapters: string[] = [];
  let total = 0;
  for (let i = 1; total < words; i++) {
    const chapter = `Chapter ${i}.\n\n${[ESSAY, FICTION, EMAIL][i % 3]}`;
    chapters.push(chapter);
    total += wordCount(chapter);
  }
  return chapters.join("\n\n");
}

test("a long document is analysed by a background job with progress, then reopens from history", async ({ page }) => {
  test.setTimeout(300_000);
  const text = manuscript(32_000);
  const words = wordCount(text);
  expect(words).toBeGreaterThan(20_000);
  for (const part of [ESSAY, FICTION, EMAIL]) for (const line of part.split(/\n+/)) if (line.trim().length >= 8) recordSecret(line.trim());
  recordSecret(title);

  await signUpAndIn(page, writer);
  await page.goto("/editor");
  await expect(page).toHaveTitle(/Editor/);
  await page.getByTestId("editor-title").fill(title);
  await page.getByTestId("editor-text").fill(text);
  // The live view in the browser stops at 20,000 words and says so.
  await expect(page.getByTestId("live-analysis-limit")).toContainText("first 20,000 words", { timeout: 30_000 });
  await expect(page.getByTestId("editor-verdict")).toContainText("20,000 words");

  await page.getByTestId("save-analysis").click();
  const job = page.getByTestId("analysis-job");
  await expect(job).toBeVisible({ timeout: 30_000 });

  // Follow the job to the end, noting each state the page showed on the way.
  const seen: string[] = [];
  let pictured = false;
  await expect
    .poll(
      async () => {
        // One snapshot of the job's element, so that state, bar and words agree (the job moves on meanwhile).
        const shown = await job.evaluate((el) => ({
          status: el.getAttribute("data-status") ?? "",
          now: el.querySelector('[role="progressbar"][aria-label="Analysis progress"]')?.getAttribute("aria-valuenow") ?? null,
          text: el.textContent ?? "",
        }));
        const { status } = shown;
        if (status === "queued" || status === "running") {
          const now = Number(shown.now);
          expect(shown.now).not.toBeNull();
          expect(now).toBeGreaterThanOrEqual(0);
          expect(now).toBeLessThan(100);
          expect(shown.text).toContain(`${words.toLocaleString("en-US")} words…`);
          seen.push(`${status} ${now}`);
          // The bar as the writer sees it (the viewport around it: the full page holds a 20,000-word heat map);
          // taken while queued, and again at the first running state when a poll catches one.
          if (!pictured || (status === "running" && !seen.slice(0, -1).some((s) => s.startsWith("running")))) {
            await job.scrollIntoViewIfNeeded();
            mkdirSync(screenshotsDir, { recursive: true });
            await page.screenshot({ path: path.join(screenshotsDir, "long-document-progress.png") });
            pictured = true;
          }
        } else seen.push(status);
        return status;
      },
      { intervals: [150], timeout: 90_000 },
    )
    .toBe("ready");
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.at(-1)).toBe("ready");
  test.info().annotations.push({ type: "job states seen", description: seen.join(", ") });
  await expect(job).toContainText(`Analysis of ${words.toLocaleString("en-US")} words ready.`);
  if (!pictured) {
    await job.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotsDir, "long-document-progress.png") });
  }
  await expectNoA11yViolationsBesideHeatMap(page, "editor with a finished long-document job");

  // The status endpoint answers for the writer's own analyses only.
  const open = job.getByRole("link", { name: "Open the analysis" });
  const href = (await open.getAttribute("href")) ?? "";
  const analysisId = href.split("/").pop() ?? "";
  const own = await page.request.get(`/api/v1/analyses/${analysisId}/status`);
  expect(own.status()).toBe(200);
  expect(await own.json()).toEqual({ id: analysisId, status: "ready", progress: 1, error: null, wordCount: words });
  const missing = await page.request.get(`/api/v1/analyses/${randomUUID()}/status`);
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");

  // History lists it with its verdict and reopens it exactly as stored.
  await page.goto("/history");
  const row = page.getByTestId("history-row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(words.toLocaleString("en-US"));
  await expect(row.locator("td[data-status]")).toHaveAttribute("data-status", "ready");
  await expectNoA11yViolationsBesideHeatMap(page, "history with a long document");
  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/history/${analysisId}$`));
  await expect(page.getByTestId("saved-verdict")).toContainText(/Verdict: (human|ai|mixed|uncertain)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator("p").filter({ hasText: "engine" })).toContainText(`${words.toLocaleString("en-US")} words`);
  const json = await page.request.get(`/api/v1/analyses/${analysisId}/export?format=json`);
  expect(json.status()).toBe(200);
  expect(((await json.json()) as { result: { words: number } }).result.words).toBe(words);
  await expectNoA11yViolationsBesideHeatMap(page, "reopened long-document analysis");
});

test("another writer cannot see the job's status, the analysis or its export", async ({ browser, page }) => {
  test.setTimeout(180_000);
  // A second writer signs up on `page`; the first signs in again in a context of their own to read the analysis id.
  await signUpAndIn(page, stranger);
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, writer, "/history", owner.getByTestId("history-row"));
  const href = (await owner.getByTestId("history-row").filter({ hasText: title }).getByRole("link", { name: title }).getAttribute("href")) ?? "";
  const analysisId = href.split("/").pop() ?? "";
  expect(analysisId).toMatch(/^[0-9a-f-]{36}$/);
  expect((await owner.request.get(`/api/v1/analyses/${analysisId}/status`)).status()).toBe(200);
  await ownerContext.close();

  for (const url of [`/api/v1/analyses/${analysisId}/status`, `/api/v1/analyses/${analysisId}`, `/api/v1/analyses/${analysisId}/export?format=json`]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  }
});
