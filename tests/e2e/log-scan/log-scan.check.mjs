// The last step of `npm test` (run with `node --test`, after the server has stopped): no password,
// token or piece of writing the suite used may appear in any log it captured. Browser tests record
// what they send in test-results/secrets-used.txt (tests/e2e/support/secrets.ts); servers started by
// tests write their output to test-results/*.log (the Playwright web server: server.log).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { findLeaks, mask } from "./find-leaks.mjs";

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "test-results");
const secretsFile = path.join(resultsDir, "secrets-used.txt");
const serverLog = path.join(resultsDir, "server.log");

function logFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return logFiles(full);
    return entry.endsWith(".log") ? [full] : [];
  });
}

describe("findLeaks (the scanner itself)", () => {
  const secret = "password-0123456789abcdef";

  test("finds a secret written as is, URL-encoded or JSON-escaped", () => {
    const spaced = 'writing with "quotes" and spaces';
    const logs = [
      { name: "a.log", text: `{"msg":"login","password":"${secret}"}` },
      { name: "b.log", text: `GET /x?q=${encodeURIComponent(spaced)}` },
      { name: "c.log", text: `{"body":${JSON.stringify(spaced)}}` },
      { name: "d.log", text: "nothing here" },
    ];
    const leaks = findLeaks({ secrets: [secret, spaced], logs });
    assert.deepEqual(
      leaks.map((leak) => leak.log),
      ["a.log", "b.log", "c.log"],
    );
  });

  test("allows a token only inside the console mail link", () => {
    const token = "token-fedcba9876543210";
    const mailLine = `Mail to writer: open http://localhost:3000/verify-email?token=${token} to confirm`;
    const resetLine = `{"msg":"console mail","link":"http://127.0.0.1/reset-password?token=${token}"}`;
    assert.deepEqual(findLeaks({ secrets: [token], logs: [{ name: "s.log", text: `${mailLine}\n${resetLine}` }] }), []);

    const outside = `${mailLine} (token was ${token})`;
    assert.equal(findLeaks({ secrets: [token], logs: [{ name: "s.log", text: outside }] }).length, 1);
    const otherPath = `GET /sign-in?token=${token}`;
    assert.equal(findLeaks({ secrets: [token], logs: [{ name: "s.log", text: otherPath }] }).length, 1);
  });

  test("a password on the same line as a mail link is still a leak", () => {
    const line = `verify at /verify-email?token=abcdef123456 for ${secret}`;
    assert.deepEqual(findLeaks({ secrets: [secret], logs: [{ name: "s.log", text: line }] }), [
      { log: "s.log", line: 1, secret },
    ]);
  });
});

describe("logs of this test run", () => {
  test("the suite recorded the secrets it used and the server wrote its log", () => {
    assert.ok(existsSync(secretsFile), `${secretsFile} is missing: did the browser tests run?`);
    assert.ok(existsSync(serverLog), `${serverLog} is missing: did the browser tests start the server?`);
    assert.ok(readFileSync(serverLog, "utf8").includes('"route"'), "server.log holds no request log lines");
  });

  test("no password, token or writing the suite used appears in any captured log", () => {
    const secrets = [...new Set(readFileSync(secretsFile, "utf8").split("\n").filter((line) => line.length > 0))];
    assert.ok(secrets.length > 0, "no secrets were recorded; the scan would prove nothing");
    const short = secrets.filter((secret) => secret.length < 8);
    assert.deepEqual(short.map(mask), [], "recorded secrets must be at least 8 characters");

    const logs = logFiles(resultsDir).map((file) => ({
      name: path.relative(resultsDir, file),
      text: readFileSync(file, "utf8"),
    }));
    const leaks = findLeaks({ secrets, logs });
    const report = leaks.map((leak) => `${leak.log}:${leak.line} contains ${mask(leak.secret)}`);
    assert.deepEqual(report, [], `secrets found in logs (${logs.length} files scanned)`);
  });
});
