import { expect, type Locator, type Page } from "@playwright/test";

/** The editor's "Rewrite in my voice" panel, as the spec drives it. */
export class RewritePanelPage {
  readonly panel: Locator;
  readonly start: Locator;
  readonly run: Locator;
  readonly status: Locator;
  readonly diff: Locator;
  readonly changes: Locator;
  readonly error: Locator;
  readonly textarea: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("rewrite-panel");
    this.start = page.getByTestId("rewrite-start");
    this.run = page.getByTestId("rewrite-run");
    this.status = page.getByTestId("rewrite-status");
    this.diff = page.getByTestId("rewrite-diff");
    this.changes = page.getByTestId("rewrite-change");
    this.error = page.getByTestId("rewrite-error");
    this.textarea = page.getByTestId("editor-text");
  }

  async open(text: string): Promise<void> {
    await this.page.goto("/editor");
    await expect(this.page).toHaveTitle(/Editor/);
    await this.textarea.fill(text);
    await expect(this.textarea).toHaveValue(text);
    // The panel asks once on load whether Ollama answers; a scenario switched before that answer would change it.
    await expect(this.panel).toHaveAttribute("data-models", /^(ready|unreachable|unknown)$/);
  }

  /** Selects a passage of the editor's text the way a pointer drag would leave it. */
  async select(passage: string): Promise<void> {
    await this.textarea.evaluate((el: HTMLTextAreaElement, p) => {
      const at = el.value.indexOf(p);
      if (at < 0) throw new Error("passage not in the text");
      el.focus();
      el.setSelectionRange(at, at + p.length);
    }, passage);
  }

  /** Length of the rewrite shown so far: the diff without what was taken out or not yet reached. */
  rewrittenLength(): Promise<number> {
    return this.diff.evaluate((el) => {
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('del, [data-testid="rewrite-ahead"], [aria-hidden="true"]').forEach((n) => n.remove());
      return (clone.textContent ?? "").length;
    });
  }

  /**
   * Records, in the page, every length the streamed rewrite passes through (a MutationObserver on
   * the panel), so the spec can prove it grew step by step rather than arriving at once.
   */
  async recordGrowth(): Promise<void> {
    await this.page.evaluate(() => {
      const lengths: number[] = [];
      (window as unknown as { rewriteLengths: number[] }).rewriteLengths = lengths;
      const measure = () => {
        const diff = document.querySelector('[data-testid="rewrite-run"][data-phase="streaming"] [data-testid="rewrite-diff"]');
        if (!diff) return;
        const clone = diff.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('del, [data-testid="rewrite-ahead"], [aria-hidden="true"]').forEach((n) => n.remove());
        const length = (clone.textContent ?? "").length;
        if (lengths.at(-1) !== length) lengths.push(length);
      };
      new MutationObserver(measure).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  recordedGrowth(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { rewriteLengths: number[] }).rewriteLengths);
  }
}
