// Where "Synthesize CDK App" code lenses go: the line that creates the app (`new App(`,
// `new cdk.App(`, Python `App()` / `cdk.App()`) and each stack class (`class X extends Stack`,
// `class X(Stack):`). A line scan, not a parse: it runs on every open source of an app, and a
// missed line only means a missing lens (the command is also in the tree and the palette).

export interface SynthLensLine {
  readonly line: number;
  readonly column: number;
  readonly kind: 'app' | 'stack';
}

/** Lines longer than this are generated or minified code: no lens there. */
const MAX_LINE = 400;
const MAX_LINES = 20_000;

// Each pattern is anchored or bounded by literal characters, with no two quantifiers over the
// same characters in a row (linear on any line).
const TS_APP = /\bnew\s+(?:[A-Za-z_$][\w$]*\.)?App\s*\(/;
const TS_STACK = /^\s*(?:export\s+)?(?:default\s+)?class\s+[A-Za-z_$][\w$]*\s+extends\s+(?:[A-Za-z_$][\w$]*\.)?(?:Stack|NestedStack|Stage)\b/;
const PY_APP = /^\s*[A-Za-z_]\w*\s*=\s*(?:[A-Za-z_]\w*\.)?App\s*\(/;
const PY_STACK = /^\s*class\s+[A-Za-z_]\w*\s*\(\s*(?:[A-Za-z_]\w*\.)?(?:Stack|NestedStack|Stage)\s*\)\s*:/;

/** The lines of `text` that get a Synthesize lens; `python` picks the Python patterns. */
export function synthLensLines(text: string, python: boolean): SynthLensLine[] {
  const out: SynthLensLine[] = [];
  const lines = text.split('\n', MAX_LINES);
  lines.forEach((raw, line) => {
    if (raw.length > MAX_LINE) return;
    const trimmed = raw.trimStart();
    if (trimmed.startsWith('//') || trimmed.startsWith('#') || trimmed.startsWith('*')) return;
    const app = (python ? PY_APP : TS_APP).exec(raw);
    if (app) {
      out.push({ line, column: app.index, kind: 'app' });
      return;
    }
    if ((python ? PY_STACK : TS_STACK).test(raw)) out.push({ line, column: raw.length - trimmed.length, kind: 'stack' });
  });
  return out;
}
