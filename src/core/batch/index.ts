/**
 * `threatstorm batch` core: input expansion, the endpoint pool, resumable manifest, roll-up and the
 * `--fail-on` gate. Pure Node (no Ink/React); the CLI and any model-backed provider plug in here.
 */
export { runBatch, type BatchDeps, type BatchOptions, type BatchSummary, type GenerateFn, type GenerateContext, type ParseFn } from './runBatch.js';
export { offlineGenerate, type OfflineGenerateDeps } from './offline.js';
export { runPool, localEndpoint, LOCAL_ENDPOINT_ID, NoEndpointError, type Endpoint, type PoolOptions, type PoolOutcome, type PoolStats, type WorkContext } from './pool.js';
export { expandInputs, displayPath, ignoreMatcher, isArchitectureFile, ARCHITECTURE_EXTENSIONS, type BatchInput, type ExpandedInputs, type InputProblem } from './inputs.js';
export { compileGlob, expandBraces, hasGlobMagic, matchGlob, type GlobMatcher } from './glob.js';
export { outputNames, sanitizeName, RESERVED_NAMES } from './naming.js';
export { SummaryLineSchema, CaseFactSchema, SUMMARY_JSONL, readManifest, manifestText, settingsHash, type SummaryLine, type CaseFact, type BatchSettings } from './manifest.js';
export { rollUp, rollupMarkdown, rollupCsv, SUMMARY_CSV_COLUMNS, type Rollup, type TopRisk, type Recurring } from './rollup.js';
export { AcceptFileSchema, AcceptRuleSchema, ACCEPT_FILE_NAMES, findAcceptFile, loadAcceptFile, parseAcceptFile, isExpired, type AcceptList, type AcceptRule } from './accept.js';
export { evaluateGate, atOrAbove, type GateResult, type GateTrip, type GateAccepted } from './gate.js';
export { initialProgress, reduceProgress, formatItemLine, formatDuration, seriousText, type BatchEvent, type ProgressState } from './progress.js';
export { removeOwnTempFiles, sweepStaleTempFiles, TEMP_FILE_RE, LOCK_FILE } from './atomic.js';
