import { expect, test } from "@playwright/test";

test.describe("operations endpoints", () => {
  test("/health answers JSON with an overall status and the database up", async ({ request }) => {
    const response = await request.get("/health");
    expect(response.headers()["content-type"]).toContain("application/json");
    const body: unknown = await response.json();
    expect(body).toMatchObject({ status: expect.stringMatching(/^(ok|degraded)$/) });
    expect(body).toMatchObject({ components: { database: { status: "ok" } } });
    expect(response.status()).toBe(200);
  });

  test("/ready answers 200 once migrations ran", async ({ request }) => {
    const response = await request.get("/ready");
    expect(response.status()).toBe(200);
  });
});
