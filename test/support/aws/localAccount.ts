// A whole local AWS account on one endpoint: CloudFormation, STS, CloudWatch Logs,
// CodeArtifact and Glue on one LocalAwsServer, with their states at hand (the demo account and the core's
// own tests use it). Every SDK client can point at `server.endpoint`.
import { LocalAwsServer } from './core/localAwsServer';
import type { FixtureStack } from './fixtures';
import type { FixtureGroup } from './logsFixtures';
import type { TailSettings } from './logsServerOps';
import { cloudFormationService, CloudFormationState } from './services/cloudFormation';
import { codeArtifactService, CodeArtifactState, type CodeArtifactDomain } from './services/codeArtifact';
import { glueService, GlueState } from './services/glue';
import type { FixtureCatalog } from './glueFixtures';
import { logsService, LogsState } from './services/logs';
import { pricingService, seedPricing, type PricingState } from './services/pricing';
import { stsService, StsState, type CallerIdentity } from './services/sts';

export interface LocalAccountOptions {
  readonly stacks?: FixtureStack[];
  readonly logGroups?: FixtureGroup[];
  readonly tail?: TailSettings;
  readonly domains?: CodeArtifactDomain[];
  readonly glueCatalogs?: FixtureCatalog[];
  readonly identity?: CallerIdentity;
  /** 0 (default): a free port. */
  readonly port?: number;
}

export interface LocalAccount {
  readonly server: LocalAwsServer;
  readonly cloudFormation: CloudFormationState;
  readonly sts: StsState;
  readonly logs: LogsState;
  readonly codeArtifact: CodeArtifactState;
  readonly glue: GlueState;
  readonly pricing: PricingState;
}

export async function startLocalAccount(options: LocalAccountOptions = {}): Promise<LocalAccount> {
  const cloudFormation = new CloudFormationState(options.stacks);
  const sts = new StsState(options.identity);
  const logs = new LogsState(options.logGroups, options.tail, undefined, () => sts.identity.account, () => sts.identity.arn);
  const codeArtifact = new CodeArtifactState(options.domains);
  const glue = new GlueState(options.glueCatalogs, () => sts.identity.account);
  const pricing = seedPricing();
  const server = await LocalAwsServer.start({
    services: [cloudFormationService(cloudFormation), stsService(sts), logsService(logs), codeArtifactService(codeArtifact), glueService(glue), pricingService(pricing)],
    port: options.port,
  });
  return { server, cloudFormation, sts, logs, codeArtifact, glue, pricing };
}
