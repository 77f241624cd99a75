"use client";

import { useEffect, useState } from "react";

export interface DraftState {
  id: string;
  version: number;
  title: string;
  text: string;
}

export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "conflict" | "error" | "readonly";

const DELAY_MS = 1000;

type Report = (status: SaveStatus, message: string | null) => void;

/**
 * The save loop, outside React: one request at a time, the latest text wins, and every save names
 * the version it edited, so a save from a stale tab or device is refused (409) instead of
 * overwriting newer work.
 */
function createAutosaver({ initial, report }: { initial: DraftState | null; report: Report }) {
  let draft = initial;
  let pending: { title: string; text: string } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let conflicted = false;

  async function send(change: { title: string; text: string }): Promise<Response> {
    if (!draft) {
      return fetch("/api/v1/drafts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: change.text, ...(change.title.trim() ? { title: change.title.trim() } : {}) }),
      });
    }
    return fetch(`/api/v1/drafts/${draft.id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: draft.version, text: change.text, ...(change.title.trim() ? { title: change.title.trim() } : {}) }),
    });
  }

  async function flush(): Promise<void> {
    if (inFlight || !pending || conflicted) return;
    const change = pending;
    pending = null;
    inFlight = true;
    report("saving", null);
    try {
      const response = await send(change);
      if (response.status === 409) {
        conflicted = true;
        report("conflict", "This draft was changed in another tab or on another device. Copy your text if you need it, then reload to get the latest version.");
        return;
      }
      if (!response.ok) {
        pending ??= change;
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        report("error", body?.error?.message ?? `Could not save (the server answered ${response.status}). Retrying on your next change.`);
        return;
      }
      const body = (await response.json()) as { draft: DraftState };
      const created = !draft;
      draft = body.draft;
      // Keep the draft in the address so a reload opens this one.
      if (created) window.history.replaceState(null, "", `/editor?draft=${body.draft.id}`);
      report(pending ? "pending" : "saved", null);
    } catch {
      pending ??= change;
      report("error", "Could not reach the server. Your text is still here; it will be saved on your next change.");
    } finally {
      inFlight = false;
      if (pending && !conflicted) void flush();
    }
  }

  return {
    schedule(change: { title: string; text: string }) {
      if (conflicted) return;
      pending = change;
      report("pending", null);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), DELAY_MS);
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}

/** Autosaves the draft a second after the last change (when the writer may save at all). */
export function useAutosave({ initial, enabled }: { initial: DraftState | null; enabled: boolean }) {
  const [status, setStatus] = useState<SaveStatus>(enabled ? "idle" : "readonly");
  const [message, setMessage] = useState<string | null>(null);
  const [saver] = useState(() =>
    createAutosaver({
      initial,
      report: (s, m) => {
        setStatus(s);
        setMessage(m);
      },
    }),
  );
  useEffect(() => () => saver.dispose(), [saver]);
  const schedule = (change: { title: string; text: string }) => {
    if (enabled) saver.schedule(change);
  };
  return { status, message, schedule };
}
