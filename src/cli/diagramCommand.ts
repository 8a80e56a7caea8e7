import * as fs from 'node:fs';
import { analyzeDocument, type AnalyzedDocument } from '../engine/analyzedDocument';
import { buildGraph, unparsableTemplate } from '../engine/graph/buildGraph';
import type { ArchitectureGraph } from '../engine/graph/graphTypes';
import { visibleGraph } from '../engine/graph/graphView';
import { toMermaid } from '../engine/graph/mermaid';
import { toSvg } from '../engine/graph/svg';
import type { Command } from './args';
import { ExitCode, type CliIo } from './cliIo';
import { errorText } from './walk';

type DiagramCommand = Extract<Command, { command: 'diagram' }>;

/**
 * Most boxes an SVG or Mermaid drawing holds: past this the picture is unreadable and the
 * layout's work (and the file) only grows. JSON has no such cap.
 */
const MAX_DRAWN_NODES = 20_000;

/**
 * `archlens diagram [--format json|mermaid|svg] [--all] [--expand GROUP] [--region NAME]
 * [--security-groups] FILE`: prints the
 * architecture graph of one template at the same level of detail as the panel (big
 * templates collapsed by default; `--all` shows everything, `--expand` one group). Exit 0, or 2 (message on stderr) when the file cannot be read,
 * is not a CloudFormation / SAM template, or does not parse. Needs no resource catalogue.
 */
export function runDiagram(command: DiagramCommand, io: CliIo): number {
  const fail = (message: string): number => {
    io.stderr.write(`archlens: ${message}\n`);
    return ExitCode.UsageOrIo;
  };
  let text: string;
  try {
    text = fs.readFileSync(command.file, 'utf8');
  } catch (error) {
    return fail(`cannot read '${command.file}': ${errorText(error)}`);
  }
  try {
    const analyzed = analyzeDocument(command.file, text);
    if (analyzed.kind !== 'cloudformation' && analyzed.kind !== 'sam') {
      return fail(`'${command.file}' is not a CloudFormation or SAM template`);
    }
    const broken = unparsableTemplate(analyzed);
    if (broken) return fail(`cannot parse '${command.file}': ${positionText(analyzed, broken.offset)}: ${broken.message}`);
    const graph = buildGraph(analyzed, { ...(command.region !== undefined ? { region: { name: command.region, source: 'the --region option' } } : {}), securityGroups: command.securityGroups });
    const options = { includeAuxiliary: command.all, expandAll: command.all, expand: command.expand };
    const groups = new Set(graph.groups.map((group) => group.id));
    const unknown = command.expand.find((id) => !groups.has(id));
    if (unknown !== undefined) {
      const collapsed = graph.groups.filter((group) => group.collapsed).map((group) => group.id);
      return fail(`no group '${unknown}' in '${command.file}'${collapsed.length > 0 ? ` (collapsed groups: ${collapsed.slice(0, 8).join(', ')}${collapsed.length > 8 ? ', …' : ''})` : ''}`);
    }
    const shown = visibleGraph(graph, options);
    if (shown.nodes.length > MAX_DRAWN_NODES && command.format !== 'json') {
      return fail(`'${command.file}' would draw ${shown.nodes.length} boxes; at most ${MAX_DRAWN_NODES} are drawn. Leave out --all, expand fewer groups, or use --format json`);
    }
    switch (command.format) {
      case 'json':
        io.stdout.write(formatGraphJson(analyzed, shown));
        break;
      case 'mermaid':
        io.stdout.write(toMermaid(graph, options));
        break;
      case 'svg':
        io.stdout.write(toSvg(graph, options));
        break;
    }
    return ExitCode.Ok;
  } catch (error) {
    // The engine promises never to throw; if it does, say so plainly rather than crash with a trace.
    const detail = io.env['ARCHLENS_DEBUG'] && error instanceof Error ? `\n${error.stack ?? ''}` : '';
    return fail(`internal error: ${errorText(error)}${detail}`);
  }
}

/**
 * The graph as JSON: nodes with one-based `line`/`column` of their logical id instead of
 * offsets (`from` = the referencing resource, `to` = the referenced one, as in the engine).
 */
function formatGraphJson(analyzed: AnalyzedDocument, graph: ArchitectureGraph): string {
  const nodes = graph.nodes.map((node) => {
    const start = analyzed.lineIndex.positionAt(node.span.start);
    return {
      id: node.id,
      type: node.type,
      label: node.label,
      ...(node.group !== undefined ? { group: node.group } : {}),
      service: node.service,
      category: node.category,
      auxiliary: node.auxiliary,
      details: node.details,
      line: start.line + 1,
      column: start.character + 1,
    };
  });
  return `${JSON.stringify({ nodes, edges: graph.edges, groups: graph.groups }, null, 2)}\n`;
}

function positionText(analyzed: AnalyzedDocument, offset: number): string {
  const position = analyzed.lineIndex.positionAt(offset);
  return `${position.line + 1}:${position.character + 1}`;
}
