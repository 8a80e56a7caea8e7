// AWS services that have reached (or have announced) their end of support: a resource of such a
// type fails to create once the service is shut down, and a stack that holds one cannot be
// updated past that date. Dates and statuses are copied from the `lifecycle` entries of the
// resource provider schemas shipped with cfn-lint 1.51.0 (MIT-0), which follow AWS's "AWS
// services end of support" list (https://docs.aws.amazon.com/general/latest/gr/full_shutdown_services.html
// and each service's announcement). Services in "maintenance" (no new customers or features, but
// running) are left out. Refresh by hand when cfn-lint is upgraded; docs/rules/cfn-retired-service.md
// lists the same table.

export interface RetiredService {
  /** `AWS::Service`, as in the resource type. */
  readonly service: string;
  /** `shutdown`: AWS has shut it down; `sunset`: shut down on `date` (or announced without one). */
  readonly status: 'shutdown' | 'sunset';
  /** The end-of-support date, `YYYY-MM-DD`, when AWS announced one. */
  readonly date: string | undefined;
  /** The resource types (after `AWS::Service::`) the schemas mark. */
  readonly types: readonly string[];
  /** What AWS suggests moving to, when it names one. */
  readonly instead?: string;
}

const RETIRED: readonly RetiredService[] = [
  { service: 'AWS::AppMesh', status: 'sunset', date: '2026-09-30', types: ['GatewayRoute', 'Mesh', 'Route', 'VirtualGateway', 'VirtualNode', 'VirtualRouter', 'VirtualService'], instead: 'Amazon ECS Service Connect' },
  { service: 'AWS::CodeStar', status: 'shutdown', date: '2024-07-25', types: ['GitHubRepository'], instead: 'AWS::CodeStarConnections::Connection' },
  { service: 'AWS::Evidently', status: 'shutdown', date: '2025-10-17', types: ['Experiment', 'Feature', 'Launch', 'Project', 'Segment'], instead: 'AWS AppConfig feature flags' },
  { service: 'AWS::FinSpace', status: 'sunset', date: '2026-10-07', types: ['Environment'] },
  { service: 'AWS::FraudDetector', status: 'sunset', date: '2025-11-07', types: ['Detector', 'EntityType', 'EventType', 'Label', 'List', 'Outcome', 'Variable'] },
  {
    service: 'AWS::Greengrass',
    status: 'sunset',
    date: '2026-10-01',
    types: ['ConnectorDefinition', 'ConnectorDefinitionVersion', 'CoreDefinition', 'CoreDefinitionVersion', 'DeviceDefinition', 'DeviceDefinitionVersion', 'FunctionDefinition', 'FunctionDefinitionVersion', 'Group', 'GroupVersion', 'LoggerDefinition', 'LoggerDefinitionVersion', 'ResourceDefinition', 'ResourceDefinitionVersion', 'SubscriptionDefinition', 'SubscriptionDefinitionVersion'],
    instead: 'AWS IoT Greengrass V2 (AWS::GreengrassV2::*)',
  },
  { service: 'AWS::Inspector', status: 'sunset', date: '2026-05-20', types: ['AssessmentTarget', 'AssessmentTemplate', 'ResourceGroup'], instead: 'Amazon Inspector (AWS::InspectorV2::*)' },
  { service: 'AWS::IoTAnalytics', status: 'shutdown', date: '2025-12-15', types: ['Channel', 'Dataset', 'Datastore', 'Pipeline'] },
  { service: 'AWS::IoTEvents', status: 'shutdown', date: '2026-05-20', types: ['AlarmModel', 'DetectorModel', 'Input'] },
  { service: 'AWS::IoTThingsGraph', status: 'shutdown', date: '2022-11-09', types: ['FlowTemplate'] },
  { service: 'AWS::MediaStore', status: 'sunset', date: '2025-11-13', types: ['Container'], instead: 'Amazon S3' },
  { service: 'AWS::NimbleStudio', status: 'shutdown', date: '2024-06-30', types: ['Studio'] },
  { service: 'AWS::OpsWorks', status: 'shutdown', date: '2024-05-01', types: ['App', 'ElasticLoadBalancerAttachment', 'Instance', 'Layer', 'Stack', 'UserProfile', 'Volume'], instead: 'AWS Systems Manager' },
  {
    service: 'AWS::Pinpoint',
    status: 'sunset',
    date: '2026-10-30',
    types: ['ADMChannel', 'APNSChannel', 'APNSSandboxChannel', 'APNSVoipChannel', 'APNSVoipSandboxChannel', 'App', 'ApplicationSettings', 'BaiduChannel', 'Campaign', 'EmailChannel', 'EmailTemplate', 'EventStream', 'GCMChannel', 'InAppTemplate', 'PushTemplate', 'SMSChannel', 'Segment', 'SmsTemplate', 'VoiceChannel'],
  },
  { service: 'AWS::Proton', status: 'sunset', date: '2026-10-07', types: ['EnvironmentAccountConnection', 'EnvironmentTemplate', 'ServiceTemplate'] },
  { service: 'AWS::QLDB', status: 'shutdown', date: '2025-07-31', types: ['Ledger', 'Stream'], instead: 'Amazon Aurora PostgreSQL' },
  { service: 'AWS::SimSpaceWeaver', status: 'sunset', date: '2026-05-20', types: ['Simulation'] },
  { service: 'AWS::WAF', status: 'sunset', date: undefined, types: ['ByteMatchSet', 'IPSet', 'Rule', 'SizeConstraintSet', 'SqlInjectionMatchSet', 'WebACL', 'XssMatchSet'], instead: 'AWS WAF (AWS::WAFv2::*)' },
  {
    service: 'AWS::WAFRegional',
    status: 'sunset',
    date: undefined,
    types: ['ByteMatchSet', 'GeoMatchSet', 'IPSet', 'RateBasedRule', 'RegexPatternSet', 'Rule', 'SizeConstraintSet', 'SqlInjectionMatchSet', 'WebACL', 'WebACLAssociation', 'XssMatchSet'],
    instead: 'AWS WAF (AWS::WAFv2::*)',
  },
];

/** Every retired resource type, by full type name (a Map: the type comes from the document). */
export const RETIRED_TYPES: ReadonlyMap<string, RetiredService> = new Map(RETIRED.flatMap((entry) => entry.types.map((type) => [`${entry.service}::${type}`, entry] as const)));

/** Every entry, for the rule page and its test. */
export const RETIRED_SERVICES: readonly RetiredService[] = RETIRED;

/** The message for a resource of a retired type, as of `today` (`YYYY-MM-DD`). */
export function retiredMessage(type: string, entry: RetiredService, today: string): string {
  const move = entry.instead ? ` Move to ${entry.instead}.` : ' Plan a replacement and remove it.';
  const service = entry.service.slice('AWS::'.length);
  if (entry.date === undefined) return `${type} belongs to ${service}, which AWS is retiring (no new resources; no end date announced yet).${move}`;
  if (entry.status === 'shutdown' || entry.date <= today) return `${type} belongs to ${service}, which AWS shut down on ${entry.date}: CloudFormation can no longer create or update it.${move}`;
  return `${type} belongs to ${service}, which AWS shuts down on ${entry.date}: the resource stops working then.${move}`;
}
