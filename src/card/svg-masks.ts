// satori wraps images and every child of an `overflow:hidden` box in an SVG <mask> that is just a
// white rectangle. librsvg renders each mask as an offscreen copy of the whole canvas, which made
// rasterising a poster 5× slower. A white rectangular mask lets through exactly what a clip to that
// rectangle does, so each one is turned into a clip path (or dropped where the element is already
// clipped to the same rectangle). Anything else — rounded or nested masks — is left as satori drew it.

const RECT_MASK = /<mask id="([^"]+)"><rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)" fill="#fff"\/><\/mask>/g;
const RECT_CLIP = /<clipPath id="([^"]+)"><rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"\/><\/clipPath>/g;
const MASKED_TAG = /<[a-zA-Z]+\s[^>]*?mask="url\(#([^)]+)\)"[^>]*>/g;

const rectKey = (m: RegExpExecArray) => `${m[2]} ${m[3]} ${m[4]} ${m[5]}`;

export function simplifyRectMasks(svg: string): string {
  const masks = new Map<string, string>();
  for (const m of svg.matchAll(RECT_MASK)) masks.set(m[1]!, rectKey(m));
  if (masks.size === 0) return svg;
  const clips = new Map<string, string>();
  for (const m of svg.matchAll(RECT_CLIP)) clips.set(m[1]!, rectKey(m));
  const needClip = new Set<string>();
  const out = svg.replace(MASKED_TAG, (tag: string, id: string) => {
    const rect = masks.get(id);
    if (rect === undefined) return tag;
    const clip = /clip-path="url\(#([^)]+)\)"/.exec(tag);
    if (clip) return clips.get(clip[1]!) === rect ? tag.replace(` mask="url(#${id})"`, '') : tag;
    needClip.add(id);
    return tag.replace(`mask="url(#${id})"`, `clip-path="url(#${id}-clip)"`);
  });
  if (needClip.size === 0) return out;
  // Define each new clip path right after the mask it replaces (defs may appear anywhere in SVG).
  return out.replace(RECT_MASK, (def: string, id: string, x: string, y: string, w: string, h: string) =>
    needClip.has(id) ? `${def}<clipPath id="${id}-clip"><rect x="${x}" y="${y}" width="${w}" height="${h}"/></clipPath>` : def,
  );
}
