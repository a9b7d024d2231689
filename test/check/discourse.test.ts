// compliance/discourse.yaml: the word lists the debunk step and the context rules read.
// A broken file is reported like the rest of the pack (file, line, path, Chinese message); an
// edited one changes what the checker does, without a code change.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChecker } from '../../src/check/index.ts';
import { readPackFiles } from '../../src/check/pack-files.ts';
import { packKey } from '../../src/check/pack-key.ts';
import { packCopy } from './pack-copy.ts';

const FILE = 'discourse.yaml';
const clinic = { brand: { isMedicalInstitution: true, adReviewCertificate: null, licensedDepartments: ['美容皮肤科', '美容外科'] } };

const pack = packCopy();
const edit = (change: (s: string) => string) => pack.edit(FILE, change);
const problems = () => pack.problems();
const lineOf = (needle: string) => pack.lineOf(FILE, needle);

describe('discourse.yaml validation', () => {
  it('names file, line and path of a list of the wrong type', async () => {
    await edit((s) => s.replace('  turn:\n    words: [但,', '  turn: 但是\n  turnWords:\n    words: [但,'));
    const line = await lineOf('turn: 但是');
    const p = await problems();
    expect(p).toContainEqual(`discourse.yaml 第 ${line} 行 debunk.turn：应为一个词表（words，可加 patterns、notAfter、notBefore）`);
    expect(p).toContainEqual(expect.stringMatching(/^discourse\.yaml 第 \d+ 行 debunk：未知字段：turnWords（可用：/));
  });

  it('rejects unknown keys inside a list, naming the ones allowed', async () => {
    await edit((s) => s.replace('  refuses:\n    words:', '  refuses:\n    word:'));
    // A list is located at its first entry, the line of the misspelt key.
    const line = (await lineOf('  refuses:')) + 1;
    const p = await problems();
    expect(p).toContainEqual(`discourse.yaml 第 ${line} 行 debunk.refuses：未知字段：word（可用：words、patterns、notAfter、notBefore）`);
    // …and, without its words, the list is empty.
    expect(p).toContainEqual(`discourse.yaml 第 ${line} 行 debunk.refuses.words：词表不能为空：至少写一个词语（words）或正则（patterns）`);
  });

  it('reports a missing list and a wrong category', async () => {
    await edit((s) => s.replace(/\n {2}askingChannels:\n.*\n/, '\n').replace('priceCategories: [R15, R16]', 'priceCategories: [R15, R99]'));
    const p = await problems();
    expect(p).toContainEqual(expect.stringMatching(/^discourse\.yaml 第 \d+ 行 testimony\.askingChannels：缺少该项$/));
    expect(p).toContainEqual(expect.stringMatching(/^discourse\.yaml 第 \d+ 行 debunk\.priceCategories\[1\]：类别只能是 R01 … R21$/));
  });

  it('names the pattern that does not compile, and an empty list', async () => {
    await edit((s) => s.replace("patterns: ['没有[^，。！？]{0,4}依据']", "patterns: ['没有[^，。！？{0,4}依据']").replace(/denialInside:\n {4}words: \[[^\]]*\]/, 'denialInside:\n    words: []'));
    const p = await problems();
    const line = await lineOf("'没有[^，。！？{0,4}依据'");
    expect(p).toContainEqual(expect.stringMatching(new RegExp(`^discourse\\.yaml 第 ${line} 行 debunk\\.warning\\.patterns\\[0\\]：正则表达式无效`)));
    expect(p).toContainEqual(expect.stringMatching(/^discourse\.yaml 第 \d+ 行 debunk\.denialInside\.words：词表不能为空/));
  });

  it('rejects a category in two sets', async () => {
    await edit((s) => s.replace('minorsCategories: [R19]', 'minorsCategories: [R19, R05]'));
    expect(await problems()).toContainEqual(expect.stringMatching(/^discourse\.yaml 第 \d+ 行 debunk\.minorsCategories\[1\]：类别 R05 已在 claimCategories 中，不能重复$/));
  });

  it('checks the context rules\' sections like the others: missing list, wrong type, bad pattern', async () => {
    await edit((s) =>
      s
        .replace(/\n {2}awardWords:\n.*\n/, '\n')
        .replace('  negations:\n    words: [不, 没, 无, 非, 别, 勿]', '  negations: 不没无非别勿')
        .replace("patterns: ['\\d']", "patterns: ['\\d(']")
        .replace('  phrases:\n', '  phrase:\n'),
    );
    const p = await problems();
    expect(p).toContainEqual(expect.stringMatching(/^discourse\.yaml 第 \d+ 行 absoluteClaim\.awardWords：缺少该项$/));
    expect(p).toContainEqual(`discourse.yaml 第 ${await lineOf('negations: 不没无非别勿')} 行 negation.negations：应为一个词表（words，可加 patterns、notAfter、notBefore）`);
    expect(p).toContainEqual(expect.stringMatching(new RegExp(`^discourse\\.yaml 第 ${await lineOf("'\\d('")} 行 absoluteClaim\\.quantityWords\\.patterns\\[0\\]：正则表达式无效`)));
    expect(p).toContainEqual(expect.stringMatching(/^discourse\.yaml 第 \d+ 行 pitch：未知字段：phrase（可用：phrases、comeAdverbs、/));
    expect(p).toContainEqual(expect.stringMatching(/^discourse\.yaml 第 \d+ 行 pitch\.phrases：缺少该项$/));
  });

  it('requires every section', async () => {
    await edit((s) => s.replace(/\nproductMedicalClaim:\n[\s\S]*$/, '\n'));
    expect(await problems()).toContainEqual(expect.stringMatching(/^discourse\.yaml 第 \d+ 行 productMedicalClaim：缺少该项$/));
  });

  it('requires the file', async () => {
    await rm(path.join(pack.dir, FILE));
    expect(await problems()).toContain('discourse.yaml：文件不存在');
  });
});

