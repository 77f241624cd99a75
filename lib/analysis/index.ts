// Public entry of the analysis engine: a plain re-export barrel.
export { segment, tokenize, wordCount } from "./segment";
export type { Span, Token, TokenKind, Sentence, Paragraph, Segmented } from "./segment";
export { analyze, beginAnalysis, scoreSentences, finishAnalysis, ENGINE_VERSION } from "./analyze";
export type { Analysis, AnalysisStage, AnalyzeOptions, SentenceResult } from "./analyze";
export type { Reason } from "./explain";
export type { Verdict, Abstention, AbstentionReason } from "./verdict";
export { FEATURES } from "./features/registry";
export type { FeatureDef } from "./features/registry";
export { DEFAULT_WEIGHTS } from "./detector";
export { MACHINE_NORMS, machineBand, quantileAt } from "./machine-norms";
export type { DetectorWeights } from "./detector";
// Fingerprints, comparison and attribution (authorship).
export { buildFingerprint, addSample, removeSample, parseFingerprint, serializeFingerprint, fingerprintConfidence, confidenceLevel, REGISTERS, FINGERPRINT_SCHEMA_VERSION } from "./fingerprint";
export type { Fingerprint, FingerprintOptions, SampleInput, Register, ConfidenceLevel } from "./fingerprint";
export { compareText, AUTHORSHIP_CALIBRATION } from "./compare";
export type { CompareResult, CompareOptions, Deviation, MatchVerdict } from "./compare";
export { attributeText } from "./attribute";
export type { AttributionResult, AttributeOptions, Candidate } from "./attribute";
export { STYLE_FEATURES } from "./stylometry";
export type { StyleFeature } from "./stylometry";
