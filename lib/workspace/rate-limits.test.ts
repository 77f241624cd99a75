import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createRateLimiter } from "@/lib/rate-limiter-factory";
import { enforceWorkspaceLimit } from "./rate-limits";

describe("enforceWorkspaceLimit", () => {
  it("allows the points of the window per writer, then answers 429 with a wait", async () => {
    const limiter = createRateLimiter({ keyPrefix: `test:${Math.random()}`, points: 2, durationSeconds: 60 }, null);
    await enforceWorkspaceLimit({ action: "upload", userId: "a", limiter });
    await enforceWorkspaceLimit({ action: "upload", userId: "a", limiter });
    const error = await enforceWorkspaceLimit({ action: "upload", userId: "a", limiter }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited" });
    expect((error as AppError).retryAfterSeconds).toBeGreaterThan(50);
    // another writer has their own budget
    await expect(enforceWorkspaceLimit({ action: "upload", userId: "b", limiter })).resolves.toBeUndefined();
  });
});
