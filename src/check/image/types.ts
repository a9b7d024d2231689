// Public types of the image check. An image gets the same verdict scale as a text (pass / review /
// block) and findings in category R08 (patients' images as proof), each with the law it rests on.
import type { Severity, Verdict } from '../../domain/types.ts';

export type ImageRuleId = 'R08-before-after' | 'R08-split-panels' | 'R08-retouched' | 'R08-reused';

export type SplitAxis = 'vertical' | 'horizontal';

/** Why an image looks like a before/after comparison (or at least a multi-panel collage). */
export interface SplitEvidence {
  /** vertical = panels side by side (a vertical seam); horizontal = stacked. */
  split: SplitAxis;
  panels: number;
  /** Correlation of the most alike pair of neighbouring panels' thumbnails, −1…1. */
  similarity: number;
  /** Divider bars, as fractions of the width (vertical) or height (horizontal), e.g. [0.5]. */
  dividers: number[];
}

export interface RetouchEvidence {
  /** The editing app, when a name was found; otherwise `trace` says what kind of mark it was. */
  software?: string;
  trace?: string;
  /** Where in the metadata, e.g. "ifd0.Software" or "xmpMM.History[0].softwareAgent". */
  field: string;
  value: string;
}

export interface ReuseEvidence {
  /** The library file that matched, as given (relative to the working directory when inside it). */
  match: string;
  /** Hamming distance between the 64-bit perceptual hashes (0 = identical). */
  distance: number;
}

export type ImageEvidence = SplitEvidence | RetouchEvidence | ReuseEvidence;

export interface ImageFinding {
  rule: ImageRuleId;
  category: 'R08';
  severity: Severity;
  explanation: string;
  basis: string;
  suggestion: string;
  evidence: ImageEvidence;
}

export interface ImageCheckReport {
  file: string;
  /** pass / review / block from the findings; a file that could not be checked is `block`
   *  (nobody can publish an image nobody could look at) and carries `error`. */
  verdict: Verdict;
  findings: ImageFinding[];
  /** Error-level-analysis heat-map for the reviewer; never affects the verdict. */
  elaHeatmap?: string;
  /** Chinese message naming the file when it could not be read or decoded. */
  error?: string;
}
