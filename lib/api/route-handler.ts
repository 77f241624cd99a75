import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { badRequest, errorResponse, fromZodError, notFound, payloadTooLarge, unsupportedMediaType } from "@/lib/errors";
import { getRequestContext } from "@/lib/server/request-context";

/**
 * A route handler with Penprint's error answers: whatever the handler throws becomes
 * `errorResponse(error, requestId)`, and the JSON body, query and route params can be checked
 * with zod before the handler runs (invalid body or query → 422 with fields, invalid params → 404).
 *
 *   export const POST = route({ body: z.object({ title: z.string() }) }, async ({ body }) => Response.json(body));
 */

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;

/** Route params as Next passes them (dynamic segments and catch-alls). */
export type RawParams = Record<string, string | string[] | undefined>;

export interface RouteOptions<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined> {
  body?: B;
  query?: Q;
  params?: P;
  /** Largest accepted body in bytes (default 1 MiB); larger bodies get 413. */
  maxBodyBytes?: number;
}

export interface RouteInput<B, Q, P> {
  request: Request;
  body: B;
  query: Q;
  params: P;
  requestId: string;
}

export type RouteHandler = (request: Request, context: { params: Promise<RawParams> }) => Promise<Response>;

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export function requestIdOf(request: Request): string {
  return getRequestContext()?.requestId ?? request.headers.get("x-request-id") ?? randomUUID();
}

/** Reads the body as text, stopping as soon as it exceeds the limit (a lying Content-Length does not help). */
async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  const tooLarge = () => payloadTooLarge(`The request body is larger than ${Math.floor(maxBytes / 1024)} KB.`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

async function parseBody(request: Request, schema: Schema, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!JSON_TYPE.test(type)) throw unsupportedMediaType("Send the request body as JSON (Content-Type: application/json).");
  const text = await readLimited(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest("malformed_json", text.trim() === "" ? "The request body is empty." : "The request body is not valid JSON.");
  }
  const result = schema.safeParse(json);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

function parseQuery(request: Request, schema: Schema): unknown {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const result = schema.safeParse(query);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

export function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  options: RouteOptions<B, Q, P>,
  handler: (input: RouteInput<Parsed<B>, Parsed<Q>, P extends Schema ? Parsed<P> : RawParams>) => Promise<Response> | Response,
): RouteHandler {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    try {
      const rawParams = (await context?.params) ?? {};
      let params: unknown = rawParams;
      if (options.params) {
        const result = options.params.safeParse(rawParams);
        // A malformed id names nothing that exists.
        if (!result.success) throw notFound();
        params = result.data;
      }
      const query = options.query ? parseQuery(request, options.query) : undefined;
      const body = options.body ? await parseBody(request, options.body, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : undefined;
      return await handler({
        request,
        requestId,
        body: body as Parsed<B>,
        query: query as Parsed<Q>,
        params: params as P extends Schema ? Parsed<P> : RawParams,
      });
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}
