// The loader rejects broken packs with one SiyuError that names every file, line and path, so a
// compliance editor can fix a pack without reading code. Each test breaks a copy of the real pack.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecker } from '../../src/check/index.ts';
import { SiyuError } from '../../src/shared/errors.ts';
import { packCopy } from './pack-copy.ts';

const pack = packCopy();
const { edit, problems, lineOf } = pack;

describe('loadChecker', () => {
  it('loads the real pack, covering every category', async () => {
    const checker = await loadChecker();
    expect(checker.version).toMatch(/^\d{4}\.\d{2}-\d+$/);
    expect(Object.keys(checker.categories)).toHaveLength(21);
    expect(checker.ruleCount).toBeGreaterThanOrEqual(21);
  });

  it('names file, line and path of an invalid field', async () => {
    const file = 'packs/R05-efficacy-safety-claims.yaml';
    await edit(file, (s) => s.replace('severity: review', 'severity: maybe'));
    const line = await lineOf(file, 'severity: maybe');
    expect(await problems()).toContainEqual(expect.stringMatching(new RegExp(`^packs/R05-efficacy-safety-claims\\.yaml 第 ${line} 行 rules\\[\\d+\\]\\.severity：严重程度只能是`)));
  });

  it('names the pattern that does not compile', async () => {
    const file = 'packs/R20-superstition.yaml';
    await edit(file, (s) => s.replace("patterns: ['(?:旺夫", "patterns: ['((?:旺夫"));
    const [p] = await problems();
    expect(p).toMatch(/^packs\/R20-superstition\.yaml 第 \d+ 行 rules\[0\]\.patterns\[0\]：正则表达式无效/);
  });

  it('rejects a pattern that matches empty text', async () => {
    await edit('packs/R20-superstition.yaml', (s) => s.replace("patterns: ['(?:旺夫", "patterns: ['x?', '(?:旺夫"));
    expect(await problems()).toContainEqual(expect.stringContaining('rules[0].patterns[0]：正则表达式不能匹配空文本'));
  });

  it('reports YAML syntax errors with the line', async () => {
    await edit('packs/R19-minors.yaml', (s) => s.replace('terms: [学生党,', 'terms: [学生党,,'));
    expect(await problems()).toContainEqual(expect.stringMatching(/^packs\/R19-minors\.yaml 第 \d+ 行：YAML 格式错误/));
  });

  it('requires every category to have rules', async () => {
    await rm(path.join(pack.dir, 'packs/R20-superstition.yaml'));
    expect(await problems()).toContainEqual(expect.stringContaining('缺少类别 R20（封建迷信）的规则'));
  });

  it('rejects duplicate rule ids across files', async () => {
    await edit('packs/R20-superstition.yaml', (s) => s.replace('id: R20-superstition', 'id: R20-dup'));
    await writeFile(path.join(pack.dir, 'packs/R20-extra.yaml'), (await readFile(path.join(pack.dir, 'packs/R20-superstition.yaml'), 'utf8')));
    expect(await problems()).toContainEqual(expect.stringMatching(/^packs\/R20-superstition\.yaml 第 \d+ 行 rules\[0\]\.id：规则标识 “R20-dup” 与 packs\/R20-extra\.yaml 重复/));
  });

  it('rejects unknown context rules and missing lexicons', async () => {
    await edit('packs/R13-absolute-terms.yaml', (s) => s.replace('context: absolute-claim', 'context: absolute-magic'));
    await edit('packs/R17-non-medical-business.yaml', (s) => s.replace('lexicons: [medical-projects]', 'lexicons: [no-such-list]'));
    const p = await problems();
    expect(p).toContainEqual(expect.stringMatching(/^packs\/R13-absolute-terms\.yaml 第 \d+ 行 rules\[0\]\.context：未知的上下文规则 “absolute-magic”/));
    expect(p).toContainEqual(expect.stringMatching(/^packs\/R17-non-medical-business\.yaml 第 \d+ 行 rules\[0\]\.lexicons\[0\]：lexicons\.yaml 中没有词表 “no-such-list”/));
  });

  it('rejects a lexicon a context rule needs', async () => {
    await edit('lexicons.yaml', (s) => s.replace('claim-targets:', 'claim-targetz:'));
    expect(await problems()).toContainEqual(expect.stringContaining('上下文规则 absolute-claim 需要 lexicons.yaml 中的词表 “claim-targets”'));
  });

  it('checks the manifest: version format and category titles', async () => {
    await edit('pack.yaml', (s) => s.replace(/version: "[^"]+"/, 'version: "v1"').replace(/\n {2}R07: .*\n/, '\n'));
    const p = await problems();
    expect(p).toContainEqual(expect.stringMatching(/^pack\.yaml 第 \d+ 行 version：版本格式应为 YYYY\.MM-N/));
    expect(p).toContainEqual(expect.stringContaining('categories.R07：缺少该类别的标题'));
  });

  it('rejects a rule whose id does not match its category', async () => {
    await edit('packs/R20-superstition.yaml', (s) => s.replace('id: R20-superstition', 'id: R19-superstition'));
    expect(await problems()).toContainEqual(expect.stringContaining('rules[0].id：规则标识必须以所属类别开头（R20-…）'));
  });

  it('reports a missing pack directory', async () => {
    await expect(loadChecker(path.join(pack.dir, 'nowhere'))).rejects.toThrow(SiyuError);
  });
});
