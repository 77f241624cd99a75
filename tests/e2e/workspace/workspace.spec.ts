import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { buildDocx } from "../../../lib/documents/test-files";
import { EMAIL, ESSAY, FICTION } from "../../../lib/workspace/test-texts";
import { expect, test } from "../fixtures";
import { expectNoA11yViolations } from "../support/a11y";
import { saveScreenshot } from "../support/screenshots";
import { recordSecret, uniqueSecret } from "../support/secrets";
import { signUpAndIn } from "../support/sign-up-and-in";

/**
 * The writer's workspace end to end (issue 5, item 8), against the production build: one writer
 * signs up once (the sign-in limits are shared by every spec), adds samples of three kinds, sees
 * the fingerprint, writes in the editor, saves, reopens from history and exports every format.
 * Serial: each step builds on the writer's data from the one before.
 */
test.describe.configure({ mode: "serial" });

const id = randomBytes(4).toString("hex");
const writer = { email: `workspace-${id}@example.org`, password: uniqueSecret("workspace-pass") };
const draftTitle = `Harbour notes ${id}`;
const typed = ` The ferry was late again, so I sat on the wall and counted gulls until the count ${id} stopped making sense.`;
let state: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>> | undefined;

/** Writing sent by the test is recorded line by line, so the log scan can prove it never reaches the logs. */
function recordWriting(text: string): string {
  for (const line of text.split(/\r?\n/)) if (line.trim().length >= 8) recordSecret(line.trim());
  return text;
}

// Made on first use: the runner loads this file too, only to list the tests, and must leave nothing behind.
let dir: string | undefined;
function writeFile(name: string, content: string | Uint8Array): string {
  dir ??= mkdtempSync(path.join(os.tmpdir(), "penprint-workspace-"));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signedInPage(browser: import("@playwright/test").Browser): Promise<Page> {
  expect(state, "the first test signs the writer up and in").toBeDefined();
  const context = await browser.newContext({ storageState: state });
  return context.newPage();
}

test("sign up, verify, sign in: the dashboard teaches the first steps", async ({ page, checkA11y }) => {
  test.setTimeout(150_000);
  await signUpAndIn(page, writer);
  await expect(page).toHaveTitle(/Dashboard/);
  // The header leads a signed-in writer to the workspace, not to "Sign in / Create account".
  await expect(page.getByTestId("nav-editor")).toHaveAttribute("href", "/editor");
  await expect(page.getByTestId("nav-sign-in")).toHaveCount(0);

  const empty = page.getByTestId("dashboard-empty");
  await expect(empty).toBeVisible();
  await expect(empty.getByRole("link", { name: "Add samples" })).toHaveAttribute("href", "/samples");
  await expect(empty.getByRole("link", { name: "Open the editor" })).toHaveAttribute("href", "/editor");
  await expect(empty.getByRole("link", { name: "See your history" })).toHaveAttribute("href", "/history");
  for (const count of ["samples", "words", "analyses", "drafts"]) await expect(page.getByTestId(`dashboard-count-${count}-value`)).toHaveText("0");
  await expect(page.getByTestId("settings-link")).toBeVisible();
  await expect(page.getByTestId("sign-out")).toBeVisible();
  await checkA11y("dashboard (new writer)");
  await saveScreenshot(page, "workspace-dashboard-empty");
  state = await page.context().storageState();
});

test("samples of three kinds (.txt, .md, .docx) → the fingerprint is ready", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser);
  const files = [
    { register: "essay", file: writeFile("essay.txt", recordWriting(ESSAY)) },
    { register: "email", file: writeFile("email.md", `# A note to Priya\n\n${recordWriting(EMAIL)}\n`) },
    { register: "fiction", file: writeFile("story.docx", await buildDocx(recordWriting(FICTION).split(/\n\n+/))) },
  ];

  await page.goto("/samples");
  await expect(page.getByTestId("samples-empty")).toBeVisible();
  await page.getByTestId("sample-file").waitFor();
  for (const [i, { register, file }] of files.entries()) {
    await page.getByTestId("sample-register").selectOption(register);
    await page.getByTestId("sample-file").setInputFiles(file);
    await page.getByTestId("sample-submit").click();
    await expect(page.getByTestId("sample-status")).toContainText("Added 1 sample");
    await expect(page.getByTestId("sample-item")).toHaveCount(i + 1);
  }
  await expect(page).toHaveTitle(/samples/i);
  await expectNoA11yViolations(page, "samples");

  await page.goto("/fingerprint");
  // The rebuild runs in-process; the page polls its progress and refreshes once it is done.
  await expect(page.getByTestId("fingerprint-rebuilding")).toBeHidden({ timeout: 60_000 });
  for (const scope of ["overall", "essay", "email", "fiction"]) {
    await expect(page.getByTestId(`fingerprint-${scope}`)).toContainText(/confidence \(\d+ %\)/);
  }
  await expect(page.getByTestId("fingerprint-overall")).toContainText("3 samples");
  await expectNoA11yViolations(page, "fingerprint");
  await saveScreenshot(page, "workspace-fingerprint");
  await page.context().close();
});

