import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { runId, skipNote, testRedisUrl } from "@/tests/helpers/services";
import { createCache, type JsonCache } from "./cache";

// One writer's entries must go when their account goes, and nobody else's.
async function expectPrefixDeletion(cache: JsonCache) {
  await cache.set("user-a:hash1:1", { verdict: "human" }, 60);
  await cache.set("user-a:hash2:1", { verdict: "ai" }, 60);
  await cache.set("user-ab:hash3:1", { verdict: "mixed" }, 60);
  await cache.set("user-b:hash1:1", { verdict: "human" }, 60);
  await cache.deleteByPrefix("user-a:");
  expect(await cache.get("user-a:hash1:1")).toBeUndefined();
  expect(await cache.get("user-a:hash2:1")).toBeUndefined();
  expect(await cache.get("user-ab:hash3:1")).toEqual({ verdict: "mixed" });
  expect(await cache.get("user-b:hash1:1")).toEqual({ verdict: "human" });
}

describe("cache.deleteByPrefix", () => {
  it("deletes only matching entries in the in-process cache", async () => {
    await expectPrefixDeletion(createCache({ redis: null, namespace: `prefix-${runId()}` }));
  });

  describe.runIf(testRedisUrl)(`in Redis${testRedisUrl ? "" : ` (${skipNote("TEST_REDIS_URL")})`}`, () => {
    const redis = new Redis(testRedisUrl ?? "redis://127.0.0.1:6379", { lazyConnect: false });
    afterAll(async () => {
      await redis.quit();
    });

    it("deletes only matching keys, also when the prefix holds glob characters", async () => {
      await redis.ping();
      const cache = createCache({ redis, namespace: `prefix-${runId()}` });
      await expectPrefixDeletion(cache);
      await cache.set("a*:x", 1, 60);
      await cache.set("ab:x", 2, 60);
      await cache.deleteByPrefix("a*");
      expect(await cache.get("a*:x")).toBeUndefined();
      expect(await cache.get("ab:x")).toBe(2);
    });
  });
});
