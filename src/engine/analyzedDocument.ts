import type { DocumentKind } from './documentKind';
import { buildTemplateModel } from './cfn/template';
import type { TemplateModel } from './cfn/template';
import { resolveTemplateTag } from './cfn/shortForms';
import { detectKind } from './detect';
import { LineIndex } from './document/lineIndex';
import type { ParsedDocument } from './document/located';
import { looksLikeJson, parseDocument } from './document/parseDocument';
import { isSurelyOther } from './quickDetect';
import { reparseYamlEdit } from './document/yamlEdit';

/** A parsed, detected and modelled document: the input of lint rules and language features. */
export interface AnalyzedDocument {
  readonly fileName: string;
  readonly text: string;
  readonly document: ParsedDocument;
  readonly kind: DocumentKind;
  /** The template model, when the root is a mapping. */
  readonly template: TemplateModel | undefined;
  readonly lineIndex: LineIndex;
}

/**
 * Parses and models a document once; the result is shared by lint and every language feature.
 * `previous`, an analysis of an earlier version of the same file, lets an edit inside one
 * resource of a YAML template re-parse only that resource (document/yamlEdit.ts).
 */
export function analyzeDocument(fileName: string, text: string, previous?: AnalyzedDocument): AnalyzedDocument {
  const edited = previous && previous.fileName === fileName && previous.kind !== 'other' ? reparseYamlEdit(previous.document, text, { resolveTag: resolveTemplateTag }) : undefined;
  // Most JSON and YAML files are neither templates nor OpenAPI: classify those without parsing.
  if (!edited && isSurelyOther(text)) return unparsedOther(fileName, text);
  let document: ParsedDocument;
  try {
    document = edited ?? parseDocument(fileName, text, { resolveTag: resolveTemplateTag });
  } catch (error) {
    document = failedParse(fileName, text, error);
  }
  const kind = detectKind(document.root, text);
  let template: TemplateModel | undefined;
  try {
    template = document.root?.kind === 'mapping' && kind !== 'other' ? buildTemplateModel(document.root) : undefined;
  } catch (error) {
    document = failedParse(fileName, text, error);
  }
  return { fileName, text, document, kind, template, lineIndex: new LineIndex(text) };
}

/** A file classified "other" without a parse: no tree, no findings; the line index is built only if asked for. */
function unparsedOther(fileName: string, text: string): AnalyzedDocument {
  let lineIndex: LineIndex | undefined;
  return {
    fileName,
    text,
    document: { format: looksLikeJson(fileName, text) ? 'json' : 'yaml', text, root: undefined, problems: [] },
    kind: 'other',
    template: undefined,
    get lineIndex(): LineIndex {
      lineIndex ??= new LineIndex(text);
      return lineIndex;
    },
  };
}

/**
 * A parse that threw (e.g. a RangeError on a merge key bringing 130,000 keys): the file gets
 * one error finding saying so, instead of the exception ending a CLI run or a server request.
 */
function failedParse(fileName: string, text: string, error: unknown): ParsedDocument {
  const reason = error instanceof RangeError ? 'it is too large or too deeply structured' : `an internal error (${error instanceof Error ? error.message : String(error)})`;
  return {
    format: looksLikeJson(fileName, text) ? 'json' : 'yaml',
    text,
    root: undefined,
    problems: [
      {
        code: 'analysis-limit',
        severity: 'error',
        message: `ArchLens cannot analyse this file: ${reason}. Split it into smaller files or simplify it; other files are not affected.`,
        span: { start: 0, end: Math.min(text.length, 1) },
      },
    ],
  };
}
