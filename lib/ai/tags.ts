/**
 * The models an Ollama server has installed (GET /api/tags). Apart from the chat provider so that
 * /health can use it without loading the AI SDK.
 */

export interface InstalledModel {
  name: string;
  sizeBytes: number;
  modifiedAt: string;
}

interface TagsBody {
  models?: { name?: string; model?: string; size?: number; modified_at?: string }[];
}

/** Ollama names an untagged model `name:latest`. */
export function sameModel(installed: string, wanted: string): boolean {
  const withTag = (name: string) => (name.includes(":") ? name : `${name}:latest`);
  return withTag(installed) === withTag(wanted);
}

/** Installed models. Throws the fetch error when Ollama does not answer. */
export async function listInstalledModels(
  { baseUrl, signal, timeoutMs = 3_000 }: { baseUrl: string; signal?: AbortSignal; timeoutMs?: number },
): Promise<InstalledModel[]> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const response = await fetch(`${baseUrl.replace(/\/+$/, "")}/api/tags`, {
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    headers: { accept: "application/json" },
    cache: "no-store",
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status} from /api/tags`);
  }
  const body = (await response.json()) as TagsBody;
  return (body.models ?? []).flatMap((m) => {
    const name = m.name ?? m.model;
    return name ? [{ name, sizeBytes: m.size ?? 0, modifiedAt: m.modified_at ?? "" }] : [];
  });
}
