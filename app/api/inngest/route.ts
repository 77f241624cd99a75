import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { getInngestFunctions } from "@/inngest";
import { getInngest } from "@/inngest/client";
import { getEnv } from "@/lib/env";

/**
 * Inngest's endpoint, served only when INNGEST_SIGNING_KEY is set: the SDK then refuses any request
 * without a valid signature. Without a key the endpoint does not exist (404), so it never accepts
 * unsigned calls; the jobs run in-process instead (inngest/in-process.ts).
 */

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type InngestHandlers = ReturnType<typeof serve>;
let handlers: { signingKey: string; serve: InngestHandlers } | undefined;

function inngestHandlers(): InngestHandlers | null {
  const signingKey = getEnv().INNGEST_SIGNING_KEY;
  if (!signingKey) return null;
  if (handlers?.signingKey !== signingKey) {
    handlers = { signingKey, serve: serve({ client: getInngest(), functions: getInngestFunctions() }) };
  }
  return handlers.serve;
}

function notServed(): Response {
  return Response.json(
    { error: { code: "not_found", message: "Inngest is not configured on this server (INNGEST_SIGNING_KEY is unset)." } },
    { status: 404 },
  );
}

export async function GET(request: NextRequest): Promise<Response> {
  const inngest = inngestHandlers();
  return inngest ? inngest.GET(request, undefined) : notServed();
}

export async function POST(request: NextRequest): Promise<Response> {
  const inngest = inngestHandlers();
  return inngest ? inngest.POST(request, undefined) : notServed();
}

export async function PUT(request: NextRequest): Promise<Response> {
  const inngest = inngestHandlers();
  return inngest ? inngest.PUT(request, undefined) : notServed();
}
