// The checker's hot path: one automaton pass over the folded text collects every rule term,
// lexicon word, pattern anchor and pattern start; then only the regexes whose anchors occurred
// run, each only where its first words start (match.ts). Built once per checker: what each term
// stands for is flattened into integer actions, and the per-check scratch arrays are reused, so
// a check allocates little beyond its hits.
import type { CompiledPack, CompiledPattern } from './compile.ts';
import { LexiconHits } from './lexicon-hits.ts';
import { accept, runAtStarts, runPattern, type Hit } from './match.ts';
import { HitBuffer } from './terms.ts';

export interface Scan {
  /** Every accepted hit of every rule, unordered. */
  hits: Hit[];
  /** Lexicon occurrences by lexicon name (absent: none). */
  lexicons: Map<string, LexiconHits>;
}

// An action is kind << 24 | index (rule order, lexicon, pattern number or twin reading; for a gate
// word, the pattern number << 3 | its gate set).
const RULE = 0;
const LEXICON = 1;
const GATE = 2;
const START = 3;
const SYLLABLE = 4;
const INDEX = 0xffffff;
/** An unbounded reach: end − NO_REACH is below any start. */
const NO_REACH = 0x3fffffff;
/** A lower-case Latin letter, half or full width: without one, the text holds no pinyin stand-in. */
const LOWER_LATIN = /[a-z\uff41-\uff5a]/;

/** The pattern's twin if it accepts one of the readings found, else undefined. */
function twinFor(pattern: CompiledPattern, found: readonly string[]): CompiledPattern | undefined {
  const twin = pattern.twin;
  if (twin === undefined) return undefined;
  for (const reading of found) if (twin.readings.has(reading)) return twin.pattern;
  return undefined;
}

export class Scanner {
  /** Actions of term id are actions[actionStart[id] … actionStart[id + 1]). */
  private readonly actionStart: Int32Array;
  private readonly actions: Int32Array;
  private readonly lexiconNames: string[] = [];
  /** Readings of pattern twins, by syllable action index. */
  private readonly syllables: string[] = [];
  private readonly buffer = new HitBuffer();
  /** Actions of term id from gateFrom[id] on are gate bits: needed once per text, not per hit. */
  private readonly gateFrom: Int32Array;
  /** The check that last set term id's gate bits (a stamp, so nothing is cleared per check). */
  private readonly seen: Int32Array;
  private stamp = 0;
  /** Per pattern: a bit per gate set that had a word in the text (this check). */
  private readonly triggered: Uint8Array;
  /** Per pattern: the bits of all its gate sets. */
  private readonly gateMask: Uint8Array;
  /** Per pattern << 3 | gate set: the set's reach (compile.ts CompiledPattern), NO_REACH if none. */
  private readonly reach: Int32Array;
  /** The same for the patterns' pinyin twins (compile.ts PinyinTwin). */
  private readonly twinReach: Int32Array;
  /** Per pattern: no match can start before this (this check): see CompiledPattern.reach. */
  private readonly from: Int32Array;
  /** The same for its twin. */
  private readonly twinFrom: Int32Array;
  /** Per pattern: how many starts occurred; then, after counting, where its starts begin. */
  private readonly startAt: Int32Array;
  private startPattern = new Int32Array(256);
  private startPos = new Int32Array(256);
  private sortedPos = new Int32Array(256);
  private readonly fill: Int32Array;
  /** Patterns to run this check, in the order they became ready (sorted before running). */
  private readonly ready: Int32Array;
  /** Patterns with no gates and no start words: ready on every text. */
  private readonly alwaysReady: Int32Array;
  /** Patterns with no gates, tried at start words, and a twin: the twin, a global scan, is ready
   *  wherever one of its readings stands alone, start words or not. */
  private readonly startOnlyTwins: Int32Array;

