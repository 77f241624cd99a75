import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe on the page as it is now (all default rules: WCAG 2.x A/AA and best practices) and fails
 * with a readable list of violations — rule, impact, and the offending elements.
 */
export async function expectNoA11yViolations(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const report = results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`.trim());
    return `${violation.id} (${violation.impact ?? "n/a"}): ${violation.help}\n    ${targets.join("\n    ")}`;
  });
  expect(report, `axe violations on ${context}`).toEqual([]);
}
