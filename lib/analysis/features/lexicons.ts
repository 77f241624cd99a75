// Closed word classes and phrase lists used by the features. Lower-case, straight apostrophes.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

export const ARTICLES = words("the a an");
export const FIRST_PERSON = words("i me my mine myself we us our ours ourselves i'm i've i'd i'll we're we've we'd we'll");
export const SECOND_PERSON = words("you your yours yourself yourselves you're you've you'd you'll");
export const PREPOSITIONS = words(`
  of in to for with on at by from about as into like through after over between out against during without
  before under around among within along across behind beyond toward towards upon onto throughout despite
  via per than since until unlike`);
export const AUXILIARIES = words("be is am are was were been being have has had having do does did will would shall should can could may might must");
export const CONJUNCTIONS = words("and but or nor so yet because although though while whereas if unless whether");
export const PRONOUNS = words(`
  i me my mine myself we us our ours you your yours he him his she her hers it its they them their theirs
  this that these those who whom whose which what someone something anyone anything everyone everything nobody nothing`);

// Function words: the union above plus common adverbs/determiners of grammar rather than topic.
export const FUNCTION_WORDS = new Set<string>([
  ...ARTICLES, ...PREPOSITIONS, ...AUXILIARIES, ...CONJUNCTIONS, ...PRONOUNS,
  ...words("not no all any some each every both either neither such only just also very too there here then now when where why how more most much many few other another own same so"),
]);

// Contractions (with and without apostrophe slip forms handled in word-frequency.ts).
export const CONTRACTION_SUFFIX = /'(?:s|t|re|ve|ll|d|m)$/;
export const MISSING_APOSTROPHE = words(
  "dont cant didnt doesnt isnt wasnt arent werent havent hasnt hadnt couldnt wouldnt shouldnt im ive thats theyre youre whats lets theres",
);

// Phrases: token sequences matched on lower-cased word tokens.
export const TRANSITIONS = [
  "however", "moreover", "furthermore", "additionally", "consequently", "therefore", "thus", "hence",
  "in addition", "in conclusion", "to conclude", "in summary", "to summarize", "overall", "ultimately",
  "first", "firstly", "second", "secondly", "third", "thirdly", "finally", "lastly", "on the other hand",
  "for example", "for instance", "as a result", "in contrast", "nevertheless", "nonetheless", "meanwhile",
  "similarly", "likewise", "importantly", "notably", "specifically", "in fact", "indeed", "of course",
];
export const HEDGES = [
  "may", "might", "could", "perhaps", "possibly", "potentially", "likely", "generally", "typically", "often",
  "somewhat", "relatively", "arguably", "seems", "appears", "suggests", "it is possible", "to some extent",
  "in many cases", "tend to", "tends to",
];
// Words whose frequency jumped in 2023–24 writing (Kobak et al. 2024, "Delving into ChatGPT usage
// in academic writing through excess vocabulary"), plus their inflections.
export const EXCESS_VOCABULARY = words(`
  delve delves delved delving showcase showcases showcased showcasing underscore underscores underscored
  underscoring intricate intricacies intricately pivotal realm realms meticulous meticulously notably
  comprehensive crucial crucially additionally enhance enhances enhanced enhancing emphasize emphasizes
  emphasizing emphasising garner garnered garnering tapestry testament nuanced nuances landscape landscapes
  multifaceted foster fosters fostered fostering leverage leverages leveraging bolster bolsters bolstering
  navigate navigates navigating navigation seamless seamlessly robust streamline streamlined streamlining
  vibrant commendable embark embarking elevate elevates elevating resonate resonates resonating paramount
  profound invaluable unwavering holistic transformative noteworthy endeavor endeavors endeavour strategically
  interplay insights insightful boasts boast encompass encompasses encompassing facilitate facilitates
  facilitating utilize utilizes utilizing utilization valuable vital essential key ensure ensures ensuring
  innovative dynamic evolving ever-evolving cutting-edge groundbreaking exemplifies exemplify captivating
  unparalleled harness harnessing empower empowering empowers thereby moreover furthermore`);
// Chat-model rhetoric: stock openers, closers and framings.
export const RHETORIC = [
  "not only", "but also", "it is important to", "it's important to", "it is worth noting", "it's worth noting",
  "when it comes to", "plays a crucial role", "play a crucial role", "plays a vital role", "play a vital role",
  "in today's", "whether you're", "let's", "dive into", "a wide range of", "a variety of", "in conclusion",
  "in summary", "overall", "a testament to", "serves as", "stands as", "in the realm of", "at the end of the day",
  "the key is", "here's", "here are", "it's not just", "it is not just", "rather than", "the importance of",
];

/** Phrase index: first word → phrases (as word arrays), longest first. */
export type PhraseIndex = Map<string, string[][]>;
export function phraseIndex(phrases: string[]): PhraseIndex {
  const idx: PhraseIndex = new Map();
  for (const p of phrases) {
    const ws = p.split(" ");
    const head = ws[0] ?? "";
    const list = idx.get(head) ?? [];
    list.push(ws);
    list.sort((a, b) => b.length - a.length);
    idx.set(head, list);
  }
  return idx;
}
