import type { Rule, RuleContext } from './rule';
import { TEMPLATE_KINDS } from './rule';
import type { ScalarNode } from '../document/located';
import { getValue } from '../document/located';
import { LAMBDA_RUNTIMES, LAMBDA_RUNTIMES_COMPILED } from '../data/lambdaRuntimes';
import type { LambdaRuntime } from '../data/lambdaRuntimes';
import { didYouMean, suggest } from '../util/suggest';
import { renameFixes } from '../util/edits';

const BY_ID: ReadonlyMap<string, LambdaRuntime> = new Map(LAMBDA_RUNTIMES.map((runtime) => [runtime.id, runtime]));

/** Days before a deprecation date from which the deprecation rule gives notice. */
export const DEPRECATION_NOTICE_DAYS = 90;

/** A Date as a `YYYY-MM-DD` UTC day, comparable as a string with the table's dates. */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether a runtime is still fully supported on `today` (undated runtimes are). */
function supported(runtime: LambdaRuntime, today: string): boolean {
  return runtime.deprecated === undefined || runtime.deprecated > today;
}

/** The newest supported runtime to move to from `runtime` (the table lists each family oldest first). */
export function successorOf(runtime: LambdaRuntime, today: string): string | undefined {
  const family = runtime.movesTo ?? runtime.family;
  const candidates = LAMBDA_RUNTIMES.filter((candidate) => candidate.family === family && candidate.id !== runtime.id && supported(candidate, today));
  return candidates[candidates.length - 1]?.id;
}

/** The newest supported runtime of each family, for messages. */
function newestPerFamily(today: string): string[] {
  const newest = new Map<string, string>();
  for (const runtime of LAMBDA_RUNTIMES) if (supported(runtime, today)) newest.set(runtime.family, runtime.id);
  return [...newest.values()];
}

/** A `Runtime` value to check: a literal string where a function's runtime is set. */
interface RuntimeSite {
  readonly node: ScalarNode;
}

/** `Runtime` of Lambda and SAM functions, and of SAM `Globals.Function`. */
function runtimeSites(context: RuleContext): RuntimeSite[] {
  const template = context.template;
  if (!template) return [];
  const sites: RuntimeSite[] = [];
  const add = (node: ReturnType<typeof getValue>): void => {
    // Intrinsics (Ref to a parameter, FindInMap) are not checked.
    if (node?.kind === 'scalar' && typeof node.value === 'string') sites.push({ node });
  };
  for (const resource of template.resources.values()) {
    if (resource.type === 'AWS::Lambda::Function' || resource.type === 'AWS::Serverless::Function') add(getValue(resource.properties, 'Runtime'));
  }
  if (template.isSam) add(getValue(getValue(template.sections.get('Globals')?.value, 'Function'), 'Runtime'));
  return sites;
}

function todayOf(context: RuleContext): string {
  return dayOf(context.options.today ?? new Date());
}

function moveTo(runtime: LambdaRuntime, today: string): string {
  const successor = successorOf(runtime, today);
  return successor ? ` Move to ${successor}.` : '';
}

/** Unknown runtimes and runtimes Lambda no longer lets you update: deployments fail. */
export const lambdaRuntimeRule: Rule = {
  id: 'cfn-lambda-runtime',
  description: `A Lambda function Runtime must be a known runtime identifier, and not one whose functions Lambda no longer lets you update (runtime table compiled ${LAMBDA_RUNTIMES_COMPILED}).`,
  defaultSeverity: 'error',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const today = todayOf(context);
    for (const { node } of runtimeSites(context)) {
      const runtime = BY_ID.get(node.value as string);
      if (!runtime) {
        const current = LAMBDA_RUNTIMES.filter((candidate) => candidate.blockUpdate === undefined || candidate.blockUpdate > today).map((candidate) => candidate.id);
        // Only runtimes that can still be deployed are offered: 'python3' gets the newest
        // python3.x (by prefix), never a blocked one such as python3.6.
        let suggestions = suggest(node.text, current);
        if (suggestions.length === 0 && node.text.length >= 2) suggestions = current.filter((id) => id.startsWith(node.text)).slice(-1);
        const hint = didYouMean(suggestions) || ` Current runtimes include ${newestPerFamily(today).join(', ')}.`;
        context.report(node.span, `Unknown Lambda runtime '${node.text}'.${hint}`, renameFixes(context.document.text, node.span, suggestions));
        continue;
      }
      if (runtime.blockUpdate === undefined || runtime.blockUpdate > today) continue;
      context.report(
        node.span,
        `Lambda runtime '${runtime.id}' is deprecated since ${runtime.deprecated ?? runtime.blockUpdate}; Lambda has blocked creating functions with it since ${runtime.blockCreate ?? runtime.blockUpdate} and updating them since ${runtime.blockUpdate}: deploying this function fails.${moveTo(runtime, today)}`,
      );
    }
  },
};

/** Runtimes past (or near) their deprecation date that can still be updated. */
export const lambdaRuntimeDeprecatedRule: Rule = {
  id: 'cfn-lambda-runtime-deprecated',
  description: `A Lambda function Runtime should not be deprecated or within ${DEPRECATION_NOTICE_DAYS} days of deprecation (runtime table compiled ${LAMBDA_RUNTIMES_COMPILED}).`,
  defaultSeverity: 'warning',
  appliesTo: TEMPLATE_KINDS,
  check(context) {
    const today = todayOf(context);
    for (const { node } of runtimeSites(context)) {
      const runtime = BY_ID.get(node.value as string);
      if (!runtime?.deprecated) continue;
      // Past the update block the error rule reports it.
      if (runtime.blockUpdate !== undefined && runtime.blockUpdate <= today) continue;
      const move = moveTo(runtime, today);
      if (runtime.deprecated > today) {
        if (addDays(today, DEPRECATION_NOTICE_DAYS) < runtime.deprecated) continue;
        const days = daysBetween(today, runtime.deprecated);
        context.report(node.span, `Lambda runtime '${runtime.id}' will be deprecated on ${runtime.deprecated} (in ${days} day${days === 1 ? '' : 's'}).${move}`);
        continue;
      }
      const phases: string[] = [];
      if (runtime.blockCreate) phases.push(runtime.blockCreate <= today ? `creating functions with it has been blocked since ${runtime.blockCreate}` : `creating functions with it will be blocked from ${runtime.blockCreate}`);
      if (runtime.blockUpdate) phases.push(`updating them from ${runtime.blockUpdate}`);
      context.report(node.span, `Lambda runtime '${runtime.id}' is deprecated since ${runtime.deprecated}${phases.length > 0 ? `: ${phases.join(', ')}` : ''}.${move}`);
    }
  },
};
