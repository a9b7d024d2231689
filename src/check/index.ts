// The compliance gate's public API. Other stages import from here only.
export { loadChecker, DEFAULT_PACK_DIR } from './load.ts';
export { verdictOf } from './verdict.ts';
export { runJsonl, type JsonlCounts } from './jsonl.ts';
export { renderExplanation, explainFindings, SEVERITY_LABELS, VERDICT_LABELS, type ExplainOptions } from './explain.ts';
export type { PackVocabulary } from './compile.ts';
export type { CheckContext, Checker, CheckedFinding, CheckReport } from './types.ts';
