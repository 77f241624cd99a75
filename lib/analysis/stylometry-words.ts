// English function words for the style vector. Function words carry little topic, so a
// writer's rates of them travel across subjects (Mosteller & Wallace 1964; Burrows 2002).
// Grouped by class only for readability; order is part of the fingerprint schema, so
// append new words at the end of a group only together with a schema version bump.

export const FUNCTION_WORDS: readonly string[] = [
  // articles and determiners
  "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither", "any",
  "some", "no", "all", "both", "few", "many", "much", "more", "most", "less", "least", "several",
  "such", "other", "another", "own", "same", "enough",
  // personal, possessive, reflexive and relative pronouns
  "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
  "yourself", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
  "they", "them", "their", "theirs", "themselves", "who", "whom", "whose", "which", "what", "whatever",
  "whoever", "one", "ones", "someone", "something", "anyone", "anything", "everyone", "everything",
  "nobody", "nothing", "none",
  // prepositions
  "about", "above", "across", "after", "against", "along", "amid", "among", "amongst", "around", "as",
  "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by",
  "despite", "down", "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of",
  "off", "on", "onto", "out", "outside", "over", "past", "per", "since", "through", "throughout",
  "till", "to", "toward", "towards", "under", "underneath", "unlike", "until", "up", "upon", "via",
  "with", "within", "without",
  // conjunctions and subordinators
  "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "whilst",
  "whereas", "if", "unless", "whether", "than", "once", "when", "whenever", "where", "wherever",
  "why", "how", "therefore", "thus", "hence", "however", "moreover", "furthermore", "nevertheless",
  "otherwise", "also", "indeed",
  // auxiliaries and modals
  "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do",
  "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought",
  // adverbs and particles common across topics
  "not", "very", "too", "just", "only", "even", "still", "already", "always", "never", "often",
  "sometimes", "perhaps", "rather", "quite", "really", "almost", "again", "ever", "here", "there",
  "then", "now", "well", "yes", "please", "thanks", "anyway", "actually", "probably", "certainly",
  "especially", "maybe", "soon", "together", "instead", "else", "far", "away", "back",
];

/** Contraction endings, counted on word tokens that contain an apostrophe. */
export const CONTRACTION_SUFFIXES: readonly { suffix: string; name: string; label: string }[] = [
  { suffix: "n't", name: "contraction:nt", label: "\"n't\" contractions (don't, can't)" },
  { suffix: "'re", name: "contraction:re", label: "\"'re\" contractions (you're, they're)" },
  { suffix: "'ve", name: "contraction:ve", label: "\"'ve\" contractions (I've, we've)" },
  { suffix: "'ll", name: "contraction:ll", label: "\"'ll\" contractions (I'll, we'll)" },
  { suffix: "'m", name: "contraction:m", label: "\"I'm\"" },
  { suffix: "'d", name: "contraction:d", label: "\"'d\" contractions (I'd, we'd)" },
  { suffix: "'s", name: "apostrophe-s", label: "\"'s\" (it's, John's)" },
];

/** Words that open a sentence as a link to the previous one. */
export const CONJUNCTION_OPENERS: ReadonlySet<string> = new Set(["and", "but", "so", "or", "yet", "because"]);
