import { randomBytes } from "node:crypto";
import { createServer } from "node:net";

/** Integration targets from the environment; each suite skips, with this reason in its name, when unset. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
export const testRedisUrl = process.env.TEST_REDIS_URL?.trim() || undefined;

export function skipNote(variable: "TEST_DATABASE_URL" | "TEST_REDIS_URL"): string {
  const set = variable === "TEST_DATABASE_URL" ? testDatabaseUrl : testRedisUrl;
  return set ? "" : ` (skipped: ${variable} is not set)`;
}

/** A short random suffix, so concurrent runs (other helpers, CI) never share keys or databases. */
export function runId(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
}

/** A local port with nothing listening on it: bound, then released. */
export async function closedLocalPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
