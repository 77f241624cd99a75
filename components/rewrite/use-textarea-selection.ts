"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * The selected range of a textarea, kept current as the writer selects or types. A textarea keeps
 * its selection after it loses focus, so the range is still there when a button is pressed.
 */
export function useTextareaSelection(ref: RefObject<HTMLTextAreaElement | null>): { start: number; end: number } {
  const [range, setRange] = useState({ start: 0, end: 0 });
  useEffect(() => {
    const update = () => {
      const el = ref.current;
      if (!el) return;
      setRange((r) => (r.start === el.selectionStart && r.end === el.selectionEnd ? r : { start: el.selectionStart, end: el.selectionEnd }));
    };
    const el = ref.current;
    document.addEventListener("selectionchange", update);
    el?.addEventListener("select", update);
    el?.addEventListener("input", update);
    el?.addEventListener("keyup", update);
    el?.addEventListener("mouseup", update);
    return () => {
      document.removeEventListener("selectionchange", update);
      el?.removeEventListener("select", update);
      el?.removeEventListener("input", update);
      el?.removeEventListener("keyup", update);
      el?.removeEventListener("mouseup", update);
    };
  }, [ref]);
  return range;
}
