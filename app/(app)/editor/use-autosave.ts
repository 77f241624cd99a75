"use client";

import { useEffect, useState } from "react";
import { mergeDrafts, resolveMerge, type DraftMerge, type DraftSide, type Side } from "@/lib/workspace/merge-drafts";

export interface DraftState {
  id: string;
  version: number;
  title: string;
  text: string;
}

export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "conflict" | "error" | "readonly";

/** Both sides of a merge that needs the writer: what they choose from, and the version it answers. */
export interface DraftConflict {
  merge: Extract<DraftMerge, { clean: false }>;
  theirs: DraftState;
}

/** The editor's text replaced by a merge: `from` is the text it replaces (to keep the caret in place). */
export type RemoteText = DraftSide & { from: string };

const DELAY_MS = 1000;
export const MERGED_MESSAGE = "Merged changes made on another device.";
const CONFLICT_MESSAGE =
  "This draft was also changed on another device, in the same places. Choose what to keep below; until then autosave is paused and your text is kept on this device.";

/** Where a tab keeps its unsaved side of a conflict, so a reload or a crash loses nothing. */
const storageKey = (id: string) => `penprint:draft-conflict:${id}`;
interface Stored {
  base: DraftSide;
  mine: DraftSide;
}

function store(id: string, value: Stored | null) {
  try {
    if (value) window.localStorage.setItem(storageKey(id), JSON.stringify(value));
    else window.localStorage.removeItem(storageKey(id));
  } catch {
    // Storage full or disabled: the conflict panel still holds both sides.
  }
}

function stored(id: string): Stored | null {
  try {
    const raw = window.localStorage.getItem(storageKey(id));
    const value = raw ? (JSON.parse(raw) as Partial<Stored>) : null;
    const ok = (s: unknown): s is DraftSide => typeof s === "object" && s !== null && typeof (s as DraftSide).title === "string" && typeof (s as DraftSide).text === "string";
    return value && ok(value.base) && ok(value.mine) ? { base: value.base, mine: value.mine } : null;
  } catch {
    return null;
  }
}

interface Events {
  report: (status: SaveStatus, message: string | null) => void;
  info: (message: string | null) => void;
  remote: (next: RemoteText) => void;
  conflict: (conflict: DraftConflict | null) => void;
}

/**
 * The save loop, outside React: one request at a time, the latest text wins, and every save names
 * the version it edited. When another tab or device saved first (409), the server's draft is
 * fetched and merged three ways with the version this tab last saved: a clean merge replaces the
 * editor's text and is saved on top of the server's version; overlapping edits pause autosave
 * until the writer chooses, with their side kept in localStorage meanwhile.
 */
