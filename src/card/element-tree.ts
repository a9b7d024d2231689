// Finishing the element tree satori-html parsed from a layout's HTML, before satori lays it out:
// - Handlebars escapes field text (&, <, >, ", ', =, `) as HTML entities and satori-html does not
//   decode them, so "A&B" would be drawn as "A&amp;B" (and wider than the fitter measured);
// - pictures were written as short placeholders (view.ts) and get their data URIs here.

const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export const decodeEntities = (s: string) =>
  s.includes('&') ? s.replace(ENTITY, (_, dec?: string, hex?: string, name?: string) => (name ? NAMED[name.toLowerCase()]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)))) : s;

export function finishTree<T>(node: T, pictures: ReadonlyMap<string, string>): T {
  if (typeof node === 'string') return decodeEntities(node) as T;
  if (Array.isArray(node)) return node.map((n: unknown) => finishTree(n, pictures)) as T;
  const props = (node as { props?: Record<string, unknown> } | null)?.props;
  if (props) {
    if (props.children !== undefined) props.children = finishTree(props.children, pictures);
    if (typeof props.src === 'string') props.src = pictures.get(props.src) ?? decodeEntities(props.src);
  }
  return node;
}
