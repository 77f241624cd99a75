import { describe, expect, it } from "vitest";
import { createRouteMatcher } from "./route-patterns";

// Shapes copied from a real `.next/routes-manifest.json`.
const matcher = createRouteMatcher({
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/health", regex: "^/health(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/api/v1/analyses/[id]", regex: "^/api/v1/analyses/([^/]+?)(?:/)?$" },
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
  ],
});

describe("route matcher", () => {
  it("labels static routes by their path", () => {
    expect(matcher.match("/")).toBe("/");
    expect(matcher.match("/health")).toBe("/health");
    expect(matcher.match("/health/")).toBe("/health");
  });

  it("labels dynamic routes by pattern, never by raw path", () => {
    expect(matcher.match("/api/v1/analyses/3f1c9a")).toBe("/api/v1/analyses/[id]");
    expect(matcher.match("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
  });

  it("folds build assets and unknown paths into a few labels", () => {
    expect(matcher.match("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(matcher.match("/_next/image")).toBe("/_next");
    expect(matcher.match("/wp-admin/setup.php")).toBe("unmatched");
  });
});
