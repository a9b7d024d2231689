// The image check's public API (issue 3 §6): R08 before/after composites, retouching traces,
// reuse of library images, and an ELA heat-map for the reviewer.
export { checkImages, type CheckImagesOptions } from './check.ts';
export type { ImageCheckReport, ImageFinding, ImageRuleId, ImageEvidence, SplitEvidence, RetouchEvidence, ReuseEvidence, SplitAxis } from './types.ts';
export { decodeImage, greyRaster, ImageInputError, type DecodedImage } from './decode.ts';
export { detectComposite, comparePanels, panelSpans, seamColumn, type CompositeDetection } from './composite.ts';
export { findDividerBands, columnProfile, type Band } from './dividers.ts';
export { transpose, thumbnail, pearson, type GreyRaster } from './raster.ts';
export { phashFromPixels, phashOf, hammingDistance, lowDct, PHASH_MATCH_DISTANCE } from './phash.ts';
export { ImageLibrary, nearest, type LibraryEntry, type LibraryMatch } from './library.ts';
export { readMetadataFields, flatten, bytesToText, type MetaField } from './metadata.ts';
export { findRetouchTraces, type RetouchTrace } from './retouch.ts';
export { loadRetouchList, DEFAULT_RETOUCH_APPS_FILE, type RetouchList, type RetouchMarker } from './retouch-apps.ts';
export { elaHeat, writeElaHeatmap, heatColour, ELA_QUALITY, ELA_GAIN } from './ela.ts';
export { compositeFinding, retouchFinding, reuseFinding } from './findings.ts';
