import { expect, test } from "@playwright/test";
import { uniqueSecret } from "./support/secrets";

// These requests carry a password, a token and a piece of writing in the places a careless server
// would log them: query strings, headers, cookies and bodies. The assertions about the logs are made
// by the log scan after the suite (tests/e2e/log-scan), which reads everything the server wrote.
test.describe("secrets sent to the server", () => {
  test("are accepted in URLs, headers, cookies and bodies without errors", async ({ request }) => {
    const token = uniqueSecret("token");
    const password = uniqueSecret("password");
    const writing = uniqueSecret("The winter my grandmother moved in I kept a notebook");

    const page = await request.get(`/?token=${token}&password=${encodeURIComponent(password)}`, {
      headers: { authorization: `Bearer ${token}`, cookie: `authjs.session-token=${token}` },
    });
    expect(page.status()).toBe(200);

    const missing = await request.get(`/no-such-page/${token}?text=${encodeURIComponent(writing)}`);
    expect(missing.status()).toBe(404);

    // A state-changing request: logged and audited by route pattern, never with its body.
    const posted = await request.post("/", {
      form: { email: "e2e-writer@example.org", password, text: writing },
      headers: { "x-request-id": "e2e-privacy-probe" },
    });
    expect(posted.status()).toBeLessThan(500);
  });
});
