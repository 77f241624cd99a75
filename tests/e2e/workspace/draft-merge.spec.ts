import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { buildDocx } from "../../../lib/documents/test-files";
import { EMAIL, ESSAY, FICTION } from "../../../lib/workspace/test-texts";
import { expect, test } from "../fixtures";
import { expectNoA11yViolations } from "../support/a11y";
import { saveScreenshot } from "../support/screenshots";
import { recordSecret, uniqueSecret } from "../support/secrets";
import { signUpAndIn } from "../support/sign-up-and-in";

/**
 * Issue 5, items 2 and 3: the fingerprint chart against human and machine norms, and a draft edited
 * on two devices at once (two browser contexts of one writer). Edits to different paragraphs merge
 * without a word lost; edits to the same sentence open the conflict panel, the writer chooses, and
 * the result is saved. Serial: each step uses the writer and the draft of the one before.
 */
test.describe.configure({ mode: "serial" });

const id = randomBytes(4).toString("hex");
const writer = { email: `merge-${id}@example.org`, password: uniqueSecret("merge-pass") };
const stranger = { email: `merge-other-${id}@example.org`, password: uniqueSecret("merge-other-pass") };
let state: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined;
let draftUrl = "";

const P1 = `The harbour was quiet that morning ${id}. Gulls argued over the nets, and the ferry sat low in the water.`;
const P2 = "Maria counted the crates twice. Nobody had told her the shipment was late, but she could read it in the foreman's face.";
const P3 = "By noon the rain came in from the west. She went home early and wrote the letter she had put off for a month.";
const START = [P1, P2, P3].join("\n\n");
const P1_A = `${P1} A dog slept on the warm boards of the jetty.`;
const P3_B = P3.replace("She went home early", "She walked home early, soaked through,");
const MERGED = [P1_A, P2, P3_B].join("\n\n");

/** Writing sent by the test is recorded, so the log scan can prove it never reaches the logs. */
function recordWriting(text: string): string {
  for (const line of text.split(/\r?\n/)) if (line.trim().length >= 8) recordSecret(line.trim());
  return text;
}
[START, P1_A, P3_B].forEach(recordWriting);

let dir: string | undefined;
function writeFile(name: string, content: string | Uint8Array): string {
  dir ??= mkdtempSync(path.join(os.tmpdir(), "penprint-draft-merge-"));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}
test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A second device: a new browser context with the writer's session. */
async function device(browser: Browser): Promise<Page> {
  expect(state, "the first test signs the writer up and in").toBeDefined();
  const context = await browser.newContext({ storageState: state });
  return context.newPage();
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved", { timeout: 15_000 });
}

test("sign up and in", async ({ page }) => {
  test.setTimeout(150_000);
  await signUpAndIn(page, writer);
  state = await page.context().storageState();
});

