// Public entry of the analysis engine: a plain re-export barrel.
export { segment, tokenize, wordCount } from "./segment";
export type { Span, Token, TokenKind, Sentence, Paragraph, Segmented } from "./segment";
export { analyze, ENGINE_VERSION } from "./analyze";
export type { Analysis, AnalyzeOptions, SentenceResult } from "./analyze";
export type { Reason } from "./explain";
export type { Verdict, Abstention, AbstentionReason } from "./verdict";
export { FEATURES } from "./features/registry";
export type { FeatureDef } from "./features/registry";
export { DEFAULT_WEIGHTS } from "./detector";
export type { DetectorWeights } from "./detector";
