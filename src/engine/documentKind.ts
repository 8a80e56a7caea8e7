/**
 * What a file was detected as. A leaf module: the detector, the analysed document, the rules
 * and the analyzer all need it, and the analyzer imports the rule registry, so it cannot live
 * in `analyzer.ts` without an import cycle.
 */
export type DocumentKind = 'cloudformation' | 'sam' | 'openapi' | 'other';
