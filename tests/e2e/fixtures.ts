import { test as base } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { expectNoA11yViolations } from "./support/a11y";
import { saveScreenshot } from "./support/screenshots";

type Fixtures = {
  homePage: HomePage;
  /** Axe on the current page; fails the test on any violation. */
  checkA11y: (context: string) => Promise<void>;
  /** Full-page screenshot into test-results/screenshots/NAME.png. */
  saveScreenshot: (name: string) => Promise<string>;
};

export const test = base.extend<Fixtures>({
  homePage: async ({ page }, use) => {
    await use(new HomePage(page));
  },
  checkA11y: async ({ page }, use) => {
    await use((context) => expectNoA11yViolations(page, context));
  },
  saveScreenshot: async ({ page }, use) => {
    await use((name) => saveScreenshot(page, name));
  },
});

export { expect } from "@playwright/test";