test("editor: open a file, type, heat map with reasons by hover and keyboard, draft survives a reload, save", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser);
  const opened = recordWriting(
    `I wrote this on the harbour steps while the rain held off ${id}. Nobody was about except a man mending a net, and he nodded at me as if we had agreed on something. The boats knocked together in the swell, a sound like a slow clock.`,
  );
  recordWriting(typed);
  recordSecret(draftTitle);

  await page.goto("/editor");
  await expect(page).toHaveTitle(/Editor/);
  await page.getByTestId("editor-title").fill(draftTitle);
  await page.getByTestId("editor-file").setInputFiles(writeFile("harbour.md", opened));
  const textarea = page.getByTestId("editor-text");
  await expect(textarea).toHaveValue(/harbour steps/);
  await textarea.press("End");
  await textarea.pressSequentially(typed);
  await expect(textarea).toHaveValue(new RegExp(`count ${id} stopped making sense\\.$`));

  // The heat map follows the typing: every sentence gets a band, the last one is the one just typed.
  // Sentences that read as human stay plain; the others are tinted and underlined (colour is never alone).
  const sentences = page.getByTestId("heat-sentence");
  await expect(sentences.last()).toContainText(`count ${id} stopped making sense.`);
  await expect(sentences).toHaveCount(4);
  for (const sentence of await sentences.all()) {
    const band = await sentence.getAttribute("data-band");
    expect(band).toMatch(/^(low|medium|high)$/);
    const look = await sentence.evaluate((el) => {
      const style = getComputedStyle(el);
      return { tint: style.backgroundColor, line: style.textDecorationLine };
    });
    const plain = /^rgba\(0, 0, 0, 0\)$|^transparent$/.test(look.tint);
    expect(plain, `a ${band} sentence is ${band === "low" ? "plain" : "tinted"}`).toBe(band === "low");
    expect(look.line.includes("underline"), `a ${band} sentence is ${band === "low" ? "not " : ""}underlined`).toBe(band !== "low");
  }
  await expect(page.getByTestId("editor-verdict")).toBeVisible();

  const reasons = page.getByTestId("sentence-reasons");
  await expect(reasons).toContainText("Hover over a sentence");
  await sentences.nth(1).hover();
  await expect(reasons).toContainText(/Sentence 2: \d+ % machine-like/);
  await expect(reasons).toBeVisible();

  // Keyboard only: Tab from the save button until a sentence has focus; its reasons appear.
  await page.getByTestId("save-analysis").focus();
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "heat-sentence")) break;
    await page.keyboard.press("Tab");
  }
  const focused = page.locator('[data-testid="heat-sentence"]:focus');
  await expect(focused).toHaveCount(1);
  const label = (await focused.getAttribute("aria-label")) ?? "";
  const number = label.match(/^Sentence (\d+)/)?.[1];
  expect(number, "a focused sentence names its number").toBeDefined();
  await expect(reasons).toContainText(new RegExp(`Sentence ${number}: \\d+ % machine-like`));
  await expect(focused).toHaveAttribute("aria-describedby", /.+/);
  await expectNoA11yViolations(page, "editor");
  // Focusing the sentence scrolled the page; the full-page picture is taken from the top so the sticky header sits there.
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, "workspace-editor");

  // The draft autosaves to the server and comes back after a reload.
  await expect(page.getByTestId("autosave-status")).toHaveAttribute("data-status", "saved");
  await page.reload();
  await expect(page.getByTestId("editor-text")).toHaveValue(new RegExp(`count ${id} stopped making sense\\.$`));
  await expect(page.getByTestId("editor-title")).toHaveValue(draftTitle);

  await page.getByTestId("save-analysis").click();
  await expect(page.getByTestId("editor-notice")).toContainText("Analysis saved.");
  await page.context().close();
});

