"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import forms from "@/components/forms/forms.module.css";
import styles from "../workspace.module.css";
import { errorMessage, REGISTER_OPTIONS } from "./registers";

type Status = { kind: "idle" } | { kind: "busy"; message: string } | { kind: "error"; message: string } | { kind: "done"; message: string };

/** Upload files (.txt, .md, .docx, .pdf) or paste text as samples; each file is sent as its own request body. */
export function SampleUpload({ verified }: { verified: boolean }) {
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [register, setRegister] = useState("essay");
  const [mode, setMode] = useState<"file" | "paste">("file");
  const [text, setText] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function uploadFiles(files: File[]) {
    const problems: string[] = [];
    let added = 0;
    for (const [i, file] of files.entries()) {
      setStatus({ kind: "busy", message: `Uploading ${file.name} (${i + 1} of ${files.length})…` });
      const params = new URLSearchParams({ register, filename: file.name });
      const response = await fetch(`/api/v1/samples?${params}`, {
        method: "POST",
        body: file,
        headers: { "content-type": "application/octet-stream" },
      });
      if (response.ok) added++;
      else problems.push(`${file.name}: ${await errorMessage(response)}`);
    }
    return { added, problems };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let added = 0;
    let problems: string[] = [];
    if (mode === "file") {
      const files = Array.from(fileRef.current?.files ?? []);
      if (files.length === 0) return setStatus({ kind: "error", message: "Choose at least one file." });
      ({ added, problems } = await uploadFiles(files));
      if (fileRef.current) fileRef.current.value = "";
    } else {
      setStatus({ kind: "busy", message: "Adding your text…" });
      const response = await fetch("/api/v1/samples", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text, register }),
      });
      if (response.ok) {
        added = 1;
        setText("");
      } else problems = [await errorMessage(response)];
    }
    if (added > 0) router.refresh();
    setStatus(
      problems.length > 0
        ? { kind: "error", message: `${added > 0 ? `Added ${added}. ` : ""}${problems.join(" ")}` }
        : { kind: "done", message: `Added ${added} sample${added === 1 ? "" : "s"}. Your fingerprint is being rebuilt.` },
    );
  }

  return (
    <Card as="section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add a sample</h2>
      {!verified ? (
        <p className={forms.alert} role="alert">
          Verify your email address to add samples.
        </p>
      ) : null}
      <form className={forms.form} onSubmit={onSubmit} data-testid="sample-upload-form">
        <fieldset className={styles.row}>
          <legend className={forms.label}>How</legend>
          <label>
            <input type="radio" name="mode" value="file" checked={mode === "file"} onChange={() => setMode("file")} /> Upload files
          </label>
          <label>
            <input type="radio" name="mode" value="paste" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste text
          </label>
        </fieldset>
        <div className={forms.field}>
          <label className={forms.label} htmlFor={`${id}-register`}>
            Kind of writing
          </label>
          <select id={`${id}-register`} className={forms.select} value={register} onChange={(e) => setRegister(e.target.value)} data-testid="sample-register">
            {REGISTER_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {mode === "file" ? (
          <div className={forms.field}>
            <label className={forms.label} htmlFor={`${id}-file`}>
              Files
            </label>
            <p className={forms.hint} id={`${id}-file-hint`}>
              .txt, .md, .docx or .pdf, up to 10 MB each. English writing only.
            </p>
            <input
              ref={fileRef}
              id={`${id}-file`}
              type="file"
              multiple
              accept=".txt,.md,.markdown,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={`${id}-file-hint`}
              className={forms.input}
              data-testid="sample-file"
            />
          </div>
        ) : (
          <div className={forms.field}>
            <label className={forms.label} htmlFor={`${id}-text`}>
              Text
            </label>
            <textarea id={`${id}-text`} className={forms.input} rows={8} value={text} onChange={(e) => setText(e.target.value)} data-testid="sample-text" />
          </div>
        )}
        <div className={styles.row}>
          <Button type="submit" disabled={!verified || status.kind === "busy"} data-testid="sample-submit">
            Add sample
          </Button>
        </div>
        <p
          role={status.kind === "error" ? "alert" : "status"}
          className={status.kind === "error" ? forms.alert : status.kind === "done" ? forms.success : styles.meta}
          data-testid="sample-status"
          hidden={status.kind === "idle"}
        >
          {status.kind === "idle" ? "" : status.message}
        </p>
      </form>
    </Card>
  );
}
