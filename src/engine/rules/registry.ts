import type { Rule } from './rule';
import { syntaxRule } from './syntaxRules';
import { logicalIdRule, resourcesRequiredRule, templateVersionRule, unknownSectionRule } from './structureRules';
import { requiredPropertyRule, unknownPropertyRule, unknownResourceTypeRule, valueTypeRule } from './resourceRules';
import { conditionRefRule, dependsOnRule, findInMapRule, getAttTargetRule, refTargetRule, subVariablesRule } from './referenceRules';

/** Every rule ArchLens runs. To add a rule, write it next to its peers and list it here. */
export const ALL_RULES: readonly Rule[] = [
  syntaxRule,
  unknownSectionRule,
  resourcesRequiredRule,
  templateVersionRule,
  logicalIdRule,
  unknownResourceTypeRule,
  unknownPropertyRule,
  requiredPropertyRule,
  valueTypeRule,
  refTargetRule,
  getAttTargetRule,
  subVariablesRule,
  findInMapRule,
  conditionRefRule,
  dependsOnRule,
];
