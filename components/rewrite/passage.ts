/** The passage a rewrite works on: the selection, or the whole text when nothing is selected, without its outer whitespace. */
export interface Passage {
  whole: boolean;
  start: number;
  end: number;
  text: string;
  words: number;
}

export const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function passageOf(text: string, selection: { start: number; end: number }): Passage {
  const whole = selection.start === selection.end;
  let start = whole ? 0 : Math.min(selection.start, text.length);
  let end = whole ? text.length : Math.min(selection.end, text.length);
  const slice = text.slice(start, end);
  const trimmed = slice.trim();
  if (trimmed === "") return { whole, start, end: start, text: "", words: 0 };
  // Spaces and blank lines around the passage stay where they are; the model would not give them back.
  start += slice.length - slice.trimStart().length;
  end -= slice.length - slice.trimEnd().length;
  return { whole, start, end, text: trimmed, words: countWords(trimmed) };
}

/**
 * The editor's text with the passage replaced. The passage is looked for where it was when the
 * rewrite started; if the writer edited around it meanwhile, it is found again by its exact text
 * when it occurs once. Null when it can no longer be found (it was itself edited, or occurs twice),
 * so a rewrite never lands on the wrong words.
 */
export function replacePassage(text: string, passage: { start: number; end: number; original: string }, replacement: string): { text: string; start: number; end: number } | null {
  let at = passage.start;
  if (text.slice(passage.start, passage.end) !== passage.original) {
    at = text.indexOf(passage.original);
    if (at === -1 || text.indexOf(passage.original, at + 1) !== -1) return null;
  }
  return { text: text.slice(0, at) + replacement + text.slice(at + passage.original.length), start: at, end: at + replacement.length };
}