  constructor(private readonly pack: CompiledPack) {
    const patternIndex = new Map<CompiledPattern, number>(pack.patterns.map((p, i) => [p, i]));
    const lexiconIndex = new Map<string, number>();
    const terms = pack.terms;
    this.actionStart = new Int32Array(terms.size + 1);
    const actions: number[] = [];
    this.gateFrom = new Int32Array(terms.size);
    this.seen = new Int32Array(terms.size);
    for (let id = 0; id < terms.size; id++) {
      this.actionStart[id] = actions.length;
      const gates: number[] = [];
      for (const p of terms.payloadsOf(id)) {
        if (p.kind === 'rule') actions.push((RULE << 24) | p.rule.order);
        else if (p.kind === 'lexicon') {
          let l = lexiconIndex.get(p.name);
          if (l === undefined) {
            l = this.lexiconNames.length;
            lexiconIndex.set(p.name, l);
            this.lexiconNames.push(p.name);
          }
          actions.push((LEXICON << 24) | l);
        } else if (p.kind === 'syllable') {
          actions.push((SYLLABLE << 24) | this.syllables.length);
          this.syllables.push(p.reading);
        } else if (p.kind === 'gate') gates.push((GATE << 24) | (patternIndex.get(p.pattern)! << 3) | p.set);
        else actions.push((START << 24) | patternIndex.get(p.pattern)!);
      }
      this.gateFrom[id] = actions.length;
      actions.push(...gates);
    }
    this.actionStart[terms.size] = actions.length;
    this.actions = Int32Array.from(actions);
    if (pack.patterns.length >= 1 << 21) throw new Error('too many patterns for the action encoding');
    this.triggered = new Uint8Array(pack.patterns.length);
    this.gateMask = Uint8Array.from(pack.patterns, (p) => (1 << p.gates) - 1);
    this.reach = new Int32Array(pack.patterns.length << 3).fill(NO_REACH);
    pack.patterns.forEach((p, i) => p.reach.forEach((r, set) => Number.isFinite(r) && (this.reach[(i << 3) | set] = r)));
    this.twinReach = this.reach.slice();
    pack.patterns.forEach((p, i) => p.twin?.reach.forEach((r, set) => (this.twinReach[(i << 3) | set] = Number.isFinite(r) ? r : NO_REACH)));
    this.from = new Int32Array(pack.patterns.length);
    this.twinFrom = new Int32Array(pack.patterns.length);
    this.startAt = new Int32Array(pack.patterns.length + 1);
    this.fill = new Int32Array(pack.patterns.length);
    this.ready = new Int32Array(pack.patterns.length);
    this.alwaysReady = Int32Array.from(pack.patterns.flatMap((p, i) => (p.gates === 0 && !p.sticky ? [i] : [])));
    this.startOnlyTwins = Int32Array.from(pack.patterns.flatMap((p, i) => (p.gates === 0 && p.sticky && p.twin ? [i] : [])));
    for (const r of pack.rules) if (pack.rules[r.order] !== r) throw new Error('rules out of order');
  }

  /** Doubles the start scratch arrays (a text with more starts than ever before). */
  private growStarts(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.startPattern = grow(this.startPattern);
    this.startPos = grow(this.startPos);
    this.sortedPos = new Int32Array(this.startPattern.length);
  }

