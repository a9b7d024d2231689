// Catches what folding would silently change in a pack editor's words: text is folded before
// matching, and so is every word and pattern of the pack, including "a repeated Chinese
// character counts once" (最最最 → 最). Harmless for most words (姐姐 matches what 姐 matches in
// folded text), but two cases are never what the editor meant:
//   • a word that is one character repeated (偏偏, 哈哈) becomes that single character and then
//     matches every text holding it;
//   • in a pattern, a doubled character before a quantifier (远远?超过) becomes one character
//     under the quantifier (远?超过, which matched 超光子).
// Both are load errors with file, line and path, like every other pack problem.
import { describeAt, type YamlSource } from '../shared/yaml-file.ts';

const DOUBLED = /([\u4e00-\u9fff])\1+/gu;
const DOUBLED_BEFORE_QUANTIFIER = /([\u4e00-\u9fff])\1+(?=[?*+{])/u;

/** The problem with one word or pattern of the pack, or undefined. */
export function foldProblem(value: string, kind: 'word' | 'pattern'): string | undefined {
  if (kind === 'pattern') {
    const m = DOUBLED_BEFORE_QUANTIFIER.exec(value);
    if (!m) return undefined;
    const quantifier = value[m.index + m[0].length]!;
    return `叠字按一个字匹配，“${m[0]}${quantifier}”会变成“${m[1]}${quantifier}”，量词只管一个字；请改写（例如“刚|刚刚”直接写“刚”）`;
  }
  const collapsed = value.replace(DOUBLED, '$1');
  if (collapsed !== value && [...collapsed].length === 1) {
    return `叠字按一个字匹配，“${value}”只剩“${collapsed}”，会匹配所有含“${collapsed}”的文本；确需单字请直接写“${collapsed}”，否则换一个词`;
  }
  return undefined;
}

/** Every word (a string in a list) and pattern (a string in a `patterns` list) of a parsed pack
 *  file with a folding problem, located by file, line and path. */
export function foldProblems(source: YamlSource): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, path: PropertyKey[], key: PropertyKey | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        if (typeof item === 'string') {
          const problem = foldProblem(item, key === 'patterns' ? 'pattern' : 'word');
          if (problem) problems.push(describeAt(source, [...path, i], problem));
        } else walk(item, [...path, i], key);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k], k);
    }
  };
  walk(source.data, [], undefined);
  return problems;
}
