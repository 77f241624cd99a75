import { getDb } from "@/db/client";
import { exportUserData } from "@/lib/auth/export";
import { requireUser } from "@/lib/auth/require-user";
import { errorResponse, notFound } from "@/lib/errors";
import { setAuditAction } from "@/lib/server/request-context";

/** GET: one JSON file with everything stored about the signed-in user. */
export async function GET(): Promise<Response> {
  try {
    const user = await requireUser();
    setAuditAction({ action: "account.export", userId: user.id });
    const data = await exportUserData({ userId: user.id, db: await getDb() });
    if (!data) throw notFound();
    const day = new Date().toISOString().slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="penprint-export-${day}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
