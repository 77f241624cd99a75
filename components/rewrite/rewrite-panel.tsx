"use client";

import Link from "next/link";
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type RefObject } from "react";
import { Button } from "@/components/button";
import forms from "@/components/forms/forms.module.css";
import { applyChanges, changeIds, diffSegments } from "./changes";
import { DiffLegend, ReviewDiff, StreamingDiff } from "./change-view";
import { waitWords, type FailureView } from "./failure-message";
import { countWords, passageOf, replacePassage } from "./passage";
import { REWRITE_REGISTERS, type RewriteRegister, type RewriteRequest } from "./rewrite-protocol";
import styles from "./rewrite-panel.module.css";
import { RewriteScores } from "./rewrite-scores";
import { useModelsStatus } from "./use-models-status";
import { useRewriteRun, type RewriteRun } from "./use-rewrite-run";
import { useTextareaSelection } from "./use-textarea-selection";

const REGISTER_LABELS: Record<RewriteRegister, string> = {
  overall: "All my writing",
  essay: "My essays",
  email: "My email",
  fiction: "My fiction",
  academic: "My academic writing",
  other: "My other writing",
};

const toRegister = (scope: string): RewriteRegister => ((REWRITE_REGISTERS as readonly string[]).includes(scope) ? (scope as RewriteRegister) : "overall");