test("fingerprint chart: the writer against human and machine norms, with a text equivalent", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await device(browser);
  const files = [
    { register: "essay", file: writeFile("essay.txt", recordWriting(ESSAY)) },
    { register: "email", file: writeFile("email.md", `# A note to Priya\n\n${recordWriting(EMAIL)}\n`) },
    { register: "fiction", file: writeFile("story.docx", await buildDocx(recordWriting(FICTION).split(/\n\n+/))) },
  ];
  await page.goto("/samples");
  await page.getByTestId("sample-file").waitFor();
  for (const [i, { register, file }] of files.entries()) {
    await page.getByTestId("sample-register").selectOption(register);
    await page.getByTestId("sample-file").setInputFiles(file);
    await page.getByTestId("sample-submit").click();
    await expect(page.getByTestId("sample-item")).toHaveCount(i + 1);
  }
  await page.goto("/fingerprint");
  await expect(page.getByTestId("fingerprint-rebuilding")).toBeHidden({ timeout: 60_000 });
  const chart = page.getByTestId("feature-chart");
  await expect(chart).toBeVisible();
  // Three marks per feature row; the legend names each by its shape.
  const rows = chart.locator("g[data-feature]");
  await expect(rows).toHaveCount(8);
  await expect(rows.first().locator("circle")).toHaveCount(1);
  await expect(rows.first().locator("rect")).toHaveCount(2);
  await expect(chart).toContainText("Middle half of machine text");
  // No label is cut: every row's label is the feature's whole description, over as many lines as it needs.
  const sentences = page.getByTestId("feature-chart-text").locator("li");
  await expect(sentences).toHaveCount(8);
  await expect(sentences.first()).toContainText(/% of human writing|typical of human writing/);
  await expect(sentences.first()).toContainText(/Machine text usually sits at .+; yours is (above|below|within) (that range|it)\./);
  for (const row of await rows.all()) {
    const label = (await row.locator("text").first().textContent()) ?? "";
    const feature = await row.getAttribute("data-feature");
    expect(label.length, `label of ${feature}`).toBeGreaterThan(5);
    const box = await row.locator("text").first().boundingBox();
    const svg = await chart.boundingBox();
    expect(box && svg && box.x + box.width <= svg.x + svg.width * (262 / 720), `label of ${feature} stays in its column`).toBe(true);
  }
  await expectNoA11yViolations(page, "fingerprint with norms (light)");
  await saveScreenshot(page, "fingerprint-norms");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoA11yViolations(page, "fingerprint with norms (dark)");
  await saveScreenshot(page, "fingerprint-norms-dark");
  await page.context().close();
});

