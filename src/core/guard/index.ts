/**
 * The injection guard: a layered, pure-function defence against prompt injection in the text
 * threatstorm reads (scanner), hands to a model (spotlight, canary) and gets back (output check),
 * with an optional LLM judge for flagged spans.
 */
export { scanText, summarize, INJECTION_THRESHOLD, SUSPICIOUS_THRESHOLD, type ScanOptions, type ScanResult } from './scan.js';
export { normalizeText, type Normalized, type SmuggledRun } from './normalize.js';
export { layoutOf, type DocFormat, type Hiding, type Layout, type Region } from './regions.js';
export { findEncoded, decodeBase64, decodeHex, rot13, type DecodedSpan } from './decoders.js';
export { findObfuscated, type Unscrambled } from './obfuscation.js';
export { findTaskLines, type TaskLine } from './tasks.js';
export { CUES, type Cue, type Family } from './patterns.js';
export { createSpotlight, cryptoRng, randomToken, type Rng, type Spotlight } from './spotlight.js';
export { createCanary, canaryInstruction, checkCanary, type CanaryCheck, type CanaryForm } from './canary.js';
export { checkModelOutput, language, type ModelOutput, type OutputCheckInput, type OutputCheckResult, type OutputExpectation } from './outputCheck.js';
export { judgeFindings, applyJudge, buildJudgePrompt, JudgeAnswerSchema, JudgeVerdictSchema, type JudgeInput, type JudgeResult, type JudgeVerdict } from './judge.js';