const isShortcut = (e: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }) =>
  e.shiftKey && (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "r";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A clock that ticks while `running`, for the elapsed time of a rewrite. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

const HEADINGS: Record<RewriteRun["phase"], string> = {
  streaming: "Rewriting…",
  done: "Review the rewrite",
  cancelled: "Cancelled",
  failed: "The rewrite did not finish",
};

export interface RewritePanelProps {
  /** The editor's textarea: its selection is the passage, and focus returns to it. */
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  text: string;
  /** Replaces the editor's text (the editor autosaves it). */
  onTextChange: (text: string) => void;
  /** Registers the writer has a fingerprint for. */
  fingerprintScopes: readonly string[];
  /** The editor's "Compare with" choice; the rewrite follows it until the writer picks another. */
  scope: string;
}

/**
 * "Rewrite in my voice": sends the selected passage (or the whole text) to Penprint's rewrite
 * route, shows the rewrite streaming in as a diff, lets the writer cancel at any moment, accept or
 * reject each change, apply the result to the editor and undo it. The editor's text is only ever
 * changed by Apply and Undo.
 */
export function RewritePanel({ textareaRef, text, onTextChange, fingerprintScopes, scope }: RewritePanelProps) {
  const id = useId();
  const selection = useTextareaSelection(textareaRef);
  const passage = passageOf(text, selection);
  const { status: models, recheck } = useModelsStatus();
  const { run, start, cancel, clear } = useRewriteRun();

  const [register, setRegister] = useState<RewriteRegister>(toRegister(scope));
  const [followedScope, setFollowedScope] = useState(scope);
  if (scope !== followedScope) {
    setFollowedScope(scope);
    setRegister(toRegister(scope));
  }
  const [mode, setMode] = useState<"voice" | "plain">("voice");
  const [meaning, setMeaning] = useState<RewriteRequest["meaning"]>("strict");
  const [length, setLength] = useState<RewriteRequest["length"]>("same");
  const [rejected, setRejected] = useState<ReadonlySet<number>>(new Set());
  const [applied, setApplied] = useState<{ before: string; after: string; count: number } | null>(null);
  const [lastAction, setLastAction] = useState<"applied" | "undone" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const hasFingerprint = fingerprintScopes.includes(register);
  const effectiveMode = hasFingerprint ? mode : "plain";
  const streaming = run?.phase === "streaming";
  const unavailable = models.state === "unreachable";
  const now = useNow(streaming);

  const doneOriginal = run?.phase === "done" ? run.original : null;
  const doneOutput = run?.phase === "done" ? run.output : null;
  const segments = useMemo(() => (doneOriginal !== null && doneOutput !== null ? diffSegments(doneOriginal, doneOutput) : null), [doneOriginal, doneOutput]);
  const allIds = useMemo(() => (segments ? changeIds(segments) : []), [segments]);
  const accepted = useMemo(() => new Set(allIds.filter((i) => !rejected.has(i))), [allIds, rejected]);

  function focusEditor(range?: { start: number; end: number }) {
    requestAnimationFrame(() => {
      const el = textareaRef.current;
      if (!el) return;
      el.focus();
      if (range) el.setSelectionRange(range.start, range.end);
    });
  }

  function begin(overrides: Partial<RewriteRequest> = {}, from?: RewriteRun) {
    if (streaming || unavailable) return;
    setNotice(null);
    setLastAction(null);
    setRejected(new Set());
    const target = from ? { text: from.original, start: from.start, end: from.end } : passage;
    if (target.text === "") {
      setNotice("Write some text first, or select the passage to rewrite.");
      return;
    }
    const request: RewriteRequest = from
      ? { ...from.request, ...overrides }
      : { text: target.text, register, mode: effectiveMode, meaning, length, ...overrides };
    void start({ request, original: target.text, start: target.start, end: target.end });
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  function stop() {
    if (!run || run.phase !== "streaming") return;
    cancel();
    focusEditor(run.start === 0 && run.end === text.length ? undefined : { start: run.start, end: run.end });
  }

  function close() {
    clear();
    focusEditor();
  }

  function apply() {
    if (!run || !segments) return;
    const replacement = applyChanges(segments, accepted);
    const placed = replacePassage(text, { start: run.start, end: run.end, original: run.original }, replacement);
    if (!placed) {
      setNotice("The passage was edited while it was being rewritten, so the rewrite was not applied. Select it and rewrite it again.");
      return;
    }
    onTextChange(placed.text);
    setApplied({ before: text, after: placed.text, count: accepted.size });
    setLastAction("applied");
    clear();
    focusEditor({ start: placed.start, end: placed.end });
  }

  function undo() {
    if (!applied || text !== applied.after) return;
    onTextChange(applied.before);
    setApplied(null);
    setLastAction("undone");
    focusEditor();
  }

  const onShortcut = useEffectEvent((e: KeyboardEvent) => {
    if (!isShortcut(e)) return;
    e.preventDefault();
    begin();
  });
  useEffect(() => {
    const el = textareaRef.current;
    if (!el) return;
    el.addEventListener("keydown", onShortcut);
    return () => el.removeEventListener("keydown", onShortcut);
  }, [textareaRef]);

  // Escape cancels from anywhere on the page while the rewrite streams.
  const onEscape = useEffectEvent((e: KeyboardEvent) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    stop();
  });
  useEffect(() => {
    if (!streaming) return;
    document.addEventListener("keydown", onEscape);
    return () => document.removeEventListener("keydown", onEscape);
  }, [streaming]);

  const canUndo = applied !== null && text === applied.after;
  const status = run
    ? {
        streaming: "Rewriting started.",
        done: `Rewrite finished with ${allIds.length} change${allIds.length === 1 ? "" : "s"}. Review them, then apply.`,
        cancelled: "Cancelled. Your text is unchanged.",
        failed: "The rewrite did not finish. Your text is unchanged.",
      }[run.phase]
    : lastAction === "applied" && applied
      ? `Applied ${applied.count} change${applied.count === 1 ? "" : "s"} to your text.`
      : lastAction === "undone"
        ? "Undone: your text is back as it was."
        : "";

  const buttonLabel = effectiveMode === "voice" ? "Rewrite in my voice" : "Rewrite, less machine-like";

  return (
    <section
      className={styles.panel}
      aria-labelledby={`${id}-title`}
      data-testid="rewrite-panel"
      data-models={models.state}
      onKeyDown={(e) => {
        if (isShortcut(e)) {
          e.preventDefault();
          begin();
        }
      }}
    >
      <h3 id={`${id}-title`} className={styles.title}>
        Rewrite in my voice
      </h3>
      <p className={styles.meta}>
        A local model rewrites the selected passage, or the whole text when nothing is selected, steered by your fingerprint. Your text changes only
        when you apply the result.
      </p>

      <div className={styles.options}>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-register`}>
            Voice of
          </label>
          <select id={`${id}-register`} className={forms.select} value={register} onChange={(e) => setRegister(e.target.value as RewriteRegister)} disabled={streaming} data-testid="rewrite-register">
            {REWRITE_REGISTERS.map((r) => (
              <option key={r} value={r}>
                {REGISTER_LABELS[r]}
                {fingerprintScopes.includes(r) ? "" : " (no fingerprint yet)"}
              </option>
            ))}
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-mode`}>
            Style
          </label>
          <select id={`${id}-mode`} className={forms.select} value={effectiveMode} onChange={(e) => setMode(e.target.value as "voice" | "plain")} disabled={streaming} data-testid="rewrite-mode">
            <option value="voice" disabled={!hasFingerprint}>
              In my voice
            </option>
            <option value="plain">Plain: less machine-like</option>
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-meaning`}>
            Meaning
          </label>
          <select id={`${id}-meaning`} className={forms.select} value={meaning} onChange={(e) => setMeaning(e.target.value as RewriteRequest["meaning"])} disabled={streaming} data-testid="rewrite-meaning-option">
            <option value="strict">Keep strictly</option>
            <option value="restructure">May restructure</option>
          </select>
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-length`}>
            Length
          </label>
          <select id={`${id}-length`} className={forms.select} value={length} onChange={(e) => setLength(e.target.value as RewriteRequest["length"])} disabled={streaming} data-testid="rewrite-length">
            <option value="shorter">Shorter</option>
            <option value="same">Same</option>
            <option value="longer">Longer</option>
          </select>
        </div>
      </div>

      {!hasFingerprint ? (
        <p className={styles.note} data-testid="rewrite-no-fingerprint">
          You have no fingerprint for {REGISTER_LABELS[register].toLowerCase()} yet, so the rewrite cannot be steered toward your voice.{" "}
          <Link href="/samples">Add writing samples</Link> to build one. Until then, the plain mode makes the text less machine-like without imitating
          anyone.
        </p>
      ) : null}

      {unavailable ? (
        <div className={styles.note} id={`${id}-unavailable`} data-testid="rewrite-unavailable">
          <p>
            <strong>Rewriting is off:</strong> no Ollama server answers at the address Penprint is configured with (<code>OLLAMA_BASE_URL</code>).{" "}
            {models.message}
          </p>
          <Button variant="secondary" size="sm" onClick={recheck}>
            Check again
          </Button>
        </div>
      ) : models.state === "ready" && models.missing ? (
        <p className={styles.note} data-testid="rewrite-model-missing">
          The model <code>{models.selected}</code> is not installed on the Ollama server. Install it with{" "}
          <code className={styles.command}>ollama pull {models.selected}</code>, or choose another model in <Link href="/settings">Settings</Link>.
        </p>
      ) : null}

      <div className={styles.startRow}>
        <Button
          onClick={() => begin()}
          disabled={streaming}
          aria-disabled={unavailable || undefined}
          aria-describedby={unavailable ? `${id}-unavailable` : `${id}-scope`}
          aria-keyshortcuts="Control+Shift+R Meta+Shift+R"
          data-testid="rewrite-start"
        >
          {buttonLabel}
        </Button>
        <p id={`${id}-scope`} className={styles.meta} data-testid="rewrite-scope">
          {passage.text === "" ? "Nothing to rewrite yet." : passage.whole ? `The whole text, ${passage.words} words.` : `The selection, ${passage.words} words.`}{" "}
          Shortcut: <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd> (<kbd>⌘</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd> on a Mac) in the text.
        </p>
      </div>

      {notice ? (
        <p role="alert" className={forms.alert} data-testid="rewrite-notice">
          {notice}
        </p>
      ) : null}

      <p role="status" aria-live="polite" className={status && !streaming ? styles.status : "visually-hidden"} data-testid="rewrite-status">
        {status}
      </p>

      {run ? <RunView run={run} now={now} headingRef={headingRef} /> : null}

      {run?.phase === "streaming" ? (
        <div className={styles.actions}>
          <Button variant="secondary" onClick={stop} aria-keyshortcuts="Escape" data-testid="rewrite-cancel">
            Cancel (Esc)
          </Button>
        </div>
      ) : null}

      {run && (run.phase === "cancelled" || run.phase === "failed") ? (
        <>
          {run.failure ? <FailureAlert failure={run.failure} onPlain={() => (setMode("plain"), begin({ mode: "plain" }, run))} /> : null}
          <div className={styles.actions}>
            <Button onClick={() => begin({}, run)} disabled={unavailable} data-testid="rewrite-retry">
              Retry
            </Button>
            <Button variant="secondary" onClick={close} data-testid="rewrite-close">
              Close
            </Button>
          </div>
        </>
      ) : null}

      {run?.phase === "done" && segments ? (
        <>
          {allIds.length === 0 ? (
            <p data-testid="rewrite-no-changes">The rewrite is the same as your text: there is nothing to apply.</p>
          ) : (
            <>
              <p className={styles.meta}>
                Each change is a button: move to it with Tab, press Enter or Space (or click it) to switch between the rewrite (✓) and your original (✗).{" "}
                <span data-testid="rewrite-counts">
                  {accepted.size} of {allIds.length} changes accepted.
                </span>
              </p>
              <DiffLegend review />
              <ReviewDiff
                segments={segments}
                accepted={accepted}
                onToggle={(change) =>
                  setRejected((r) => {
                    const next = new Set(r);
                    if (next.has(change)) next.delete(change);
                    else next.add(change);
                    return next;
                  })
                }
              />
            </>
          )}
          <div className={styles.actions}>
            {allIds.length > 0 ? (
              <>
                <Button onClick={apply} disabled={accepted.size === 0} data-testid="rewrite-apply">
                  Apply {accepted.size} of {allIds.length} change{allIds.length === 1 ? "" : "s"}
                </Button>
                <Button variant="secondary" size="sm" onClick={() => setRejected(new Set())} data-testid="rewrite-accept-all">
                  Accept all
                </Button>
                <Button variant="secondary" size="sm" onClick={() => setRejected(new Set(allIds))} data-testid="rewrite-reject-all">
                  Reject all
                </Button>
              </>
            ) : null}
            <Button variant="quiet" onClick={close} data-testid="rewrite-discard">
              Discard
            </Button>
          </div>
          <RewriteScores key={run.id} original={run.original} rewrite={run.output} register={run.request.register} />
        </>
      ) : null}

      {!run && canUndo ? (
        <div className={styles.actions}>
          <Button variant="secondary" onClick={undo} data-testid="rewrite-undo">
            Undo the rewrite
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function RunView({ run, now, headingRef }: { run: RewriteRun; now: number; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const elapsed = (run.endedAt ?? now) - run.startedAt;
  const words = countWords(run.output);
  const partial = run.phase === "cancelled" || run.phase === "failed";
  return (
    <div className={styles.run} data-testid="rewrite-run" data-phase={run.phase}>
      <h4 ref={headingRef} tabIndex={-1} className={styles.runTitle}>
        {HEADINGS[run.phase]}
      </h4>
      <p className={styles.meta} data-testid="rewrite-progress">
        {run.model ? `${run.model} · ` : run.phase === "streaming" ? "Waiting for the model · " : ""}
        {words} word{words === 1 ? "" : "s"} · {run.tokens} token{run.tokens === 1 ? "" : "s"} · {seconds(run.finishedMs ?? elapsed)}
        {run.parts > 1 ? ` · rewritten paragraph by paragraph in ${run.parts} parts` : ""}
      </p>
      {run.phase !== "done" ? (
        run.output === "" && partial ? (
          <p className={styles.meta} data-testid="rewrite-partial">
            No rewritten text arrived before it stopped.
          </p>
        ) : (
          <>
            {partial ? (
              <p className={styles.partialNote} data-testid="rewrite-partial">
                <strong>Partial rewrite:</strong> it stopped before the end, so it cannot be applied.
              </p>
            ) : (
              <DiffLegend />
            )}
            <StreamingDiff original={run.original} output={run.output} partial={partial} />
          </>
        )
      ) : null}
    </div>
  );
}

/** Text with `backticked` parts shown as code (the server's messages quote commands that way). */
function withCode(text: string) {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

function FailureAlert({ failure, onPlain }: { failure: FailureView; onPlain: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="alert" className={`${forms.alert} ${styles.alert}`} data-testid="rewrite-error" data-code={failure.code}>
      <p>
        <strong>{failure.title}</strong>
        {failure.detail ? <> {withCode(failure.detail)}</> : null}
      </p>
      {failure.retryAfterSeconds !== undefined ? <p data-testid="rewrite-retry-after">You can try again in {waitWords(failure.retryAfterSeconds)}.</p> : null}
      {failure.command ? (
        <p className={styles.commandRow}>
          Run this on the Ollama server: <code className={styles.command} data-testid="rewrite-pull-command">{failure.command}</code>{" "}
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              void navigator.clipboard?.writeText(failure.command!).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? "Copied" : "Copy command"}
          </Button>
        </p>
      ) : null}
      {failure.offerPlain ? (
        <p>
          <Button variant="secondary" size="sm" onClick={onPlain} data-testid="rewrite-plain">
            Rewrite in plain mode instead
          </Button>
        </p>
      ) : null}
    </div>
  );
}