test("history lists the analysis, reopens it and exports JSON, CSV, Markdown and HTML", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await signedInPage(browser);

  await page.goto("/history");
  const row = page.getByTestId("history-row").filter({ hasText: draftTitle });
  await expect(row).toHaveCount(1);
  await expectNoA11yViolations(page, "history");
  await saveScreenshot(page, "workspace-history");

  await row.getByRole("link", { name: draftTitle }).click();
  await expect(page).toHaveURL(/\/history\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("saved-verdict")).toBeVisible();
  await expect(page.getByTestId("heat-sentence").last()).toContainText(`count ${id} stopped making sense.`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(draftTitle);
  // After a client-side navigation the title streams in with the page's metadata: wait for it before axe.
  await expect(page).toHaveTitle(/Saved analysis/);
  await expectNoA11yViolations(page, "saved analysis");
  await saveScreenshot(page, "workspace-history-analysis");

  const expected = {
    json: { type: "application/json", ext: ".json" },
    csv: { type: "text/csv", ext: ".csv" },
    md: { type: "text/markdown", ext: ".md" },
    html: { type: "text/html", ext: ".html" },
  } as const;
  for (const [format, { type, ext }] of Object.entries(expected)) {
    const link = page.getByTestId(`export-${format}`);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\${ext}$`));
    const body = readFileSync(await download.path(), "utf8");
    const response = await page.request.get((await link.getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
    expect(response.headers()["content-disposition"]).toContain("attachment");
    if (format === "json") {
      const parsed = JSON.parse(body) as { title?: string; text?: string; engineVersion?: string };
      expect(parsed.title).toBe(draftTitle);
      expect(parsed.text).toContain(`count ${id} stopped making sense.`);
      expect(parsed.engineVersion).toBeTruthy();
    } else if (format === "csv") {
      const lines = body.trimEnd().split("\r\n");
      expect(lines[0]).toBe("sentence,start,end,ai_probability,reasons,text");
      expect(lines).toHaveLength(5);
      expect(lines[1]).toMatch(/^1,0,\d+,0\.\d{4}|^1,0,\d+,1\.0000/);
    } else if (format === "md") {
      expect(body).toMatch(/^# /m);
      expect(body).toContain(draftTitle);
    } else {
      expect(body).toMatch(/^<!doctype html>/i);
      expect(body).toContain(draftTitle);
    }
  }
  await page.context().close();
});

test("the dashboard shows the writer's work: counts, recent analyses and drafts, confidence per register", async ({ browser }) => {
  const page = await signedInPage(browser);
  await page.goto("/dashboard");
  await expect(page.getByTestId("dashboard-empty")).toHaveCount(0);
  await expect(page.getByTestId("dashboard-count-samples-value")).toHaveText("3");
  await expect(page.getByTestId("dashboard-count-analyses-value")).toHaveText("1");
  await expect(page.getByTestId("dashboard-count-drafts-value")).toHaveText("1");
  const words = Number((await page.getByTestId("dashboard-count-words-value").textContent())?.replace(/,/g, ""));
  expect(words).toBeGreaterThan(100);
  await expect(page.getByTestId("dashboard-analysis").getByRole("link", { name: draftTitle })).toHaveAttribute("href", /^\/history\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("dashboard-draft").getByRole("link", { name: draftTitle })).toHaveAttribute("href", /^\/editor\?draft=[0-9a-f-]{36}$/);
  for (const scope of ["overall", "essay", "email", "fiction"]) {
    await expect(page.getByTestId(`dashboard-fingerprint-${scope}`)).toContainText(/confidence \(\d+ %\)/);
  }
  // Reopening the draft from the dashboard brings back its text.
  await expectNoA11yViolations(page, "dashboard");
  await saveScreenshot(page, "workspace-dashboard");
  await page.getByTestId("dashboard-draft").getByRole("link", { name: draftTitle }).click();
  await expect(page.getByTestId("editor-text")).toHaveValue(new RegExp(`count ${id} stopped making sense\\.$`));
  await page.context().close();
});
