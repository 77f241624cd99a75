"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/button";
import type { Side } from "@/lib/workspace/merge-drafts";
import type { DraftConflict } from "./use-autosave";
import local from "./conflict-panel.module.css";

const SIDE_WORDS: Record<Side, string> = { mine: "This device", theirs: "The other device" };

function Version({ side, text }: { side: Side; text: string }) {
  return (
    <div className={local.version} data-side={side}>
      <p className={local.versionLabel}>{SIDE_WORDS[side]}</p>
      {text.trim() ? <p className={local.versionText}>{text}</p> : <p className={local.removed}>(removed here)</p>}
    </div>
  );
}

/**
 * Shown when this tab and another device changed the same sentences: both versions of each
 * region side by side, a choice per region (this device's by default), or one side for all.
 * Everything else was merged already; nothing is lost until the writer chooses.
 */
export function ConflictPanel({ conflict, onResolve }: { conflict: DraftConflict; onResolve: (choices: { title?: Side; regions: Record<number, Side> }, fallback?: Side) => void }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [regions, setRegions] = useState<Record<number, Side>>({});
  const [title, setTitle] = useState<Side>("mine");
  const { merge } = conflict;
  const conflicts = merge.chunks.flatMap((c) => (c.kind === "conflict" ? [c] : []));
  const places = conflicts.length === 0 ? "" : conflicts.length === 1 ? "one place in the text" : `${conflicts.length} places in the text`;
  const changed = [merge.title.kind === "conflict" ? "the title" : "", places].filter(Boolean).join(" and ");
  const plural = merge.title.kind === "conflict" ? conflicts.length > 0 : conflicts.length > 1;

  // Move focus here so keyboard and screen-reader users land on the choice to make.
  useEffect(() => heading.current?.focus(), []);

  const choice = (name: string, value: Side, current: Side, set: (s: Side) => void, label: string) => (
    <label className={local.choice}>
      <input type="radio" name={name} value={value} checked={current === value} onChange={() => set(value)} /> {label}
    </label>
  );

  return (
    <section aria-labelledby={`${id}-h`} className={local.panel} data-testid="conflict-panel">
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1} className={local.heading}>
        Changed on another device too
      </h3>
      <p>
        This draft was edited here and on another device at the same time. Changes in different places are already merged;{" "}
        {changed} {plural ? "were" : "was"} changed on both. Choose what to keep. Until you do, autosave is paused and
        your version stays on this device.
      </p>
      <div className={local.actions}>
        <Button onClick={() => onResolve({ regions: {} }, "mine")} data-testid="keep-mine">
          Keep mine
        </Button>
        <Button variant="secondary" onClick={() => onResolve({ regions: {} }, "theirs")} data-testid="keep-theirs">
          Keep theirs
        </Button>
      </div>
      <form
        className={local.regions}
        onSubmit={(e) => {
          e.preventDefault();
          onResolve({ title, regions }, "mine");
        }}
      >
        <p className={local.or}>Or choose place by place:</p>
        {merge.title.kind === "conflict" ? (
          <fieldset className={local.region} data-testid="conflict-title">
            <legend>Title</legend>
            <div className={local.versions}>
              <Version side="mine" text={merge.title.mine} />
              <Version side="theirs" text={merge.title.theirs} />
            </div>
            {choice(`${id}-title`, "mine", title, setTitle, "Keep this device's title")}
            {choice(`${id}-title`, "theirs", title, setTitle, "Keep the other device's title")}
          </fieldset>
        ) : null}
        {conflicts.map((c, i) => {
          const current = regions[c.id] ?? "mine";
          const set = (s: Side) => setRegions((r) => ({ ...r, [c.id]: s }));
          return (
            <fieldset key={c.id} className={local.region} data-testid={`conflict-region-${c.id}`}>
              <legend>
                Place {i + 1} of {conflicts.length}
              </legend>
              <div className={local.versions}>
                <Version side="mine" text={c.mine} />
                <Version side="theirs" text={c.theirs} />
              </div>
              {choice(`${id}-r${c.id}`, "mine", current, set, "Keep this device's version")}
              {choice(`${id}-r${c.id}`, "theirs", current, set, "Keep the other device's version")}
            </fieldset>
          );
        })}
        <div>
          <Button type="submit" variant="secondary" data-testid="resolve-choices">
            Keep my choices
          </Button>
        </div>
      </form>
    </section>
  );
}
