// Mutations the fuzzer applies to seed documents: the probe of issue 18 (byte flips, line
// deletions and duplications, truncation, indentation shifts, swapped short-form tags, anchors
// and aliases, merge keys, huge numbers, Unicode/bidi/NUL, deep nesting, long lines,
// object-member keys, pathological regexes). Each takes the text and the campaign's PRNG.
import type { Random } from './random';

export type Mutator = (text: string, random: Random) => string;

const TAGS = ['!Ref', '!GetAtt', '!Sub', '!If', '!Join', '!Select', '!FindInMap', '!Base64', '!Condition', '!ImportValue', '!Cidr', '!Split', '!Transform', '!And', '!Or', '!Not', '!Equals', '!GetAZs', '!Unknown', '!!str', '!!binary', '!!map', '!'];
const MEMBER_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];
const HUGE_NUMBERS = ['1e309', '-1e309', '99999999999999999999999999999', '0x7fffffffffffffffff', '-0', '.inf', '.nan', '1_000_000', '0o777', '4.9e-324', '12:30:45'];
const STRANGE = ['\u0000', '\u202e', '\u2066', '\ufeff', '\uffff', '\ud800', '\udc00', '\u0301', '\u200b', '\u2028', '\t', '\r', '\r\n', '😀', '\\', '"', "'", '#', '&', '*', '%', '@', '`', '|', '>', '{', '}', '[', ']', ',', ':', '-', '?', '!', '$', '${', '${AWS::Region}'];
const PATTERNS = ['(a+)+b', '(.*a){25}', '^(([a-z])+.)+[A-Z]([a-z])+$', '(?<x>a)\\k<x>', '\\1', '[', '(?=a)*', 'a{1000000}', '\\p{L}+', '[^]*'];

function randomLine(text: string, random: Random): { lines: string[]; index: number } {
  const lines = text.split('\n');
  return { lines, index: random.below(lines.length) };
}

function insertAt(text: string, random: Random, insert: string): string {
  const at = random.below(text.length + 1);
  return text.slice(0, at) + insert + text.slice(at);
}

/** The mutators by name (names appear in reports and reproducers). */
export const MUTATORS: Readonly<Record<string, Mutator>> = {
  byteFlip: (text, random) => {
    const at = random.below(Math.max(1, text.length));
    return text.slice(0, at) + random.pick(STRANGE) + text.slice(at + 1);
  },
  deleteLines: (text, random) => {
    const { lines, index } = randomLine(text, random);
    lines.splice(index, random.between(1, 3));
    return lines.join('\n');
  },
  duplicateLines: (text, random) => {
    const { lines, index } = randomLine(text, random);
    const copies = random.chance(0.1) ? random.between(50, 400) : random.between(1, 3);
    lines.splice(index, 0, ...Array.from({ length: copies }, () => lines[index]!));
    return lines.join('\n');
  },
  truncate: (text, random) => text.slice(0, random.below(text.length + 1)),
  shiftIndent: (text, random) => {
    const { lines, index } = randomLine(text, random);
    const count = random.between(1, 6);
    for (let i = index; i < Math.min(lines.length, index + count); i++) lines[i] = random.chance(0.5) ? ` ${lines[i]!}` : lines[i]!.replace(/^ {1,2}/, '');
    return lines.join('\n');
  },
  swapTag: (text, random) => {
    const present = TAGS.filter((tag) => text.includes(`${tag} `));
    if (present.length === 0) return insertAt(text, random, `${random.pick(TAGS)} `);
    const from = random.pick(present);
    return text.replace(`${from} `, `${random.pick(TAGS)} `);
  },
  anchorsAndAliases: (text, random) => {
    const { lines, index } = randomLine(text, random);
    const line = lines[index]!;
    const colon = line.indexOf(': ');
    if (colon > 0) lines[index] = `${line.slice(0, colon + 2)}&a${random.below(3)} ${line.slice(colon + 2)}`;
    const target = random.below(lines.length);
    const targetLine = lines[target]!;
    const targetColon = targetLine.indexOf(': ');
    if (targetColon > 0) lines[target] = `${targetLine.slice(0, targetColon + 2)}*a${random.below(4)}`;
    return lines.join('\n');
  },
  mergeKey: (text, random) => {
    const { lines, index } = randomLine(text, random);
    const indent = /^ */.exec(lines[index]!)![0];
    lines.splice(index, 0, `${indent}<<: ${random.chance(0.5) ? `*a${random.below(3)}` : '{x: 1}'}`);
    return lines.join('\n');
  },
  hugeNumber: (text, random) => {
    const numbers = [...text.matchAll(/\b\d+\b/g)];
    if (numbers.length === 0) return insertAt(text, random, random.pick(HUGE_NUMBERS));
    const hit = random.pick(numbers);
    return text.slice(0, hit.index) + random.pick(HUGE_NUMBERS) + text.slice(hit.index + hit[0].length);
  },
  unicode: (text, random) => {
    let out = text;
    for (let i = random.between(1, 5); i > 0; i--) out = insertAt(out, random, random.pick(STRANGE));
    return out;
  },
  deepNesting: (text, random) => {
    const depth = random.between(100, 3000);
    const nest = random.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
    const { lines, index } = randomLine(text, random);
    const line = lines[index]!;
    const colon = line.indexOf(': ');
    lines[index] = colon > 0 ? `${line.slice(0, colon + 2)}${nest}` : `${line}${nest}`;
    return lines.join('\n');
  },
  longLine: (text, random) => {
    const unit = random.pick([' ', 'a', '${', '${x}', '[', '"', '\\', 'é', '!Ref ', '-']);
    return insertAt(text, random, unit.repeat(random.between(1_000, 40_000) / unit.length));
  },
  memberKey: (text, random) => {
    const keys = [...text.matchAll(/^( *)([A-Za-z][\w.-]*):/gm)];
    const name = random.pick(MEMBER_NAMES);
    if (keys.length === 0 || random.chance(0.2)) return text.replace(/!Ref \w+/, `!Ref ${name}`).replace(/"Ref": "\w+"/, `"Ref": "${name}"`);
    const hit = random.pick(keys);
    const start = hit.index + hit[1]!.length;
    return text.slice(0, start) + name + text.slice(start + hit[2]!.length);
  },
  hostilePattern: (text, random) => {
    const pattern = random.chance(0.1) ? 'a'.repeat(random.between(5_000, 200_000)) : random.pick(PATTERNS);
    const quoted = JSON.stringify(pattern);
    const replaced = text.replace(/(AllowedPattern|pattern)(["']?\s*:\s*)("[^"\n]*"|'[^'\n]*'|[^,\n}]+)/, `$1$2${quoted}`);
    return replaced !== text ? replaced : text.replace(/(\n\s+)(Type|type)(["']?\s*:)/, `$1pattern: ${quoted}$1$2$3`);
  },
};

export const MUTATOR_NAMES: readonly string[] = Object.keys(MUTATORS);

/** Applies 1-3 random mutations; returns the text and the names applied, in order. */
export function mutate(text: string, random: Random): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let i = random.between(1, 3); i > 0; i--) {
    const name = random.pick(MUTATOR_NAMES);
    out = MUTATORS[name]!(out, random);
    applied.push(name);
  }
  return { text: out, applied };
}
