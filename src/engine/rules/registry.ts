import type { Rule } from './rule';
import { syntaxRule } from './syntaxRules';
import { logicalIdRule, resourcesRequiredRule, templateVersionRule, unknownSectionRule } from './structureRules';
import { requiredPropertyRule, unknownPropertyRule, unknownResourceTypeRule, valueTypeRule } from './resourceRules';
import { arraySizeRule, propertyDependencyRule, propertyExclusiveRule, propertyOneOfRule, valueEnumRule, valueLengthRule, valuePatternRule, valueRangeRule } from './constraintRules';
import { referenceFormatRule, valueFormatRule } from './formatRules';
import { conditionRefRule, dependsOnRule, findInMapRule, getAttTargetRule, refTargetRule, subVariablesRule } from './referenceRules';
import { parameterDefaultRule, parameterTypeRule } from './parameterRules';
import { outputValueRule } from './outputRules';
import { limitsRule, templateSizeRule } from './limitRules';
import { lambdaRuntimeDeprecatedRule, lambdaRuntimeRule } from './lambdaRuntimeRules';
import { unusedConditionRule, unusedMappingRule, unusedParameterRule } from './unusedRules';
import { regionAvailabilityRule } from './regionRules';
import { cloudFrontWebAclArnRule, wafCloudFrontRegionRule } from './edgeSecurityRules';
import { intrinsicContextRule, intrinsicShapeRule } from './intrinsicRules';
import { resourceAttributesRule } from './attributeRules';
import { circularDependencyRule } from './cycleRules';
import { samEventSourceRule, samGlobalsRule } from './samRules';
import { iamActionRule, iamConditionRule, iamPolicyStructureRule, iamPrincipalRule, iamResourceArnRule, iamSidRule } from './iamPolicyRules';
import { samApiDefinitionRule, samApiReferenceRule, samDuplicateEventRule, samFunctionRule, samLayerRule, samPolicyTemplateRule, samStateMachineRule, samTransformRequiredRule } from './samSemanticRules';
import { openApiSchemaRule, openApiSizeLimitRule, openApiVersionRule } from './openapiStructureRules';
import { openApiRefNotFollowedRule, openApiRefResolvesRule, openApiUnusedComponentRule } from './openapiRefRules';
import {
  openApiEquivalentPathsRule,
  openApiOperationIdUniqueRule,
  openApiParameterInRule,
  openApiPathParametersRule,
  openApiResponsesRule,
  openApiSecuritySchemeDefinedRule,
} from './openapiOperationRules';
import { openApiExampleMatchesSchemaRule, openApiSchemaTypeRule } from './openapiSchemaRules';
import { openApiExampleValueRule, openApiParameterUniqueRule, openApiResponseCodeQuotedRule, openApiSchemaSemanticsRule, openApiSecurityScopesRule, openApiServerVariablesRule } from './openapiSemanticRules';
import { glueColumnsRule, glueIcebergRule, glueLocationRule, glueProjectionRule } from './glueRules';
import { SERVICE_RULES } from './serviceRules';
import { apiGatewayApiKindRule, apiGatewayAuthorizerRule, apiGatewayExtensionValuesRule, apiGatewayMissingSubRule, apiGatewayIntegrationRule, apiGatewayRequestValidatorRule, apiGatewayTemplateReferencesRule, apiGatewayUnsupportedFeatureRule } from './apiGatewayRules';

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
  valueEnumRule,
  valuePatternRule,
  valueLengthRule,
  valueRangeRule,
  arraySizeRule,
  propertyExclusiveRule,
  propertyDependencyRule,
  propertyOneOfRule,
  valueFormatRule,
  referenceFormatRule,
  refTargetRule,
  getAttTargetRule,
  subVariablesRule,
  findInMapRule,
  conditionRefRule,
  dependsOnRule,
  parameterTypeRule,
  parameterDefaultRule,
  outputValueRule,
  limitsRule,
  templateSizeRule,
  lambdaRuntimeRule,
  wafCloudFrontRegionRule,
  cloudFrontWebAclArnRule,
  lambdaRuntimeDeprecatedRule,
  unusedParameterRule,
  unusedConditionRule,
  unusedMappingRule,
  regionAvailabilityRule,
  intrinsicShapeRule,
  intrinsicContextRule,
  resourceAttributesRule,
  circularDependencyRule,
  samGlobalsRule,
  samEventSourceRule,
  iamPolicyStructureRule, iamPrincipalRule, iamSidRule, iamConditionRule, iamActionRule, iamResourceArnRule,
  samTransformRequiredRule, samDuplicateEventRule, samApiReferenceRule, samApiDefinitionRule, samFunctionRule, samStateMachineRule, samLayerRule, samPolicyTemplateRule,
  ...SERVICE_RULES,
  glueColumnsRule,
  glueProjectionRule,
  glueIcebergRule,
  glueLocationRule,
  openApiSchemaRule,
  openApiVersionRule,
  openApiSizeLimitRule,
  openApiRefResolvesRule,
  openApiRefNotFollowedRule,
  openApiUnusedComponentRule,
  openApiOperationIdUniqueRule,
  openApiPathParametersRule,
  openApiEquivalentPathsRule,
  openApiSecuritySchemeDefinedRule,
  openApiResponsesRule,
  openApiParameterInRule,
  openApiSchemaTypeRule,
  openApiExampleMatchesSchemaRule,
  openApiParameterUniqueRule,
  openApiServerVariablesRule,
  openApiSecurityScopesRule,
  openApiExampleValueRule,
  openApiSchemaSemanticsRule,
  openApiResponseCodeQuotedRule,
  apiGatewayIntegrationRule,
  apiGatewayAuthorizerRule,
  apiGatewayRequestValidatorRule,
  apiGatewayExtensionValuesRule,
  apiGatewayUnsupportedFeatureRule,
  apiGatewayTemplateReferencesRule,
  apiGatewayApiKindRule,
  apiGatewayMissingSubRule,
];
