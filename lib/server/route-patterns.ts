import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Maps a raw request path to the route pattern Next serves it with (`/api/v1/analyses/[id]`), so
 * metrics and logs never use raw paths as labels (unbounded cardinality, ids in labels).
 */
interface ManifestRoute {
  page: string;
  regex: string;
}

export interface RouteMatcher {
  match(pathname: string): string;
}

export function createRouteMatcher(routes: { staticRoutes: ManifestRoute[]; dynamicRoutes: ManifestRoute[] }): RouteMatcher {
  const staticPages = new Map(routes.staticRoutes.map((route) => [route.page, route.page]));
  const dynamic = routes.dynamicRoutes.map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return {
    match(pathname) {
      if (pathname.startsWith("/_next/")) return pathname.startsWith("/_next/static/") ? "/_next/static" : "/_next";
      const clean = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
      const exact = staticPages.get(clean);
      if (exact) return exact;
      for (const route of dynamic) if (route.regex.test(clean)) return route.page;
      return "unmatched";
    },
  };
}

/** Reads the build's routes manifest; without a build (dev), every path is reported as "dev". */
export function loadRouteMatcher(distDir: string): RouteMatcher {
  try {
    const manifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as {
      staticRoutes?: ManifestRoute[];
      dynamicRoutes?: ManifestRoute[];
    };
    return createRouteMatcher({ staticRoutes: manifest.staticRoutes ?? [], dynamicRoutes: manifest.dynamicRoutes ?? [] });
  } catch {
    return { match: (pathname) => (pathname.startsWith("/_next/") ? "/_next" : "dev") };
  }
}
