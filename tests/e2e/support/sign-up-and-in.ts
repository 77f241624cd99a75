import type { Locator, Page } from "@playwright/test";
import { linkFromMail } from "../accounts/console-mailbox";
import { expect } from "../fixtures";

/**
 * Signs a new writer up, verifies the address by the link in the console mailbox, and signs in
 * (`signIn`, which waits out the shared sign-in rate limit; CI runs one worker).
 */
export async function signUpAndIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto("/sign-up");
  await page.getByTestId("sign-up-form-email").fill(who.email);
  await page.getByTestId("sign-up-form-password").fill(who.password);
  await page.getByTestId("sign-up-form-submit").click();
  await expect(page.getByTestId("sign-up-form-success")).toBeVisible();
  const verify = await linkFromMail({ to: who.email, subject: /Verify/, pathname: "/verify-email" });
  await page.goto(verify.pathname + verify.search);
  await page.getByTestId("verify-email-form-submit").click();
  await expect(page.getByTestId("verify-email-form-success")).toContainText("confirmed");
  await signIn(page, who, "/dashboard", page.getByTestId("signed-in-as"));
  await expect(page.getByTestId("signed-in-as")).toContainText(who.email);
}

/**
 * Signs an existing writer in and waits for `landed` on `callbackUrl`. Sign-ins from 127.0.0.1
 * share a 5-a-minute budget across specs: a rate-limited attempt is retried every 15 s until the
 * minute is over; any other refusal fails at once.
 */
export async function signIn(page: Page, who: { email: string; password: string }, callbackUrl: string, landed: Locator): Promise<void> {
  await expect(async () => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByTestId("sign-in-form-email").fill(who.email);
    await page.getByTestId("sign-in-form-password").fill(who.password);
    await page.getByTestId("sign-in-form-submit").click();
    await expect(landed.or(page.getByTestId("sign-in-form-error"))).toBeVisible();
    await expect(page.locator('[data-testid="sign-in-form-error"][data-code="rate_limited"]')).toHaveCount(0, { timeout: 1 });
  }).toPass({ intervals: [15_000], timeout: 90_000 });
}
