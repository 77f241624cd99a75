import { LRUCache } from "lru-cache";
import type { Database } from "@/db/client";
import { getUserById, setUserOllamaModel } from "@/db/queries/users";
import { AppError, invalid, unavailable } from "@/lib/errors";
import { pullCommand, rewriteErrorMessage } from "./errors";
import { listInstalledModels, sameModel, type InstalledModel } from "./ollama";

/** Seconds a client should wait before asking again when Ollama is down or lacks the model. */
export const OLLAMA_RETRY_AFTER_SECONDS = 10;

export const ollamaUnreachable = (cause?: unknown) =>
  new AppError({
    status: 503,
    code: "ollama_unreachable",
    message: rewriteErrorMessage("ollama_unreachable"),
    retryAfterSeconds: OLLAMA_RETRY_AFTER_SECONDS,
    ...(cause !== undefined ? { cause } : {}),
  });

export const modelNotFound = (model: string) =>
  unavailable(OLLAMA_RETRY_AFTER_SECONDS, rewriteErrorMessage("model_not_found", { model }), "model_not_found");

/** The installed models, or 503 ollama_unreachable. */
export async function installedModelsOr503(
  { baseUrl, signal, timeoutMs }: { baseUrl: string; signal?: AbortSignal; timeoutMs?: number },
): Promise<InstalledModel[]> {
  try {
    return await listInstalledModels({ baseUrl, ...(signal ? { signal } : {}), ...(timeoutMs ? { timeoutMs } : {}) });
  } catch (error) {
    throw ollamaUnreachable(error);
  }
}

// Each writer's pick, remembered for a minute: reading it is a database query on every rewrite's
// path to the first token (about 9 ms of CPU on embedded PGlite). A pick saved here replaces the
// entry at once; one saved on another instance (services mode) is seen within the minute.
const holder = globalThis as unknown as { __penprintModelPicks?: LRUCache<string, { model: string | null }> };
const picks = (holder.__penprintModelPicks ??= new LRUCache<string, { model: string | null }>({ max: 5_000, ttl: 60_000 }));

/** The writer's pick (users.ollamaModel) or the instance default. */
export async function selectedModel({ userId, defaultModel, db }: { userId: string; defaultModel: string; db?: Database }): Promise<string> {
  let pick = picks.get(userId);
  if (!pick) {
    const user = await getUserById({ userId }, db);
    pick = { model: user?.ollamaModel ?? null };
    picks.set(userId, pick);
  }
  return pick.model ?? defaultModel;
}

/**
 * Checks the model a rewrite will use against /api/tags now: a model removed since it was picked
 * gives 503 model_not_found with the `ollama pull` command, a silent Ollama 503 ollama_unreachable.
 */
export async function checkModelInstalled({ model, baseUrl, signal }: { model: string; baseUrl: string; signal?: AbortSignal }): Promise<void> {
  const installed = await installedModelsOr503({ baseUrl, ...(signal ? { signal } : {}) });
  if (!installed.some((m) => sameModel(m.name, model))) throw modelNotFound(model);
}

export interface ModelsOverview {
  models: InstalledModel[];
  selected: string;
  defaultModel: string;
  selectedAvailable: boolean;
}

/** GET /api/v1/models: what Ollama has, and which one this writer's rewrites use. */
export async function modelsOverview(
  { userId, baseUrl, defaultModel, db, timeoutMs }: { userId: string; baseUrl: string; defaultModel: string; db?: Database; timeoutMs?: number },
): Promise<ModelsOverview> {
  const [selected, models] = await Promise.all([
    selectedModel({ userId, defaultModel, ...(db ? { db } : {}) }),
    installedModelsOr503({ baseUrl, ...(timeoutMs ? { timeoutMs } : {}) }),
  ]);
  return { models, selected, defaultModel, selectedAvailable: models.some((m) => sameModel(m.name, selected)) };
}

export { pullCommand };

/**
 * Saves the writer's pick from Settings: empty means the instance default; any other name must be
 * installed now (it is checked again when used, since a model can be removed later).
 */
export async function saveModelChoice(
  { userId, model, baseUrl, db }: { userId: string; model: string | undefined; baseUrl: string; db?: Database },
): Promise<{ model: string | null }> {
  const wanted = model?.trim() ? model.trim() : null;
  if (wanted !== null) {
    const installed = await installedModelsOr503({ baseUrl });
    if (!installed.some((m) => sameModel(m.name, wanted))) {
      throw invalid({ model: `${wanted} is not installed in Ollama. Run \`${pullCommand(wanted)}\` first.` }, "Choose an installed model.");
    }
  }
  await setUserOllamaModel({ userId, model: wanted }, db);
  picks.set(userId, { model: wanted });
  return { model: wanted };
}
