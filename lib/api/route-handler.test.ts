import { describe, expect, it } from "vitest";
import { z } from "zod";
import { conflict, rateLimited } from "@/lib/errors";
import { requestContextStorage } from "@/lib/server/request-context";
import { route } from "./route-handler";

const noParams = { params: Promise.resolve({}) };

function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }): Request {
  return new Request("http://penprint.test/api/v1/samples", { method: "POST", body, headers });
}

const createSample = route(
  { body: z.object({ title: z.string().min(1, { message: "Give it a title." }), words: z.number().int().positive() }), maxBodyBytes: 200 },
  ({ body }) => Response.json({ created: body.title, words: body.words }, { status: 201 }),
);

async function errorOf(response: Response): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  return ((await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
}

describe("route()", () => {
  it("passes the parsed body to the handler", async () => {
    const response = await createSample(post(JSON.stringify({ title: "Essay", words: 812, extra: true })), noParams);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ created: "Essay", words: 812 });
  });

  it("answers 422 with field messages for an invalid body", async () => {
    const response = await createSample(post(JSON.stringify({ title: "", words: -3 })), noParams);
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_input");
    expect(error.fields?.title).toBe("Give it a title.");
    expect(error.fields?.words).toMatch(/>0|positive|greater/i);
  });

  it("answers 415 when the body is not declared as JSON", async () => {
    const response = await createSample(post("title=x", { "content-type": "application/x-www-form-urlencoded" }), noParams);
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe("unsupported_media_type");
  });

  it("accepts JSON media types with parameters and suffixes", async () => {
    const response = await createSample(
      post(JSON.stringify({ title: "A", words: 1 }), { "content-type": "application/merge-patch+json; charset=utf-8" }),
      noParams,
    );
    expect(response.status).toBe(201);
  });

  it("answers 400 for malformed or empty JSON", async () => {
    const malformed = await createSample(post("{title:"), noParams);
    expect(malformed.status).toBe(400);
    expect(await errorOf(malformed)).toEqual({ code: "malformed_json", message: "The request body is not valid JSON." });
    const empty = await createSample(post(""), noParams);
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).message).toBe("The request body is empty.");
  });

  it("answers 413 for a body over the limit, declared or streamed", async () => {
    const big = JSON.stringify({ title: "x".repeat(500), words: 1 });
    expect((await createSample(post(big), noParams)).status).toBe(413);

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(50)));
        controller.close();
      },
    });
    const streamed = new Request("http://penprint.test/api/v1/samples", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    const response = await createSample(streamed, noParams);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("payload_too_large");
  });

  it("parses the query, keeping repeated keys as arrays", async () => {
    const list = route(
      { query: z.object({ page: z.coerce.number().int().min(1).default(1), tag: z.union([z.string(), z.array(z.string())]).optional() }) },
      ({ query }) => Response.json(query),
    );
    const ok = await list(new Request("http://penprint.test/api/v1/analyses?page=3&tag=a&tag=b"), noParams);
    expect(await ok.json()).toEqual({ page: 3, tag: ["a", "b"] });
    const bad = await list(new Request("http://penprint.test/api/v1/analyses?page=0"), noParams);
    expect(bad.status).toBe(422);
    expect(Object.keys((await errorOf(bad)).fields ?? {})).toEqual(["page"]);
  });

  it("answers 404 for params that cannot name anything", async () => {
    const show = route({ params: z.object({ id: z.uuid() }) }, ({ params }) => Response.json({ id: params.id }));
    const id = "7d1e0c9a-3b5f-4d8e-a1c2-9f0e8d7c6b5a";
    const found = await show(new Request(`http://penprint.test/api/v1/analyses/${id}`), { params: Promise.resolve({ id }) });
    expect(await found.json()).toEqual({ id });
    const missing = await show(new Request("http://penprint.test/api/v1/analyses/nope"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("not_found");
  });

  it("turns thrown AppErrors into their answers", async () => {
    const limited = route({}, () => {
      throw rateLimited(30);
    });
    const response = await limited(new Request("http://penprint.test/x"), noParams);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");

    const taken = route({}, async () => {
      throw conflict("email_taken", "That address already has an account.", { email: "Already registered." });
    });
    expect(await errorOf(await taken(new Request("http://penprint.test/x"), noParams))).toEqual({
      code: "email_taken",
      message: "That address already has an account.",
      fields: { email: "Already registered." },
    });
  });

  it("answers 500 with the request id of the server's context", async () => {
    const broken = route({}, () => {
      throw new Error("private details");
    });
    const response = await requestContextStorage.run({ requestId: "req-from-server", method: "GET", ip: null }, () =>
      broken(new Request("http://penprint.test/x"), noParams),
    );
    expect(response.status).toBe(500);
    expect(await errorOf(response)).toEqual({
      code: "internal_error",
      message: "Something went wrong on our side. Reference: req-from-server",
    });
  });

  it("falls back to the X-Request-Id header outside the server's context", async () => {
    const broken = route({}, ({ requestId }) => {
      throw new Error(`failed in ${requestId}`);
    });
    const response = await broken(new Request("http://penprint.test/x", { headers: { "x-request-id": "hdr-7" } }), noParams);
    expect((await errorOf(response)).message).toContain("hdr-7");
  });
});
