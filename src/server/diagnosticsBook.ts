import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

interface Own {
  readonly version: number | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * What is published for each URI: a document's own diagnostics plus what other documents
 * contribute to it (a template's findings in the OpenAPI file it includes), kept per source
 * document. Re-validating a source replaces or clears exactly its contributions, without
 * touching the target's own diagnostics or another source's; the target need not be open.
 */
export class DiagnosticsBook {
  private readonly own = new Map<string, Own>();
  /** source URI -> target URI -> diagnostics the source puts on the target. */
  private readonly contributions = new Map<string, Map<string, readonly Diagnostic[]>>();

  constructor(private readonly publish: (params: PublishDiagnosticsParams) => void) {}

  /** Sets a validated document's own diagnostics and publishes them (with what others contribute). */
  setOwn(uri: string, version: number | undefined, diagnostics: readonly Diagnostic[]): void {
    this.own.set(uri, { version, diagnostics });
    this.send(uri);
  }

  /** A document closed: its own diagnostics go; contributions from open sources stay. */
  clearOwn(uri: string): void {
    this.own.delete(uri);
    this.send(uri);
  }

  /**
   * Replaces everything `source` contributes to other URIs, and republishes each URI whose
   * contribution appeared, changed or went away.
   */
  setContributions(source: string, byTarget: ReadonlyMap<string, readonly Diagnostic[]>): void {
    const before = this.contributions.get(source) ?? new Map<string, readonly Diagnostic[]>();
    const after = new Map([...byTarget].filter(([, diagnostics]) => diagnostics.length > 0));
    if (after.size > 0) this.contributions.set(source, after);
    else this.contributions.delete(source);
    for (const target of new Set([...before.keys(), ...after.keys()])) {
      if (JSON.stringify(before.get(target) ?? []) !== JSON.stringify(after.get(target) ?? [])) this.send(target);
    }
  }

  /** Targets `source` currently contributes to (for tests and logs). */
  targetsOf(source: string): string[] {
    return [...(this.contributions.get(source)?.keys() ?? [])];
  }

  private send(uri: string): void {
    const own = this.own.get(uri);
    const contributed = [...this.contributions.values()].flatMap((byTarget) => byTarget.get(uri) ?? []);
    this.publish({ uri, ...(own?.version !== undefined ? { version: own.version } : {}), diagnostics: [...(own?.diagnostics ?? []), ...contributed] });
  }
}
