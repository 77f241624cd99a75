/** Upload limits for samples and editor files (issue 5). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** A sample shorter than this tells the fingerprint nothing; refused with a clear message. */
export const MIN_SAMPLE_WORDS = 20;
