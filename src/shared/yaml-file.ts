// Reading YAML data files so that every problem can be reported as "file 第 N 行 path：message".
// The same approach as src/workspace/load.ts, extracted so other loaders (the compliance rule
// packs) report errors identically; the workspace loader can switch to it later.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

/** A parsed YAML file that still knows where each value came from. */
export interface YamlSource {
  /** The name shown to people, e.g. "packs/R05-guarantee.yaml". */
  file: string;
  data: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** "rules[1].terms[0]" (or "brand.name" with a root) from a zod-style path. */
export function formatPath(root: string, p: readonly PropertyKey[]): string {
  const s = p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${String(k)}`), root);
  return s.startsWith('.') ? s.slice(1) : s;
}

/** One problem line in the shared format. */
export function describeAt(src: YamlSource, path: readonly PropertyKey[], message: string, root = ''): string {
  const line = src.lineOf(path);
  const where = formatPath(root, path);
  return `${src.file}${line ? ` 第 ${line} 行` : ''}${where ? ` ${where}` : ''}：${message}`;
}

function lineFinder(doc: Document, counter: LineCounter) {
  return (p: readonly PropertyKey[]): number | undefined => {
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}

/** Parses YAML text; syntax errors come back as problem lines naming the file and line. */
export function parseYaml(file: string, source: string): { source: YamlSource } | { problems: string[] } {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((err) => {
        // err.linePos is only filled in with prettyErrors; the counter works either way.
        const line = err.linePos?.[0]?.line ?? counter.linePos(err.pos[0]).line;
        return `${file}${line ? ` 第 ${line} 行` : ''}：YAML 格式错误（${err.code}）`;
      }),
    };
  }
  return { source: { file, data: doc.toJS(), lineOf: lineFinder(doc, counter) } };
}

/** Reads and parses a YAML file; a missing or unreadable file is a problem line, not a throw. */
export async function readYaml(fullPath: string, file: string): Promise<{ source: YamlSource } | { problems: string[] }> {
  let text: string;
  try {
    text = await readFile(fullPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problems: [code === 'ENOENT' ? `${file}：文件不存在` : `${file}：无法读取（${code ?? String(e)}）`] };
  }
  return parseYaml(file, text);
}
