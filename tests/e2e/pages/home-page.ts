import type { Locator, Page } from "@playwright/test";

/** The landing page, as a visitor who is not signed in sees it. */
export class HomePage {
  readonly heading: Locator;
  readonly headerSignIn: Locator;
  readonly headerSignUp: Locator;
  readonly heroSignIn: Locator;
  readonly heroSignUp: Locator;
  readonly principles: Locator;
  readonly capabilities: Locator;
  readonly example: Locator;
  readonly themeToggle: Locator;
  readonly skipLink: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByTestId("hero-title");
    this.headerSignIn = page.getByTestId("nav-sign-in");
    this.headerSignUp = page.getByTestId("nav-sign-up");
    this.heroSignIn = page.getByTestId("hero-sign-in");
    this.heroSignUp = page.getByTestId("hero-sign-up");
    this.principles = page.getByTestId("principles").getByRole("listitem").filter({ has: page.getByRole("heading") });
    this.capabilities = page.getByTestId("capabilities").getByRole("listitem");
    this.example = page.getByTestId("annotated-example");
    this.themeToggle = page.getByTestId("theme-toggle");
    this.skipLink = page.getByTestId("skip-link");
    this.main = page.locator("main#main");
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await this.heading.waitFor();
  }

  /**
   * The colour scheme the page actually renders with (theme choice and media query applied), read
   * from the page background: the computed `color-scheme` would only echo the declaration.
   */
  async renderedScheme(): Promise<"light" | "dark"> {
    const [r, g, b] = await this.page.evaluate(() =>
      (getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number),
    );
    const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    return luminance < 128 ? "dark" : "light";
  }
}
