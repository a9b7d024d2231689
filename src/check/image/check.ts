// Checks image files one by one: decode, then the three R08 detectors (composite, retouching,
// reuse), then the ELA heat-map for the reviewer. Each file is independent: a file that cannot be
// read becomes a report with `error`, and the next file is checked as usual.
import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { SiyuError } from '../../shared/errors.ts';
import { verdictOf } from '../verdict.ts';
import { detectComposite } from './composite.ts';
import { decodeImage, greyRaster, ImageInputError, type DecodedImage } from './decode.ts';
import { writeElaHeatmap } from './ela.ts';
import { compositeFinding, retouchFinding, reuseFinding } from './findings.ts';
import { ImageLibrary, shownPath } from './library.ts';
import { readMetadataFields } from './metadata.ts';
import { phashOf } from './phash.ts';
import { findRetouchTraces } from './retouch.ts';
import { loadRetouchList, type RetouchList } from './retouch-apps.ts';
import type { ImageCheckReport, ImageFinding } from './types.ts';

export interface CheckImagesOptions {
  /** Folder of known images (stock, already posted); none → no reuse check. */
  libraryDir?: string;
  /** An already loaded library (e.g. kept across calls by a long-running process). */
  library?: ImageLibrary;
  /** Where ELA heat-maps go; none → no heat-maps. */
  elaDir?: string;
  /** Defaults to compliance/image/retouch-apps.yaml. */
  retouchList?: RetouchList;
  /** Non-fatal problems (a skipped library image, an unwritable heat-map), in Chinese. */
  onWarning?: (message: string) => void;
  /** Called as each file is done, in order, before the next starts. */
  onReport?: (report: ImageCheckReport) => void;
}

interface Run {
  library: ImageLibrary;
  retouch: RetouchList;
  elaDir?: string;
  /** Heat-map names taken in this run: two "photo.jpg" from different folders must not collide. */
  elaNames: Set<string>;
  warn: (message: string) => void;
}

function failed(file: string, e: unknown): ImageCheckReport {
  const error = e instanceof ImageInputError ? e.message : `检查 ${file} 时出错：${(e as Error).message}`;
  return { file, verdict: 'block', findings: [], error };
}

function elaPath(run: Run, file: string): string {
  const base = path.basename(file, path.extname(file)) || 'image';
  let name = `${base}-ela.png`;
  for (let n = 2; run.elaNames.has(name); n++) name = `${base}-${n}-ela.png`;
  run.elaNames.add(name);
  return path.join(run.elaDir!, name);
}

async function findingsOf(img: DecodedImage, run: Run): Promise<ImageFinding[]> {
  const findings: ImageFinding[] = [];
  const composite = detectComposite(await greyRaster(img));
  if (composite) findings.push(compositeFinding(composite));
  for (const trace of findRetouchTraces(await readMetadataFields(img.bytes), run.retouch)) findings.push(retouchFinding(trace));
  const self = await realpath(img.file).catch(() => undefined);
  const match = run.library.match(await phashOf(img), self);
  if (match) findings.push(reuseFinding(match));
  return findings;
}

export async function checkImage(file: string, run: Run): Promise<ImageCheckReport> {
  let report: ImageCheckReport;
  let img: DecodedImage;
  try {
    img = await decodeImage(file);
    const findings = await findingsOf(img, run);
    report = { file, verdict: verdictOf(findings), findings };
  } catch (e) {
    return failed(file, e);
  }
  if (run.elaDir) {
    // The heat-map is for human eyes only and never changes the verdict; failing to write it
    // costs the reviewer a picture, not the file its check.
    const out = elaPath(run, file);
    try {
      await writeElaHeatmap(img, out);
      report.elaHeatmap = shownPath(out);
    } catch (e) {
      run.warn(`无法写入 ${file} 的 ELA 热力图 ${out}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return report;
}

export async function checkImages(files: readonly string[], opts: CheckImagesOptions = {}): Promise<ImageCheckReport[]> {
  const warn = opts.onWarning ?? (() => {});
  const retouch = opts.retouchList ?? (await loadRetouchList());
  const library = opts.library ?? (opts.libraryDir ? await ImageLibrary.load(opts.libraryDir, warn) : ImageLibrary.empty());
  if (opts.elaDir) {
    try {
      await mkdir(opts.elaDir, { recursive: true });
    } catch (e) {
      throw new SiyuError(`无法创建 ELA 热力图目录 ${opts.elaDir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`, ['用 --ela-dir 指定一个可写的目录']);
    }
  }
  const run: Run = { library, retouch, elaDir: opts.elaDir, elaNames: new Set(), warn };
  const reports: ImageCheckReport[] = [];
  for (const file of files) {
    const report = await checkImage(file, run);
    reports.push(report);
    opts.onReport?.(report);
  }
  return reports;
}
