// Bundled for the browser by scripts/bench-editor.ts: one editor update = what the editor computes per change.
import { analyze, segment } from "@/lib/analysis";
import { buildFingerprint } from "@/lib/analysis/fingerprint";
import { overusedPatterns } from "@/lib/workspace/patterns";
import { matchVoice } from "@/lib/workspace/voice-match";

export function prepare(samples: string[]) {
  return buildFingerprint(samples.map((text, i) => ({ id: String(i), text })));
}

export function update(text: string, fingerprint: ReturnType<typeof prepare>) {
  const analysis = analyze(text);
  const segmented = segment(text);
  const patterns = overusedPatterns(segmented);
  const voice = matchVoice({ text, segmented, fingerprint });
  return analysis.sentences.length + patterns.phrases.length + voice.leastLike.length;
}
