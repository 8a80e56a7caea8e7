// Fargate task sizes: a task definition that runs on Fargate must use one of the CPU values Fargate
// offers, and a memory size that CPU value allows. The schema types both as strings; ECS rejects
// the task definition at deploy time ("No Fargate configuration exists for given values").
//
// Source: the Amazon ECS developer guide, "Task CPU and memory" (Fargate table, Linux); cfn-lint
// 1.51.0's E3047 (data/schemas/extensions/aws_ecs_taskdefinition/fargate_cpu_memory.json) has the
// same table. Values are CPU units or `0.25 vCPU`, MiB or `2 GB`, as CloudFormation accepts them.
import type { TemplateModel } from '../cfn/template';
import type { LocatedNode } from '../document/located';
import { getValue } from '../document/located';
import { groupDigits } from '../util/compareText';
import { resourcesOf, type ServiceProblem } from './resourceIndex';

/** Memory (MiB) Fargate allows per CPU value (units): from `min` to `max` in steps of `step`, or just `only`. */
export const FARGATE_MEMORY: ReadonlyMap<number, { readonly min: number; readonly max: number; readonly step: number; readonly only?: readonly number[] }> = new Map([
  [256, { min: 512, max: 2048, step: 512, only: [512, 1024, 2048] }],
  [512, { min: 1024, max: 4096, step: 1024 }],
  [1024, { min: 2048, max: 8192, step: 1024 }],
  [2048, { min: 4096, max: 16_384, step: 1024 }],
  [4096, { min: 8192, max: 30_720, step: 1024 }],
  [8192, { min: 16_384, max: 61_440, step: 4096 }],
  [16_384, { min: 32_768, max: 122_880, step: 8192 }],
]);

/** A literal size in `unit`s: a number (`1024`, `"1024"`) or a number with its name (`1 vCPU`, `2 GB`). */
function literalSize(node: LocatedNode | undefined, named: RegExp, perNamed: number): number | undefined {
  if (node?.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined;
  const text = String(node.value).trim();
  if (/^\d{1,7}$/.test(text)) return Number(text);
  const match = named.exec(text);
  return match ? Math.round(Number(match[1]) * perNamed) : undefined;
}

const cpuOf = (node: LocatedNode | undefined): number | undefined => literalSize(node, /^(\d{0,2}(?:\.\d{1,2})?)\s*vcpu$/i, 1024);
const memoryOf = (node: LocatedNode | undefined): number | undefined => literalSize(node, /^(\d{0,3}(?:\.\d{1,2})?)\s*gb$/i, 1024);

/** Whether a task definition's RequiresCompatibilities literally lists FARGATE. */
function onFargate(node: LocatedNode | undefined): boolean {
  return node?.kind === 'sequence' && node.items.some((item) => item.kind === 'scalar' && item.value === 'FARGATE');
}

/** The Fargate sizes the template's task definitions get wrong, as far as literal values tell. */
export function fargateSizeProblems(template: TemplateModel | undefined): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  for (const task of resourcesOf(template, 'AWS::ECS::TaskDefinition')) {
    const properties = task.properties;
    if (!onFargate(getValue(properties, 'RequiresCompatibilities'))) continue;
    const cpuNode = getValue(properties, 'Cpu');
    const memoryNode = getValue(properties, 'Memory');
    const cpu = cpuOf(cpuNode);
    if (cpu === undefined) continue;
    const allowed = FARGATE_MEMORY.get(cpu);
    if (!allowed) {
      problems.push({ node: cpuNode!, message: `Cpu ${groupDigits(cpu)} of ${task.name} is not a size Fargate offers: use 256, 512, 1,024, 2,048, 4,096, 8,192 or 16,384 CPU units.` });
      continue;
    }
    const memory = memoryOf(memoryNode);
    if (memory === undefined) continue;
    const fits = allowed.only ? allowed.only.includes(memory) : memory >= allowed.min && memory <= allowed.max && (memory - allowed.min) % allowed.step === 0;
    if (!fits) {
      const choices = allowed.only ? `${allowed.only.map(groupDigits).join(', ')} MiB` : `${groupDigits(allowed.min)} to ${groupDigits(allowed.max)} MiB in steps of ${groupDigits(allowed.step)}`;
      problems.push({ node: memoryNode!, message: `Memory ${groupDigits(memory)} MiB of ${task.name} is not allowed with Cpu ${groupDigits(cpu)} on Fargate: use ${choices}, or another Cpu.` });
    }
  }
  return problems;
}
