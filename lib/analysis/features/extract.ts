// Everything the detector needs from a text: document features and, for each sentence,
// the features of its context window.
import { segment, type Segmented } from "../segment";
import { contextWindow } from "../windows";
import { computeFeatures } from "./compute";
import { countSentences, type Counted } from "./counts";

export interface Extracted {
  seg: Segmented;
  counted: Counted;
  words: number;
  values: Float64Array;
  /** per sentence: feature values of its context window */
  windows: Float64Array[];
}

export function extract(text: string, opts: { windows?: boolean } = {}): Extracted {
  const seg = segment(text);
  const counted = countSentences(seg);
  const n = seg.sentences.length;
  const values = computeFeatures(counted, 0, n);
  const windows: Float64Array[] = [];
  if (opts.windows !== false) {
    let lastKey = "";
    let last: Float64Array | undefined;
    for (let i = 0; i < n; i++) {
      const [a, b] = contextWindow(counted, i);
      const key = `${a}:${b}`;
      if (key !== lastKey || !last) { last = computeFeatures(counted, a, b); lastKey = key; }
      windows.push(last);
    }
  }
  let words = 0;
  for (const t of seg.tokens) if (t.kind === "word") words++;
  return { seg, counted, words, values, windows };
}
