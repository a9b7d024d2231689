// Metadata of an image as flat (field, value) text pairs: EXIF (with UserComment and the raw maker
// note), XMP, IPTC and PNG text chunks. sharp finds the blocks in every format it decodes (exifr
// alone cannot read WebP or AVIF); exifr turns each block into named fields. Metadata is best
// effort: a block that does not parse is skipped, because the pixels were already checked.
import * as exifrModule from 'exifr';
import sharp from 'sharp';

export interface MetaField {
  /** e.g. "ifd0.Software", "xmpMM.History[0].softwareAgent", "userComment", "png.Comment". */
  field: string;
  value: string;
}

// Node loads exifr's CommonJS build (everything on the default export); bundlers and vitest load
// its ES build, whose default export lacks `sidecar`. Take each function from wherever it is.
const exifr = {
  parse: exifrModule.parse ?? exifrModule.default.parse,
  sidecar: exifrModule.sidecar ?? exifrModule.default.sidecar,
};

const EXIF_OPTIONS = {
  tiff: true,
  exif: true,
  gps: false,
  interop: false,
  ifd1: false,
  xmp: false,
  iptc: false,
  icc: false,
  makerNote: true,
  userComment: true,
  mergeOutput: false,
} as const;

const XMP_OPTIONS = { xmp: true, mergeOutput: false, multiSegment: true } as const;

/** Text inside a byte field. UserComment starts with an 8-byte charset code; maker notes are
 *  binary with readable strings inside, so keep the printable runs. */
export function bytesToText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buf.subarray(0, 8).toString('latin1');
  if (head.startsWith('UNICODE')) {
    const body = buf.subarray(8);
    // Byte order is not recorded; the one with fewer NULs in the high bytes is the right one.
    let evenZeros = 0;
    for (let i = 0; i < body.length; i += 2) if (body[i] === 0) evenZeros++;
    const le = evenZeros < body.length / 4;
    const swapped = le ? body : Buffer.from(body).swap16();
    return swapped.toString('utf16le').replace(/\0+/g, ' ').trim();
  }
  const body = head.startsWith('ASCII') || head.startsWith('\0\0\0\0\0\0\0\0') || head.startsWith('JIS') ? buf.subarray(8) : buf;
  return body
    .toString('utf8')
    .split(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]+/)
    .filter((run) => run.trim().length >= 3)
    .join(' ')
    .trim();
}

/** Depth-first (path, text) pairs of a parsed metadata object. Namespace declarations (xmlns) are
 *  left out: their URIs name Adobe's schemas, which any software may use. */
export function flatten(value: unknown, path: string, out: MetaField[] = []): MetaField[] {
  if (value === null || value === undefined) return out;
  if (typeof value === 'string') {
    if (value.trim()) out.push({ field: path, value: value.trim() });
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    out.push({ field: path, value: String(value) });
  } else if (value instanceof Uint8Array) {
    const text = bytesToText(value);
    if (text) out.push({ field: path, value: text });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else if (value instanceof Date) {
    out.push({ field: path, value: value.toISOString() });
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'xmlns' || k === 'errors') continue;
      flatten(v, path ? `${path}.${k}` : k, out);
    }
  }
  return out;
}

async function quietly<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch {
    return undefined;
  }
}

/** sharp hands EXIF over with the "Exif\0\0" marker of the JPEG segment; exifr wants the TIFF block. */
function tiffBlock(exif: Buffer): Buffer {
  return exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
}

export async function readMetadataFields(bytes: Buffer): Promise<MetaField[]> {
  const meta = await quietly(() => sharp(bytes).metadata());
  if (!meta) return [];
  const fields: MetaField[] = [];
  if (meta.exif) flatten(await quietly(() => exifr.parse(tiffBlock(meta.exif!), EXIF_OPTIONS)), '', fields);
  if (meta.xmp) {
    const xmp = await quietly(() => exifr.sidecar(meta.xmp!, XMP_OPTIONS, 'xmp'));
    // If the XMP is too broken for the parser, scan its text: a Meitu flag is still a Meitu flag.
    // Namespace declarations go first — their URIs say "photoshop" in files Photoshop never saw.
    if (xmp) flatten(xmp, '', fields);
    else fields.push({ field: 'xmp', value: meta.xmp.toString('utf8').replace(/xmlns:[\w.-]+\s*=\s*("[^"]*"|'[^']*')/g, '') });
  }
  if (meta.iptc && meta.format === 'jpeg') flatten(await quietly(() => exifr.parse(bytes, { iptc: true, tiff: false, mergeOutput: false })), '', fields);
  for (const c of meta.comments ?? []) flatten(c.text, `png.${c.keyword}`, fields);
  return fields;
}