describe('discourse.yaml as data a clinic edits', () => {
  it('a warning word added to the list makes a claim quoted before it a warning', async () => {
    const text = '“一次见效”这种话，姐妹们要三思。';
    const r05 = async () => (await loadChecker(pack.dir)).check(text, clinic).findings.filter((f) => f.category === 'R05').map((f) => f.severity);
    expect(await r05()).toEqual(['block']);
    await edit((s) => s.replace('  warning:\n    words: [', '  warning:\n    words: [三思, '));
    expect(await r05()).toEqual(['warn']);
  });

  it('an asking verb added to the testimony list (written in traditional characters) drops a customer who asks', async () => {
    const text = '顾客常私信请教做完光子脸上的斑多久能淡，这里统一说一下';
    const r08 = async () => (await loadChecker(pack.dir)).check(text, clinic).findings.filter((f) => f.category === 'R08').length;
    expect(await r08()).toBe(1);
    // Testimony reads the folded text: the word is folded at load like a rule's terms.
    await edit((s) => s.replace('askingVerbs:\n    words: [', 'askingVerbs:\n    words: [請教, '));
    expect(await r08()).toBe(0);
  });

  describe('the context rules\' lists', () => {
    const findings = async (text: string, category: string) =>
      (await loadChecker(pack.dir)).check(text, clinic).findings.filter((f) => f.category === category).map((f) => f.severity);

    // Each row: a text, its findings of one category before and after one clinic-style edit of a
    // list in discourse.yaml (the edit replaces `from` with `to`).
    const edits = [
      { list: 'absoluteClaim.boundTerms: a bound term taken off the list ranks again', text: '最多两次就能看到效果', category: 'R13', before: ['warn'], from: 'words: [最多, 最少,', to: 'words: [最少,', after: ['block'] },
      { list: 'absoluteClaim.quantityLeads: a word added before the number makes it a bound', text: '最多约2次能看到效果', category: 'R13', before: ['block'], from: 'words: [不超过, 不超,', to: 'words: [约, 不超过, 不超,', after: ['warn'] },
      { list: 'absoluteClaim.awardWords: 称号 added names an award too', text: '本院医生荣获最佳新人称号', category: 'R13', before: ['block'], from: 'words: [奖, 大奖]', to: 'words: [奖, 大奖, 称号]', after: ['warn'] },
      { list: 'absoluteClaim.awardClaims: a word added keeps such an award a claim', text: '本院医生荣获最佳新人奖', category: 'R13', before: ['warn'], from: 'words: [机构, 医院,', to: 'words: [新人, 机构, 医院,', after: ['block'] },
      // Written with 一 as a clinic would; folded at load like the text (一 → 1).
      { list: 'pitch.phrases: a phrase added makes a post read as a pitch', text: '光子嫩肤做完皮肤很透亮，评论区扣1', category: 'R15', before: [], from: '  phrases:\n    words: [', to: '  phrases:\n    words: [扣一, ', after: ['review'] },
      { list: 'pitch.interestedAudience: a form of address added to 需要的… makes a pitch', text: '光子嫩肤做完皮肤很透亮，需要的老铁看过来', category: 'R15', before: [], from: '  interestedAudience:\n    words: [', to: '  interestedAudience:\n    words: [老铁, ', after: ['review'] },
      { list: 'negation.notNegating: 不要太 added no longer negates the pitch word after it', text: '光子嫩肤不要太好看冲鸭', category: 'R15', before: [], from: 'words: [不愧, 不仅,', to: 'words: [不要太, 不愧, 不仅,', after: ['review'] },
      { list: 'negation.negations: 未 added negates the pitch word after it', text: '光子嫩肤未必人人都能做', category: 'R15', before: ['review'], from: 'words: [不, 没, 无, 非, 别, 勿]', to: 'words: [不, 没, 无, 非, 别, 勿, 未]', after: [] },
      { list: 'experienceLink.labelDenials: 不属于 added denies the 广告 label', text: '体验分享：光子嫩肤，不属于广告，点击链接购买', category: 'R21', before: [], from: 'words: [不是, 并非,', to: 'words: [不属于, 不是, 并非,', after: ['review'] },
      { list: 'productMedicalClaim.usingVerbs: a verb taken off the list needs a product word again', text: '喝了一个月斑淡了', category: 'R18', before: ['block'], from: 'words: [喝, 吃,', to: 'words: [吃,', after: [] },
    ];
    for (const { list, text, category, before, from, to, after } of edits) {
      it(list, async () => {
        expect(await findings(text, category)).toEqual(before);
        await edit((s) => s.replace(from, to));
        expect(await findings(text, category)).toEqual(after);
      });
    }
  });

  it('is part of the compiled-pack cache key', async () => {
    const before = packKey(readPackFiles(pack.dir), undefined);
    expect(before).toBeDefined();
    await edit((s) => s.replace('  turn:\n    words: [', '  turn:\n    words: [偏是, '));
    expect(packKey(readPackFiles(pack.dir), undefined)).not.toBe(before);
  });
});
