import type { Diagnostic, Range as LspRange, TextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../engine/analyzedDocument';
import type { Span } from '../engine/document/located';
import type { Finding, FixEdit } from '../engine/findings';
import { ruleDocUrl } from '../shared/links';

/** Engine span -> LSP range. */
export function toRange(analyzed: AnalyzedDocument, span: Span): LspRange {
  return analyzed.lineIndex.rangeOf(span);
}

/** Engine edit -> LSP text edit. */
export function toTextEdit(analyzed: AnalyzedDocument, edit: FixEdit): TextEdit {
  return { range: toRange(analyzed, edit.span), newText: edit.newText };
}

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * A finding as an LSP diagnostic: the rule id is the code, linked to its doc page. The range is
 * in the file the finding belongs to (`otherFile` when set); related locations become
 * `relatedInformation` on the URIs `uriOf` gives their files (dropped when it gives none).
 */
export function toDiagnostic(finding: Finding, uriOf: (file: string) => string | undefined = () => undefined): Diagnostic {
  const relatedInformation = (finding.related ?? []).flatMap((location) => {
    const uri = uriOf(location.file);
    return uri ? [{ location: { uri, range: location.range }, message: location.message }] : [];
  });
  return {
    range: (finding.otherFile ?? finding).range,
    severity: SEVERITY[finding.severity],
    source: 'archlens',
    code: finding.rule,
    codeDescription: { href: ruleDocUrl(finding.rule) },
    message: finding.message,
    ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
  };
}