  /** Scans folded text. `original`, when given, is the text before folding: a reading found there
   *  only in capitals (pinyin stand-ins are written in lower case; AI, MA, VIP are abbreviations)
   *  runs no twin. */
  scan(text: string, original?: string): Scan {
    const { pack, buffer, actions, actionStart, gateFrom, seen, triggered, gateMask, startAt, reach, twinReach, from, twinFrom, ready } = this;
    if (++this.stamp === 0x7fffffff) {
      seen.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const hits: Hit[] = [];
    const lexicons = new Map<string, LexiconHits>();
    const lexiconHits: (LexiconHits | undefined)[] = [];
    triggered.fill(0);
    from.fill(0);
    twinFrom.fill(0);
    /** Twin readings standing alone in the text (rare: most texts have none). */
    const found: string[] = [];
    startAt.fill(0);
    let starts = 0;
    ready.set(this.alwaysReady);
    let readyCount = this.alwaysReady.length;
    pack.terms.collect(text, buffer);
    const { ids, ends } = buffer;
    const termLength = pack.terms.termLengths();
    for (let h = 0; h < buffer.length; h++) {
      const id = ids[h]!;
      const end = ends[h]!;
      const start = end - termLength[id]!;
      const gatesAt = gateFrom[id]!;
      const last = seen[id] === stamp ? gatesAt : actionStart[id + 1]!;
      seen[id] = stamp;
      for (let k = actionStart[id]!; k < last; k++) {
        const a = actions[k]!;
        const index = a & INDEX;
        switch (a >>> 24) {
          case RULE: {
            const rule = pack.rules[index]!;
            if (accept(pack, text, rule, start, end)) hits.push({ rule, start, end, severity: rule.severity });
            break;
          }
          case LEXICON: {
            let l = lexiconHits[index];
            if (!l) lexicons.set(this.lexiconNames[index]!, (l = lexiconHits[index] = new LexiconHits()));
            l.push(start, end);
            break;
          }
          case GATE: {
            const p = index >>> 3;
            const bit = 1 << (index & 7);
            // The set's first word in the text (hits come in end order): matches start no earlier
            // than its end minus the set's reach.
            if ((triggered[p]! & bit) === 0) {
              triggered[p] = triggered[p]! | bit;
              const lo = end - reach[index]!;
              if (lo > from[p]!) from[p] = lo;
              const twinLo = end - twinReach[index]!;
              if (twinLo > twinFrom[p]!) twinFrom[p] = twinLo;
              if (triggered[p] === gateMask[p]) ready[readyCount++] = p;
            }
            break;
          }
          case SYLLABLE: {
            const reading = this.syllables[index]!;
            if (!found.includes(reading)) found.push(reading);
            break;
          }
          default:
            if (starts === this.startPos.length) this.growStarts();
            this.startPattern[starts] = index;
            this.startPos[starts++] = start;
            // A pattern without gates is ready at its first start.
            if (startAt[index]!++ === 0 && gateMask[index] === 0) ready[readyCount++] = index;
        }
      }
    }
    // Looked at only now, for the rare text with a reading: most texts have none.
    if (found.length > 0 && original !== undefined && !LOWER_LATIN.test(original)) found.length = 0;
    if (found.length > 0) {
      for (const p of this.startOnlyTwins) if (startAt[p] === 0 && twinFor(pack.patterns[p]!, found)) ready[readyCount++] = p;
    }
    // Group the starts by pattern (a counting sort), keeping each pattern's in scan order.
    let sum = 0;
    for (let p = 0; p < startAt.length; p++) {
      const n = startAt[p]!;
      startAt[p] = sum;
      sum += n;
    }
    const { startPattern, startPos, sortedPos, fill } = this;
    fill.set(startAt.subarray(0, fill.length));
    for (let i = 0; i < starts; i++) sortedPos[fill[startPattern[i]!]!++] = startPos[i]!;

    // In pattern order, as every check before: the order of hits within a rule is the order the
    // context rules and findings see.
    const run = ready.subarray(0, readyCount).sort();
    const patterns = pack.patterns;
    for (let k = 0; k < run.length; k++) {
      const p = run[k]!;
      // A twin can match differently only where one of its readings stands alone.
      const twin = found.length > 0 ? twinFor(patterns[p]!, found) : undefined;
      const pattern = twin ?? patterns[p]!;
      const lo = twin ? twinFrom[p]! : from[p]!;
      if (!pattern.sticky) runPattern(pack, text, pattern, hits, lo);
      else if (startAt[p + 1]! > startAt[p]!) runAtStarts(pack, text, pattern, sortedPos, startAt[p]!, startAt[p + 1]!, hits, lo);
    }
    return { hits, lexicons };
  }
}