test("two devices edit different paragraphs: both end with the merged text", async ({ browser }) => {
  test.setTimeout(90_000);
  const a = await device(browser);
  await a.goto("/editor");
  await a.getByTestId("editor-title").fill(`Harbour ${id}`);
  await a.getByTestId("editor-text").fill(START);
  await saved(a);
  await expect(a).toHaveURL(/\/editor\?draft=[0-9a-f-]{36}$/);
  draftUrl = new URL(a.url()).pathname + new URL(a.url()).search;

  const b = await device(browser);
  await b.goto(draftUrl);
  await expect(b.getByTestId("editor-text")).toHaveValue(START);

  // Device A changes the first paragraph and saves; device B, still on the old version, changes the third.
  await a.getByTestId("editor-text").fill([P1_A, P2, P3].join("\n\n"));
  await saved(a);
  await b.getByTestId("editor-text").fill([P1, P2, P3_B].join("\n\n"));
  // B's save is refused as stale, merged with A's, and the merge saved: B shows both edits and says so.
  await expect(b.getByTestId("autosave-merged")).toHaveText("Merged changes made on another device.");
  await expect(b.getByTestId("editor-text")).toHaveValue(MERGED);
  // The caret stays with the words it was next to: at the end, where B stopped typing.
  expect(await b.getByTestId("editor-text").evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([MERGED.length, MERGED.length]);
  await saved(b);
  await expect(b.getByTestId("conflict-panel")).toHaveCount(0);

  for (const page of [a, b]) {
    await page.reload();
    await expect(page.getByTestId("editor-text")).toHaveValue(MERGED);
    await expect(page.getByTestId("editor-title")).toHaveValue(`Harbour ${id}`);
  }
  await a.context().close();
  await b.context().close();
});

test("two devices change the same sentence: the conflict panel shows both, the writer chooses, the result is saved", async ({ browser }) => {
  test.setTimeout(90_000);
  const a = await device(browser);
  const b = await device(browser);
  await a.goto(draftUrl);
  await b.goto(draftUrl);
  await expect(b.getByTestId("editor-text")).toHaveValue(MERGED);

  const mineSentence = "Maria counted every crate twice.";
  const theirsSentence = "Maria checked the crates against the list.";
  const elsewhere = P3_B.replace("By noon", "Around noon");
  recordWriting(mineSentence);
  recordWriting(theirsSentence);
  // A: the sentence one way, plus a title. B: the same sentence another way, a different title, and an unrelated edit.
  await a.getByTestId("editor-title").fill(`Harbour, morning ${id}`);
  await a.getByTestId("editor-text").fill(MERGED.replace("Maria counted the crates twice.", theirsSentence));
  await saved(a);
  await b.getByTestId("editor-title").fill(`Harbour, rain ${id}`);
  const mineText = MERGED.replace("Maria counted the crates twice.", mineSentence).replace(P3_B, elsewhere);
  await b.getByTestId("editor-text").fill(mineText);

  const panel = b.getByTestId("conflict-panel");
  await expect(panel).toBeVisible();
  await expect(b.getByTestId("autosave-status")).toHaveAttribute("data-status", "conflict");
  await expect(panel).toContainText("the title and one place in the text were changed on both");
  const region = b.getByTestId("conflict-region-0");
  await expect(region.locator('[data-side="mine"]')).toContainText(mineSentence);
  await expect(region.locator('[data-side="theirs"]')).toContainText(theirsSentence);
  await expect(b.getByTestId("conflict-title")).toContainText(`Harbour, rain ${id}`);
  await expect(b.getByTestId("conflict-title")).toContainText(`Harbour, morning ${id}`);
  await expect(b.getByTestId("conflict-region-1")).toHaveCount(0);
  // Nothing is lost meanwhile: the field cannot drift from the panel, and this device's side is in localStorage.
  await expect(b.getByTestId("editor-text")).toHaveJSProperty("readOnly", true);
  const kept = await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("penprint:draft-conflict:")).map((k) => localStorage.getItem(k) ?? ""));
  expect(kept).toHaveLength(1);
  expect(kept[0]).toContain(mineSentence);
  await expectNoA11yViolations(b, "editor with the conflict panel");
  await b.emulateMedia({ colorScheme: "dark" });
  await expectNoA11yViolations(b, "editor with the conflict panel (dark)");
  await b.emulateMedia({ colorScheme: "light" });
  // Full-page picture from the top, so the sticky header sits there and not over the panel.
  await b.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(b, "draft-conflict");

  // A reload (or a crash) before choosing loses nothing: this device's side comes back from localStorage
  // and is merged again with the server's draft, so the same choice is offered.
  await b.reload();
  await expect(panel).toBeVisible();
  await expect(b.getByTestId("editor-text")).toHaveValue(mineText);
  await expect(b.getByTestId("editor-title")).toHaveValue(`Harbour, rain ${id}`);
  await expect(region.locator('[data-side="mine"]')).toContainText(mineSentence);
  await expect(region.locator('[data-side="theirs"]')).toContainText(theirsSentence);
  await expect(b.getByTestId("conflict-title")).toContainText(`Harbour, rain ${id}`);

  // Place by place: the other device's sentence, this device's title; the unrelated edit was merged already.
  await region.getByLabel("Keep the other device's version").check();
  await b.getByTestId("conflict-title").getByLabel("Keep this device's title").check();
  await b.getByTestId("resolve-choices").click();
  const resolved = MERGED.replace("Maria counted the crates twice.", theirsSentence).replace(P3_B, elsewhere);
  await expect(panel).toHaveCount(0);
  await expect(b.getByTestId("editor-text")).toHaveValue(resolved);
  await expect(b.getByTestId("editor-title")).toHaveValue(`Harbour, rain ${id}`);
  await saved(b);
  expect(await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("penprint:draft-conflict:")))).toEqual([]);

  await a.reload();
  await expect(a.getByTestId("editor-text")).toHaveValue(resolved);
  await expect(a.getByTestId("editor-title")).toHaveValue(`Harbour, rain ${id}`);
  await a.context().close();
  await b.context().close();
});

test("another writer gets 404 for the draft, reading or saving", async ({ page }) => {
  test.setTimeout(150_000);
  await signUpAndIn(page, stranger);
  const draftId = new URLSearchParams(draftUrl.split("?")[1]).get("draft");
  expect(draftId).toMatch(/^[0-9a-f-]{36}$/);
  const read = await page.request.get(`/api/v1/drafts/${draftId}`);
  expect(read.status()).toBe(404);
  expect((await read.json()).error.code).toBe("not_found");
  const write = await page.request.put(`/api/v1/drafts/${draftId}`, { data: { version: 1, text: "Not yours." } });
  expect(write.status()).toBe(404);
  expect((await write.json()).error.code).toBe("not_found");
});
