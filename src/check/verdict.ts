// The verdict is a pure function of the findings: any block → block, else any review → review,
// else pass. Warnings are shown to the editor but never change the verdict.
import type { Finding, Severity, Verdict } from '../domain/types.ts';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { warn: 0, review: 1, block: 2 };

export function verdictOf(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  if (findings.some((f) => f.severity === 'block')) return 'block';
  if (findings.some((f) => f.severity === 'review')) return 'review';
  return 'pass';
}
