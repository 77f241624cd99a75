export { extractDocument, fileTooLarge, type ExtractedDocument, type SourceType } from "./extract";
export { detectType, type DetectedType } from "./detect-type";
export { decodeText } from "./decode-text";
export { normalizeText, contentHash } from "./normalize";
export { validateSampleText } from "./validate-sample";
export { readBodyLimited } from "./read-body";
export { MAX_DOCUMENT_BYTES, MIN_SAMPLE_WORDS } from "./limits";
