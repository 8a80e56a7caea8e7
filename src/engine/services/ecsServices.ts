// ECS services and the task definitions they run, as ECS checks them at deploy time:
// - Fargate, and the CODE_DEPLOY and EXTERNAL deployment controllers, schedule REPLICA only;
// - a task definition in `awsvpc` network mode needs the service's NetworkConfiguration;
// - a FARGATE service runs a task definition compatible with Fargate (RequiresCompatibilities
//   FARGATE, NetworkMode awsvpc);
// - a task definition needs an essential container.
//
// Source: the AWS::ECS::Service reference (SchedulingStrategy: "Tasks using the Fargate launch type
// or the CODE_DEPLOY or EXTERNAL deployment controller types don't support the DAEMON scheduling
// strategy"; NetworkConfiguration: "required for task definitions that use the awsvpc network
// mode"), the ECS developer guide on Fargate task definitions, and ContainerDefinition.Essential
// ("All tasks must have at least one essential container"). cfn-lint 1.51.0's E3044, E3052, E3054
// and E3042 check the same things (E3042 also wants Essential written out; a container without it
// is essential, so that is not reported here).
import type { ResourceEntry, TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getPair, getValue } from '../document/located';
import { literalBoolean, literalString, referencedResource, resourcesOf, type ServiceProblem } from './resourceIndex';

const taskDefinitionOf = (template: TemplateModel, node: LocatedNode | undefined): ResourceEntry | undefined => referencedResource(template, node, 'AWS::ECS::TaskDefinition');

/** A task definition's network mode: its literal value, `bridge` when left out, undefined when unknown. */
function networkMode(task: ResourceEntry): string | undefined {
  const node = getValue(task.properties, 'NetworkMode');
  return node === undefined ? 'bridge' : literalString(node)?.text;
}

/** Whether a literal list holds FARGATE; undefined when the list is not literal. */
function listsFargate(node: LocatedNode | undefined): boolean | undefined {
  if (node === undefined) return false;
  if (node.kind !== 'sequence') return undefined;
  if (node.items.some((item) => item.kind !== 'scalar')) return undefined;
  return node.items.some((item) => item.kind === 'scalar' && item.value === 'FARGATE');
}

function serviceProblems(template: TemplateModel, service: ResourceEntry, problems: ServiceProblem[]): void {
  const properties = service.properties;
  const launchType = literalString(getValue(properties, 'LaunchType'))?.text;
  const controller = literalString(getValue(getValue(properties, 'DeploymentController'), 'Type'))?.text;
  const strategy = literalString(getValue(properties, 'SchedulingStrategy'));
  if (strategy?.text === 'DAEMON' && (launchType === 'FARGATE' || controller === 'CODE_DEPLOY' || controller === 'EXTERNAL')) {
    const why = launchType === 'FARGATE' ? 'runs on Fargate' : `uses the ${controller} deployment controller`;
    problems.push({ node: strategy, message: `${service.name} ${why}, which schedules REPLICA only: ECS refuses DAEMON. Use SchedulingStrategy REPLICA, or another launch type.` });
  }
  const taskNode = getValue(properties, 'TaskDefinition');
  const task = taskDefinitionOf(template, taskNode);
  if (!task) return;
  const mode = networkMode(task);
  if (mode === 'awsvpc' && !getPair(properties, 'NetworkConfiguration')) {
    problems.push({ node: taskNode!, message: `${service.name} runs ${task.name}, whose NetworkMode is awsvpc, so it needs a NetworkConfiguration (AwsvpcConfiguration with its subnets): ECS refuses the service without one.` });
  }
  if (launchType !== 'FARGATE') return;
  const fargate = listsFargate(getValue(task.properties, 'RequiresCompatibilities'));
  if (fargate === false) {
    problems.push({ node: taskNode!, message: `${service.name} runs on Fargate, but ${task.name} does not list FARGATE in RequiresCompatibilities: ECS refuses it. Add FARGATE there.` });
  } else if (mode !== undefined && mode !== 'awsvpc') {
    problems.push({ node: taskNode!, message: `${service.name} runs on Fargate, but the NetworkMode of ${task.name} is ${mode}${getValue(task.properties, 'NetworkMode') ? '' : ' (left out)'}: Fargate runs awsvpc only. Set NetworkMode: awsvpc.` });
  }
}

/** Task definitions whose every container is literally not essential. */
function essentialProblems(task: ResourceEntry, problems: ServiceProblem[]): void {
  const containers = getValue(task.properties, 'ContainerDefinitions');
  if (containers?.kind !== 'sequence' || containers.items.length === 0) return;
  const allOff = containers.items.every((container) => {
    return literalBoolean(getValue(container, 'Essential')) === false;
  });
  if (allOff) problems.push({ node: containers, message: `Every container of ${task.name} has Essential: false: ECS requires at least one essential container. Make the main container essential (or leave Essential out: true is the default).` });
}

/** What the template's ECS services and task definitions get wrong, as far as literal values tell. */
export function ecsServiceProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  if (!template) return problems;
  for (const service of resourcesOf(template, 'AWS::ECS::Service')) serviceProblems(template, service, problems);
  for (const task of resourcesOf(template, 'AWS::ECS::TaskDefinition')) essentialProblems(task, problems);
  return problems;
}