function createAutosaver({ initial, events }: { initial: DraftState | null; events: Events }) {
  let draft = initial;
  let pending: DraftSide | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let conflict: (DraftConflict & { mine: DraftSide }) | null = null;

  async function send(change: DraftSide): Promise<Response> {
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

  /**
   * Three-way merge of `mine` with the server's draft, from the version this tab last had (`base`).
   * `shown` is what the editor displays now: `mine` after a refused save, the server's draft after a reload.
   */
  function reconcile(base: DraftSide, mine: DraftSide, theirs: DraftState, shown: DraftSide) {
    if (!draft) return;
    const result = mergeDrafts({ base, mine, theirs });
    draft = theirs;
    const show = (next: DraftSide) => {
      if (next.text !== shown.text || next.title !== shown.title) events.remote({ ...next, from: shown.text });
    };
    if (result.clean) {
      store(theirs.id, null);
      show(result.merged);
      if (result.merged.text !== theirs.text || result.merged.title !== theirs.title) pending = result.merged;
      events.info(MERGED_MESSAGE);
      events.report(pending ? "pending" : "saved", null);
      return;
    }
    store(theirs.id, { base, mine });
    // Until the writer chooses, the editor shows their own side.
    show(mine);
    conflict = { merge: result, theirs, mine };
    events.conflict({ merge: result, theirs });
    events.report("conflict", CONFLICT_MESSAGE);
  }

  async function fetchServerDraft(id: string): Promise<DraftState | null> {
    const response = await fetch(`/api/v1/drafts/${id}`, { cache: "no-store" });
    if (!response.ok) return null;
    return ((await response.json()) as { draft: DraftState }).draft;
  }

  async function flush(): Promise<void> {
    if (inFlight || !pending || conflict) return;
    const change = pending;
    pending = null;
    inFlight = true;
    events.report("saving", null);
    try {
      const response = await send(change);
      if (response.status === 409 && draft) {
        const base: DraftSide = { title: draft.title, text: draft.text };
        const theirs = await fetchServerDraft(draft.id);
        if (!theirs) {
          pending ??= change;
          events.report("error", "This draft was changed elsewhere and the latest version could not be loaded. Retrying on your next change.");
          return;
        }
        // Typing during the round trip is the newest local text.
        const mine = pending ?? change;
        pending = null;
        reconcile(base, mine, theirs, mine);
        return;
      }
      if (!response.ok) {
        pending ??= change;
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        events.report("error", body?.error?.message ?? `Could not save (the server answered ${response.status}). Retrying on your next change.`);
        return;
      }
      const body = (await response.json()) as { draft: DraftState };
      const created = !draft;
      draft = body.draft;
      // Keep the draft in the address so a reload opens this one.
      if (created) window.history.replaceState(null, "", `/editor?draft=${body.draft.id}`);
      events.report(pending ? "pending" : "saved", null);
    } catch {
      pending ??= change;
      events.report("error", "Could not reach the server. Your text is still here; it will be saved on your next change.");
    } finally {
      inFlight = false;
      if (pending && !conflict) void flush();
    }
  }

  return {
    schedule(change: DraftSide) {
      if (conflict) return;
      pending = change;
      events.info(null);
      events.report("pending", null);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), DELAY_MS);
    },
    /** The writer's choice for each conflicting region (and the title); saved on top of the server's version. */
    resolve(choices: { title?: Side; regions: Record<number, Side> }, fallback: Side) {
      if (!conflict) return;
      const resolved = resolveMerge(conflict.merge, choices, fallback);
      const { mine, theirs } = conflict;
      draft = theirs;
      conflict = null;
      store(theirs.id, null);
      events.conflict(null);
      events.remote({ ...resolved, from: mine.text });
      pending = resolved;
      void flush();
    },
    /** A conflict left unresolved by an earlier visit (reload, crash): merged again with what the server has now. */
    recover() {
      if (!draft || conflict) return;
      const saved = stored(draft.id);
      if (saved) reconcile(saved.base, saved.mine, draft, draft);
      if (pending) void flush();
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}

/** Autosaves the draft a second after the last change (when the writer may save at all), merging edits made elsewhere. */
export function useAutosave({ initial, enabled, onRemote }: { initial: DraftState | null; enabled: boolean; onRemote: (next: RemoteText) => void }) {
  const [status, setStatus] = useState<SaveStatus>(enabled ? "idle" : "readonly");
  const [message, setMessage] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const [saver] = useState(() =>
    createAutosaver({
      initial,
      events: {
        report: (s, m) => {
          setStatus(s);
          setMessage(m);
        },
        info: setInfo,
        // Taken once: `onRemote` must use only stable values (state setters, refs).
        remote: onRemote,
        conflict: setConflict,
      },
    }),
  );
  useEffect(() => {
    if (enabled) saver.recover();
    return () => saver.dispose();
  }, [saver, enabled]);
  const schedule = (change: DraftSide) => {
    if (enabled) saver.schedule(change);
  };
  const resolve = (choices: { title?: Side; regions: Record<number, Side> }, fallback: Side = "mine") => saver.resolve(choices, fallback);
  return { status, message, info, conflict, schedule, resolve };
}
