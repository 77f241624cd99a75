"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/button";
import forms from "@/components/forms/forms.module.css";
import styles from "../workspace.module.css";
import { errorMessage, REGISTER_OPTIONS } from "./registers";

export interface SampleView {
  id: string;
  title: string;
  register: string;
  wordCount: number;
  sourceType: string | null;
  sourceFilename: string | null;
  createdAt: string;
  preview?: string;
}

const SOURCE_LABELS: Record<string, string> = { txt: "text file", md: "Markdown", docx: "Word", pdf: "PDF", paste: "pasted" };

function SampleItem({ sample }: { sample: SampleView }) {
  const router = useRouter();
  const [title, setTitle] = useState(sample.title);
  const [editing, setEditing] = useState(false);
  const [full, setFull] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/v1/samples/${sample.id}`;

  async function patch(body: Record<string, string>) {
    setError(null);
    const response = await fetch(base, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) return setError(await errorMessage(response));
    setEditing(false);
    router.refresh();
  }

  async function remove() {
    if (!window.confirm(`Delete “${sample.title}”? Your fingerprint will be rebuilt without it.`)) return;
    const response = await fetch(base, { method: "DELETE" });
    if (!response.ok) return setError(await errorMessage(response));
    router.refresh();
  }

  async function togglePreview() {
    if (full !== null) return setFull(null);
    const response = await fetch(base);
    if (!response.ok) return setError(await errorMessage(response));
    const body = (await response.json()) as { sample: { text: string; truncated: boolean } };
    setFull(body.sample.text + (body.sample.truncated ? "\n…" : ""));
  }

  const registerId = `register-${sample.id}`;
  return (
    <li className={styles.item} data-testid="sample-item">
      {editing ? (
        <form
          className={styles.row}
          onSubmit={(e) => {
            e.preventDefault();
            void patch({ title });
          }}
        >
          <label className={styles.visuallyHidden} htmlFor={`title-${sample.id}`}>
            Title
          </label>
          <input id={`title-${sample.id}`} className={forms.input} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
          <Button type="submit" size="sm">
            Save
          </Button>
          <Button size="sm" variant="quiet" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <h3 style={{ margin: 0 }} data-testid="sample-title">
          {sample.title}
        </h3>
      )}
      <p className={styles.meta}>
        {sample.wordCount.toLocaleString("en-US")} words · {SOURCE_LABELS[sample.sourceType ?? ""] ?? sample.sourceType} · added{" "}
        {new Date(sample.createdAt).toLocaleDateString("en-GB")}
      </p>
      {sample.preview ? <p className={styles.meta}>{sample.preview.slice(0, 160)}…</p> : null}
      <div className={styles.row}>
        <label htmlFor={registerId}>Kind</label>
        <select
          id={registerId}
          className={forms.select}
          style={{ width: "auto" }}
          defaultValue={sample.register}
          onChange={(e) => void patch({ register: e.target.value })}
        >
          {REGISTER_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <Button size="sm" variant="secondary" onClick={() => void togglePreview()} aria-expanded={full !== null}>
          {full !== null ? "Hide text" : "Preview"}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
          Rename
        </Button>
        <Button size="sm" variant="quiet" onClick={() => void remove()} data-testid="sample-delete">
          Delete
        </Button>
      </div>
      {full !== null ? <pre className={styles.preview}>{full}</pre> : null}
      {error ? (
        <p role="alert" className={forms.fieldError}>
          {error}
        </p>
      ) : null}
    </li>
  );
}

export function SampleList({ samples }: { samples: SampleView[] }) {
  if (samples.length === 0) {
    return (
      <p className={styles.empty} data-testid="samples-empty">
        No samples yet. Start with three pieces you wrote yourself — an essay, a few emails, a story — about 1,000 words each. The more
        you add, the more confident your fingerprint gets.
      </p>
    );
  }
  return (
    <ul className={styles.list} data-testid="sample-list">
      {samples.map((s) => (
        <SampleItem key={`${s.id}:${s.title}:${s.register}`} sample={s} />
      ))}
    </ul>
  );
}
