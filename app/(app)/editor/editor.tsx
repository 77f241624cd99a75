"use client";

import Link from "next/link";
import { useDeferredValue, useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/button";
import { RewritePanel } from "@/components/rewrite/rewrite-panel";
import forms from "@/components/forms/forms.module.css";
import { segment } from "@/lib/analysis";
import { LIVE_ANALYSIS_WORDS } from "@/lib/workspace/live-analysis-limit";
import type { Fingerprint, Register } from "@/lib/analysis/fingerprint";
import { overusedPatterns } from "@/lib/workspace/patterns";
import { matchVoice } from "@/lib/workspace/voice-match";
import { AnalysisJobProgress } from "../analysis-job-progress";
import { HeatMap } from "../heat-map";
import { errorMessage } from "../samples/registers";
import styles from "../workspace.module.css";
import local from "./editor.module.css";
import { ConflictPanel } from "./conflict-panel";
import { keepCaret } from "./keep-caret";
import { useAutosave, type DraftState, type SaveStatus } from "./use-autosave";
import { useLiveAnalysis } from "./use-live-analysis";

const SAVE_WORDS: Record<SaveStatus, string> = {
  idle: "Autosave is on.",
  pending: "Changes not saved yet…",
  saving: "Saving…",
  saved: "All changes saved.",
  conflict: "Not saved: changed elsewhere.",
  error: "Not saved.",
  readonly: "Verify your email address to save drafts.",
};

const VERDICT_WORDS: Record<string, string> = {
  human: "Reads as human writing",
  ai: "Reads as machine-generated",
  mixed: "Mixed: some passages read as machine-generated",
  uncertain: "Uncertain",
};

const SCOPE_LABELS: Record<string, string> = { overall: "all my writing", essay: "my essays", email: "my email", fiction: "my fiction", academic: "my academic writing", other: "my other writing" };

export function Editor({
  initialDraft,
  fingerprints,
  canSave,
}: {
  initialDraft: DraftState | null;
  fingerprints: Record<string, Fingerprint>;
  canSave: boolean;
}) {
  const id = useId();
  const [title, setTitle] = useState(initialDraft?.title ?? "");
  const [text, setText] = useState(initialDraft?.text ?? "");
  const deferredText = useDeferredValue(text);
  const { analysis, ms, analysedText, truncated } = useLiveAnalysis(deferredText);
  const { status, message, info, conflict, resolve, schedule } = useAutosave({
    initial: initialDraft,
    enabled: canSave,
    // A merge with edits from another device replaced the text: show it, caret kept by its words.
    onRemote: (next) => {
      keepCaret(textRef.current, next.from, next.text);
      setTitle(next.title);
      setText(next.text);
    },
  });
  const scopes = Object.keys(fingerprints);
  const [scope, setScope] = useState(scopes.includes("overall") ? "overall" : (scopes[0] ?? ""));
  const [notice, setNotice] = useState<{ kind: "error" | "done"; text: string; href?: string } | null>(null);
  // A long text's analysis runs as a background job; its progress shows below the save button.
  const [job, setJob] = useState<{ id: string; words: number } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  // Segmented once for both panels below.
  const segmented = useMemo(() => (analysedText.trim() ? segment(analysedText) : null), [analysedText]);
  const voice = useMemo(() => {
    const fp = fingerprints[scope];
    if (!fp || !segmented) return null;
    return matchVoice({ text: analysedText, segmented, fingerprint: fp, ...(scope !== "overall" ? { register: scope as Register } : {}) });
  }, [segmented, analysedText, fingerprints, scope]);
  const patterns = useMemo(() => (segmented ? overusedPatterns(segmented) : null), [segmented]);

  function change(next: { title?: string; text?: string }) {
    const t = next.title ?? title;
    const x = next.text ?? text;
    if (next.title !== undefined) setTitle(next.title);
    if (next.text !== undefined) setText(next.text);
    schedule({ title: t, text: x });
  }

  async function openFile(file: File) {
    setNotice(null);
    const response = await fetch(`/api/v1/documents?${new URLSearchParams({ filename: file.name })}`, {
      method: "POST",
      body: file,
      headers: { "content-type": "application/octet-stream" },
    });
    if (!response.ok) return setNotice({ kind: "error", text: `${file.name}: ${await errorMessage(response)}` });
    const body = (await response.json()) as { document: { text: string } };
    change({ text: body.document.text, ...(title ? {} : { title: file.name.replace(/\.[^.]+$/, "") }) });
  }

  async function saveAnalysis() {
    setNotice(null);
    setJob(null);
    const response = await fetch("/api/v1/analyses", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, ...(title.trim() ? { title: title.trim() } : {}) }),
    });
    if (!response.ok) return setNotice({ kind: "error", text: await errorMessage(response) });
    const body = (await response.json()) as { analysis: { id: string; wordCount: number } };
    if (response.status === 202) return setJob({ id: body.analysis.id, words: body.analysis.wordCount });
    setNotice({ kind: "done", text: "Analysis saved.", href: `/history/${body.analysis.id}` });
  }

  return (
    <div className={local.layout}>
      <section aria-labelledby={`${id}-write`} className={styles.stack}>
        <h2 id={`${id}-write`} className={styles.visuallyHidden}>
          Write
        </h2>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-title`}>
            Title
          </label>
          <input id={`${id}-title`} className={forms.input} value={title} maxLength={200} readOnly={conflict !== null} onChange={(e) => change({ title: e.target.value })} data-testid="editor-title" />
        </div>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-text`}>
            Your text
          </label>
          <textarea
            ref={textRef}
            id={`${id}-text`}
            className={`${forms.input} ${local.textarea}`}
            value={text}
            readOnly={conflict !== null}
            onChange={(e) => change({ text: e.target.value })}
            placeholder="Type or paste here, or open a file."
            data-testid="editor-text"
          />
        </div>
        <div className={local.toolbar}>
          <div className={forms.field}>
            <label className={forms.label} htmlFor={`${id}-file`}>
              Open a file (.txt, .md, .docx, .pdf)
            </label>
            <input
              ref={fileRef}
              id={`${id}-file`}
              type="file"
              accept=".txt,.md,.markdown,.docx,.pdf"
              className={forms.input}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void openFile(file);
                e.target.value = "";
              }}
              data-testid="editor-file"
            />
          </div>
          <Button onClick={() => void saveAnalysis()} disabled={!canSave || text.trim() === ""} data-testid="save-analysis">
            Save analysis
          </Button>
        </div>
        <p role="status" className={styles.meta} data-testid="autosave-status" data-status={status}>
          {SAVE_WORDS[status]}
        </p>
        <p role="status" className={styles.meta} data-testid="autosave-merged">
          {info}
        </p>
        {message ? (
          <p role="alert" className={forms.alert}>
            {message}
          </p>
        ) : null}
        {conflict ? <ConflictPanel conflict={conflict} onResolve={resolve} /> : null}
        {notice ? (
          <p role={notice.kind === "error" ? "alert" : "status"} className={notice.kind === "error" ? forms.alert : forms.success} data-testid="editor-notice">
            {notice.text} {notice.href ? <Link href={notice.href}>Open it in History</Link> : null}
          </p>
        ) : null}
        {job ? <AnalysisJobProgress key={job.id} initial={{ id: job.id, status: "queued", progress: 0, error: null }} words={job.words} whenReady="link" /> : null}
        <RewritePanel textareaRef={textRef} text={text} onTextChange={(t) => change({ text: t })} fingerprintScopes={scopes} scope={scope} />
      </section>

      <section aria-labelledby={`${id}-result`} className={styles.stack} data-testid="editor-analysis">
        <h2 id={`${id}-result`}>What the text reads like</h2>
        {!analysis ? (
          <p className={styles.empty}>Start typing: each sentence is marked by how machine-like it reads, and the reasons appear as you point at it.</p>
        ) : (
          <>
            <div className={local.verdict} data-verdict={analysis.verdict} data-testid="editor-verdict">
              <p style={{ margin: 0 }}>
                <strong>{VERDICT_WORDS[analysis.verdict] ?? analysis.verdict}</strong> · {Math.round(analysis.aiProbability * 100)} % machine
                likelihood · {analysis.words.toLocaleString("en-US")} words
              </p>
              {analysis.abstention ? <p style={{ margin: 0 }}>Why uncertain: {analysis.abstention.message}</p> : null}
              {analysis.verdict === "uncertain" && !analysis.abstention ? (
                <p style={{ margin: 0 }}>The score sits between the thresholds for human and machine writing, so no verdict is given.</p>
              ) : null}
              {analysis.reasons.length > 0 ? (
                <ul>
                  {analysis.reasons.map((r) => (
                    <li key={r.feature}>{r.message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
            {truncated ? (
              <p className={styles.meta} data-testid="live-analysis-limit">
                Live colours cover the first {LIVE_ANALYSIS_WORDS.toLocaleString("en-US")} words; save to analyse the whole document.
              </p>
            ) : null}
            <HeatMap text={analysedText} sentences={analysis.sentences} />
            {ms !== null ? <p className={styles.meta}>Updated in {Math.round(ms)} ms, in your browser.</p> : null}
          </>
        )}

        <h3>Match to my voice</h3>
        {scopes.length === 0 ? (
          <p className={styles.meta}>
            Add <Link href="/samples">writing samples</Link> to see how much this sounds like you.
          </p>
        ) : (
          <div className={styles.stack} data-testid="voice-match">
            <div className={forms.field}>
              <label className={forms.label} htmlFor={`${id}-scope`}>
                Compare with
              </label>
              <select id={`${id}-scope`} className={forms.select} value={scope} onChange={(e) => setScope(e.target.value)}>
                {scopes.map((s) => (
                  <option key={s} value={s}>
                    {SCOPE_LABELS[s] ?? s}
                  </option>
                ))}
              </select>
            </div>
            {voice ? (
              <>
                <p>
                  <strong>
                    {voice.result.verdict === "match" ? "Sounds like you" : voice.result.verdict === "no-match" ? "Does not sound like you" : "Uncertain"}
                  </strong>{" "}
                  · {Math.round(voice.result.matchProbability * 100)} % likely by you
                  {voice.result.uncertainBecause === "short-text" ? " (the text is still short)" : ""}
                  {voice.result.uncertainBecause === "small-fingerprint" ? " (your fingerprint needs more samples)" : ""}
                  {voice.result.uncertainBecause === "register-mismatch" ? " (different kind of writing)" : ""}
                </p>
                {voice.result.deviations.length > 0 ? (
                  <ul>
                    {voice.result.deviations.map((d) => (
                      <li key={d.feature}>{d.description}</li>
                    ))}
                  </ul>
                ) : null}
                {voice.leastLike.length > 0 ? (
                  <>
                    <h4>Sentences least like you</h4>
                    <ol>
                      {voice.leastLike.map((s) => (
                        <li key={s.start}>{analysedText.slice(s.start, s.end)}</li>
                      ))}
                    </ol>
                  </>
                ) : null}
              </>
            ) : (
              <p className={styles.meta}>Write a few sentences to compare.</p>
            )}
          </div>
        )}

        <h3>Overused patterns</h3>
        {patterns && (patterns.phrases.length > 0 || patterns.openers.length > 0) ? (
          <ul data-testid="overused-patterns">
            {patterns.phrases.map((p) => (
              <li key={p.phrase}>
                “{p.phrase}” appears {p.count} times
              </li>
            ))}
            {patterns.openers.map((o) => (
              <li key={o.opener}>
                {o.count} sentences ({Math.round(o.share * 100)} %) start with “{o.opener}”
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.meta}>No repeated phrases or sentence openers stand out.</p>
        )}
      </section>
    </div>
  );
}
