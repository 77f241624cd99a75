import { expect, test } from "./fixtures";

test.describe("landing page", () => {
  test("says what Penprint does and offers sign-in and sign-up", async ({ homePage, page }) => {
    await homePage.goto();
    await expect(page).toHaveTitle(/Penprint/);
    await expect(homePage.heading).toHaveText(/machine-written/);

    await expect(homePage.headerSignIn).toHaveAttribute("href", "/sign-in");
    await expect(homePage.headerSignUp).toHaveAttribute("href", "/sign-up");
    await expect(homePage.heroSignIn).toHaveAttribute("href", "/sign-in");
    await expect(homePage.heroSignUp).toHaveAttribute("href", "/sign-up");

    // The three capabilities and the three promises, stated plainly.
    await expect(homePage.capabilities).toHaveCount(3);
    await expect(homePage.principles).toHaveCount(3);
    await expect(page.getByTestId("principle-evidence")).toContainText("Evidence, not verdicts");
    await expect(page.getByTestId("principle-uncertain")).toContainText("uncertain");
    await expect(page.getByTestId("principle-self-hosted")).toContainText("your own server");
    // The example is labelled as an illustration and shows no overall percentage.
    await expect(homePage.example).toContainText("Illustration");
    await expect(homePage.example).not.toContainText("%");
  });

  test("loads nothing from other servers", async ({ page, baseURL }) => {
    const origins = new Set<string>();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.protocol === "http:" || url.protocol === "https:") origins.add(url.origin);
    });
    await page.goto("/");
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState("networkidle");
    expect([...origins]).toEqual([new URL(baseURL ?? "").origin]);
    // The self-hosted fonts really are in use.
    const loaded = await page.evaluate(() =>
      ["Inter Variable", "Source Serif 4 Variable"].map((family) => document.fonts.check(`16px "${family}"`)),
    );
    expect(loaded).toEqual([true, true]);
  });

  test("the skip link is the first stop and moves focus to the main content", async ({ homePage, page }) => {
    await homePage.goto();
    await page.keyboard.press("Tab");
    await expect(homePage.skipLink).toBeFocused();
    await expect(homePage.skipLink).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(homePage.main).toBeFocused();
  });
});

test.describe("accessibility and screenshots", () => {
  test("light theme: no axe violations", async ({ homePage, checkA11y, saveScreenshot, page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await homePage.goto();
    expect(await homePage.renderedScheme()).toBe("light");
    await checkA11y("the home page (light)");
    await saveScreenshot("home-light");
  });

  test("dark theme: no axe violations", async ({ homePage, checkA11y, saveScreenshot, page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await homePage.goto();
    expect(await homePage.renderedScheme()).toBe("dark");
    await checkA11y("the home page (dark)");
    await saveScreenshot("home-dark");
  });

  test("mobile width: fits without sideways scrolling, no axe violations", async ({
    homePage,
    checkA11y,
    saveScreenshot,
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await homePage.goto();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(homePage.headerSignIn).toBeVisible();
    await expect(homePage.headerSignUp).toBeVisible();
    await checkA11y("the home page (375 px wide)");
    await saveScreenshot("home-mobile");
  });
});

test.describe("theme choice", () => {
  test("is remembered and applied before the page's scripts run", async ({ homePage, page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await homePage.goto();
    await expect(homePage.themeToggle).toHaveAttribute("data-theme-choice", "system");

    await homePage.themeToggle.click(); // Auto → Light
    await homePage.themeToggle.click(); // Light → Dark
    await expect(homePage.themeToggle).toHaveAttribute("data-theme-choice", "dark");
    expect(await homePage.renderedScheme()).toBe("dark");

    // With the app's JavaScript bundles blocked, only the inline head script can apply the saved
    // theme: proof that it is in place before first paint (no light flash for a dark-theme reader).
    await page.route("**/_next/static/**/*.js", (route) => route.abort());
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await homePage.renderedScheme()).toBe("dark");
  });
});
