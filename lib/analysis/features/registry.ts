// The feature registry: stable names (never rename; add new ones), one-line descriptions
// and how each is read. Human norms (quantiles over human training text) live in
// detector-weights.json, written by scripts/train-detector.ts.

export interface FeatureDef {
  name: string;
  description: string;
  /** how a value is phrased: "rate" per 100 words, "ratio" 0..1 as a percentage, "number" as is */
  unit: "per100" | "share" | "number";
  /** transform applied before standardising, to tame skewed rates */
  transform: "sqrt" | "none";
  /** false for features shown to people but kept out of the detector (domain artefacts) */
  inModel: boolean;
}

const f = (name: string, description: string, unit: FeatureDef["unit"], transform: FeatureDef["transform"] = "none", inModel = true): FeatureDef =>
  ({ name, description, unit, transform, inModel });

export const FEATURES: readonly FeatureDef[] = [
  f("sentence_length_mean", "average sentence length in words", "number", "sqrt"),
  f("sentence_length_spread", "how much sentence lengths vary (coefficient of variation)", "number"),
  f("sentence_length_burstiness", "how much the length changes from one sentence to the next", "number"),
  f("word_length_mean", "average word length in letters", "number"),
  f("polysyllable_share", "share of words with three or more syllables", "share", "sqrt"),
  f("lexical_diversity", "variety of vocabulary (moving-average type-token ratio over 50 words)", "share"),
  f("hapax_share", "share of words used only once (per 100-word stretch)", "share"),
  f("word_commonness", "how common the words are (mean Zipf frequency, SUBTLEX-US)", "number"),
  f("rare_word_share", "share of rare or unknown words", "share", "sqrt"),
  f("non_word_rate", "lower-case words not in the frequency list", "per100", "sqrt"),
  f("spelling_slip_rate", "likely spelling slips (one letter from a common word, missing apostrophes)", "per100", "sqrt"),
  f("function_word_share", "share of function words (the, of, and, it …)", "share"),
  f("first_person_rate", "first-person pronouns (I, we, my …)", "per100", "sqrt"),
  f("second_person_rate", "second-person pronouns (you, your …)", "per100", "sqrt"),
  f("article_rate", "articles (the, a, an)", "per100", "sqrt"),
  f("preposition_rate", "prepositions", "per100", "sqrt"),
  f("ly_adverb_rate", "adverbs ending in -ly", "per100", "sqrt"),
  f("nominalisation_rate", "nouns made from verbs or adjectives (-tion, -ment, -ness, -ity …)", "per100", "sqrt"),
  f("ing_rate", "words ending in -ing", "per100", "sqrt"),
  f("adjective_suffix_rate", "adjectives by suffix (-ive, -ous, -ful, -able …)", "per100", "sqrt"),
  f("contraction_rate", "contractions (don't, it's …)", "per100", "sqrt"),
  f("hyphenated_rate", "hyphenated words", "per100", "sqrt"),
  f("proper_noun_rate", "capitalised words inside sentences (names, places)", "per100", "sqrt"),
  f("number_rate", "numbers", "per100", "sqrt"),
  f("transition_rate", "transition words and phrases (however, moreover, in conclusion …) per sentence", "number", "sqrt"),
  f("hedge_rate", "hedging words (may, might, perhaps, typically …)", "per100", "sqrt"),
  f("excess_vocabulary_rate", "words that chat models overuse (delve, pivotal, showcase, crucial …)", "per100", "sqrt"),
  f("stock_phrase_rate", "stock phrases of chat models (not only … but also, it's important to …) per sentence", "number", "sqrt"),
  f("comma_rate", "commas", "per100", "sqrt"),
  f("semicolon_rate", "semicolons", "per100", "sqrt"),
  f("colon_rate", "colons", "per100", "sqrt"),
  f("dash_rate", "dashes (— – and spaced hyphens)", "per100", "sqrt"),
  f("parenthesis_rate", "parentheses", "per100", "sqrt"),
  f("quotation_rate", "quotation marks", "per100", "sqrt"),
  f("question_rate", "questions per sentence", "share", "sqrt"),
  f("exclamation_rate", "exclamations per sentence", "share", "sqrt"),
  f("ellipsis_rate", "ellipses", "per100", "sqrt"),
  f("typography_slip_rate", "spaces before punctuation and doubled spaces per sentence", "number", "sqrt"),
  f("lowercase_start_share", "sentences starting with a lower-case letter, and a lower-case 'i'", "share", "sqrt"),
  f("all_caps_rate", "words in capitals", "per100", "sqrt"),
  f("repeated_trigram_share", "share of three-word sequences that repeat (per 200-word stretch)", "share", "sqrt"),
  f("opener_repetition", "how often sentences start with the same word", "share"),
  f("flesch_reading_ease", "Flesch reading ease (higher is easier)", "number"),
  f("coleman_liau_grade", "Coleman–Liau grade level", "number"),
  f("automated_readability_grade", "automated readability index (grade level)", "number"),
  f("sentences_per_paragraph", "sentences per paragraph", "number", "sqrt", false),
  f("word_count", "number of words", "number", "sqrt", false),
  // added with detector-4: how evenly the text keeps its register from sentence to sentence, and dialogue
  f("word_length_spread", "how much the average word length varies from sentence to sentence", "number"),
  f("commonness_spread", "how much word commonness varies from sentence to sentence", "number"),
  f("dialogue_share", "share of words inside double quotation marks (dialogue, quotations)", "share", "sqrt"),
];

export const FEATURE_INDEX: ReadonlyMap<string, number> = new Map(FEATURES.map((d, i) => [d.name, i]));
export const NF = FEATURES.length;
