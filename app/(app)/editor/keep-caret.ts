import { mapOffset } from "@/lib/workspace/merge-drafts";

/**
 * When a merge replaces the text under the writer's caret, put the caret (and selection) back next
 * to the same words, once React has rendered the new text. Only when the field has focus.
 */
export function keepCaret(el: HTMLTextAreaElement | null, from: string, to: string): void {
  if (!el || el.ownerDocument.activeElement !== el) return;
  const start = mapOffset(from, to, el.selectionStart);
  const end = mapOffset(from, to, el.selectionEnd);
  requestAnimationFrame(() => {
    if (el.value === to) el.setSelectionRange(start, Math.max(start, end));
  });
}
