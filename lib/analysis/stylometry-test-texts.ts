// Texts written for the fingerprint, compare and attribute tests: two invented writers
// with clearly different habits. Not corpus text; only tests import this file.

/** A formal writer: long sentences, semicolons, "upon", "whilst", no contractions. */
const FORMAL = [
  "It is upon the steady habits of a people, rather than upon the letter of their laws, that the safety of a republic must finally rest; for laws may be altered, whilst habits endure.",
  "The committee has considered the proposal with some care; and although it finds much in it to commend, it cannot recommend that the measure be adopted in its present form.",
  "Whilst the cost of the bridge is considerable, the benefit to the towns upon either bank of the river would, in the opinion of the engineers, be greater still.",
  "We must therefore inquire, with all the patience that the subject demands, whether the powers proposed are necessary; and, if they are necessary, whether they are safe.",
  "The history of every such confederacy shows that the members have been more jealous of one another than of any foreign power; and this jealousy has seldom been without cause.",
  "Upon reflection, the objection appears to rest upon a misunderstanding of the plan, which neither abolishes the states nor deprives them of any authority that is properly their own.",
  "It may be said, with some justice, that the evil is remote; but an evil which is remote to-day may be pressing to-morrow, and prudence requires that it be met in advance.",
  "The revenue of the nation, whilst it is collected by many hands, is spent by few; and it is upon the conduct of those few that the public confidence will depend.",
];

/** A casual writer: short sentences, contractions, exclamations, dashes, "really" and "just". */
const CASUAL = [
  "I can't believe it's Friday already!",
  "We're heading to the lake tomorrow — you should totally come.",
  "Honestly I don't really know what happened, but it's fine now.",
  "Just grab some snacks and we'll figure out the rest later!",
  "My sister says it's gonna rain, but she's always wrong about that stuff.",
  "Didn't you say you'd bring the big cooler?",
  "It's so good to finally have a weekend off — I really needed it.",
  "Anyway, text me when you're close and I'll come down to meet you!",
  "That movie was just okay, I guess — the ending didn't really work for me.",
  "We've got pizza, we've got drinks, what else do we need?",
];

function rotate(lines: readonly string[], start: number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(lines[(start + i * 3) % lines.length] ?? "");
  return out.join(" ");
}

/** The i-th sample of a writer: n sentences picked in a rotating order. */
export function formalSample(i: number, n = 6): string {
  return rotate(FORMAL, i, n);
}
export function casualSample(i: number, n = 12): string {
  return rotate(CASUAL, i, n);
}
