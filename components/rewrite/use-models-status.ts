"use client";

import { useCallback, useEffect, useState } from "react";
import type { ModelsAnswer } from "./rewrite-protocol";

export type ModelsStatus =
  | { state: "checking" }
  /** Ollama answers; `missing` names the chosen model when it is not pulled. */
  | { state: "ready"; selected: string; missing: boolean }
  /** No Ollama answers: rewriting is off, and the button says why instead of failing later. */
  | { state: "unreachable"; message: string }
  /** The check itself failed (another error): rewriting stays on and the rewrite reports its own error. */
  | { state: "unknown" };

/** Asks `GET /api/v1/models` whether rewriting can work at all, once on load and again on request. */
export function useModelsStatus() {
  const [status, setStatus] = useState<ModelsStatus>({ state: "checking" });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/v1/models", { signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json().catch(() => null)) as (ModelsAnswer & { error?: { code?: string; message?: string } }) | null;
        if (response.status === 503 && body?.error?.code === "ollama_unreachable") {
          setStatus({ state: "unreachable", message: body.error.message ?? "" });
        } else if (response.ok && body && typeof body.selected === "string") {
          setStatus({ state: "ready", selected: body.selected, missing: body.selectedAvailable === false });
        } else {
          setStatus({ state: "unknown" });
        }
      })
      .catch(() => {
        if (!controller.signal.aborted) setStatus({ state: "unknown" });
      });
    return () => controller.abort();
  }, [round]);

  const recheck = useCallback(() => {
    setStatus({ state: "checking" });
    setRound((r) => r + 1);
  }, []);

  return { status, recheck };
}
