// Retouching traces in metadata: an editing app named in a value (Software, CreatorTool, the XMP
// edit history, UserComment…), or a face-edit mark in a field name or value (Meitu writes its
// face-slimming and skin-smoothing parameters into UserComment and its own XMP fields). Pure:
// fields in, traces out. Absent metadata proves nothing — WeChat strips it on upload.
import type { MetaField } from './metadata.ts';
import type { RetouchList, RetouchMarker } from './retouch-apps.ts';

export interface RetouchTrace {
  kind: 'app' | 'trace';
  /** App name or trace label from the list. */
  name: string;
  field: string;
  /** The value, or the part of a long value around the hit. */
  value: string;
}

/** Fields naming the camera, not the editor: a phone made by Meitu is not an edit. */
const HARDWARE_FIELD = /(?:^|\.)(?:Make|Model|LensMake|LensModel|LensInfo)$/i;
const WORD_CHAR = /[a-z0-9]/;
const SNIPPET = 40;

function findNeedle(haystack: string, m: RetouchMarker): number {
  for (const needle of m.needles) {
    let at = haystack.indexOf(needle);
    while (at >= 0) {
      const before = haystack[at - 1] ?? ' ';
      const after = haystack[at + needle.length] ?? ' ';
      if (!m.wholeWord || (!WORD_CHAR.test(before) && !WORD_CHAR.test(after))) return at;
      at = haystack.indexOf(needle, at + 1);
    }
  }
  return -1;
}

/** Short values whole; long ones (a maker note, a JSON UserComment) around the hit. */
function snippet(value: string, at: number): string {
  if (value.length <= SNIPPET * 2) return value;
  const from = Math.max(0, at - SNIPPET);
  const to = Math.min(value.length, at + SNIPPET);
  return `${from > 0 ? '…' : ''}${value.slice(from, to)}${to < value.length ? '…' : ''}`;
}

/** One trace per app or label (the first field where it shows), apps before marks. A field that
 *  names an app is not reported again as a mark ("BeautyCam" is not also a "beauty" flag). */
export function findRetouchTraces(fields: readonly MetaField[], list: RetouchList): RetouchTrace[] {
  const found = new Map<string, RetouchTrace>();
  const apps = list.markers.filter((m) => m.kind === 'app');
  const traces = list.markers.filter((m) => m.kind === 'trace');
  for (const f of fields) {
    const value = f.value.toLowerCase();
    const name = f.field.toLowerCase();
    if (HARDWARE_FIELD.test(f.field)) continue;
    let namedApp = false;
    for (const m of apps) {
      const at = findNeedle(value, m);
      if (at < 0) continue;
      namedApp = true;
      if (!found.has(m.name)) found.set(m.name, { kind: 'app', name: m.name, field: f.field, value: snippet(f.value, at) });
    }
    if (namedApp) continue;
    for (const m of traces) {
      const inValue = findNeedle(value, m);
      // App names are matched in values only: XMP namespaces are called "photoshop" in files
      // Photoshop never touched. Marks may be field names (meitu:FaceLift).
      if (inValue < 0 && findNeedle(name, m) < 0) continue;
      if (!found.has(m.name)) found.set(m.name, { kind: 'trace', name: m.name, field: f.field, value: snippet(f.value, Math.max(0, inValue)) });
      break;
    }
  }
  return [...found.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'app' ? -1 : 1));
}
