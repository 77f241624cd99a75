import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/metrics";
import { GET } from "./route";

describe("GET /metrics", () => {
  it("serves the registry as Prometheus text, requests labelled by route pattern", async () => {
    metrics.httpRequestsTotal.inc({ method: "GET", route: "/api/v1/analyses/[id]", status: "200" });
    metrics.httpRequestDuration.observe({ method: "GET", route: "/api/v1/analyses/[id]", status: "200" }, 0.042);

    const response = await GET(new Request("http://penprint.test/metrics"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(metrics.registry.contentType);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toContain("# TYPE http_requests_total counter");
    expect(text).toContain('http_requests_total{method="GET",route="/api/v1/analyses/[id]",status="200"} 1');
    expect(text).toContain('http_request_duration_seconds_bucket{le="0.05",method="GET",route="/api/v1/analyses/[id]",status="200"} 1');
    // Default process metrics are part of the same registry.
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_heap_size_used_bytes");
  });
});
