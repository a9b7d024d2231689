// Public types of the compliance gate. Finding/CheckResult/Verdict live in src/domain/types.ts;
// this file only adds what the gate itself needs to expose.
import type { CheckResult, ContentType, Finding } from '../domain/types.ts';
import type { Brand, Service } from '../workspace/schema.ts';
import type { PackVocabulary } from './compile.ts';

/** What the checker may know about where a text will be published. Everything is optional:
 *  rules that need a missing piece (e.g. R15 needs the brand) simply do not fire. */
export interface CheckContext {
  brand?: Pick<Brand, 'isMedicalInstitution' | 'adReviewCertificate' | 'licensedDepartments'>;
  services?: Pick<Service, 'name' | 'department'>[];
  contentType?: ContentType;
}

/** A finding that also records the rule-pack version that produced it (stored per finding). */
export interface CheckedFinding extends Finding {
  explanation: string;
  suggestion: string;
  /** What to put in place of the matched words: compliant wording, or "" to delete them.
   *  A suggestion only: nothing is changed without an editor. */
  replacement: string;
  rulePackVersion: string;
}

export interface CheckReport extends CheckResult {
  findings: CheckedFinding[];
}

export interface Checker {
  /** Rule-pack version, e.g. "2026.11-1". */
  readonly version: string;
  /** Category id → Chinese title, e.g. R13 → 绝对化用语. */
  readonly categories: Readonly<Record<string, string>>;
  /** Number of rules loaded, for diagnostics. */
  readonly ruleCount: number;
  /** The literal terms and regex sources of the pack, as written (benchmarks compare against them). */
  readonly vocabulary: PackVocabulary;
  check(text: string, ctx?: CheckContext): CheckReport;
}
