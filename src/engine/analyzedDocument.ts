import type { DocumentKind } from './documentKind';
import { buildTemplateModel } from './cfn/template';
import type { TemplateModel } from './cfn/template';
import { resolveTemplateTag } from './cfn/shortForms';
import { detectKind } from './detect';
import { LineIndex } from './document/lineIndex';
import type { ParsedDocument } from './document/located';
import { parseDocument } from './document/parseDocument';

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

/** Parses and models a document once; the result is shared by lint and every language feature. */
export function analyzeDocument(fileName: string, text: string): AnalyzedDocument {
  const document = parseDocument(fileName, text, { resolveTag: resolveTemplateTag });
  const kind = detectKind(document.root, text);
  const template = document.root?.kind === 'mapping' && kind !== 'other' ? buildTemplateModel(document.root) : undefined;
  return { fileName, text, document, kind, template, lineIndex: new LineIndex(text) };
}
