// One connection's gateways: a profile (or environment credentials), a region, one credentials
// provider and the resolved endpoints, behind one AwsClientFactory. Structurally an `AwsServices`
// (src/views/awsServices.ts) plus `identity()`; this layer does not import the views.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { STSClient } from '@aws-sdk/client-sts';
import { AwsClientFactory, type ClientFactoryOptions, type CredentialsOption } from './clientFactory';
import { CloudFormationGateway } from './cloudFormationGateway';
import type { EndpointService } from './endpoints';
import { AwsError } from './errors';
import { IdentityGateway } from './identityGateway';
import { LogsGateway } from './logsGateway';
import type { SdkLogger } from './sdkLogger';

/** Where session and view log lines go (the ArchLens output channel). */
export interface SessionLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface AwsSessionOptions {
  /** The profile name, or undefined for environment-variable credentials (used in `label`). */
  readonly profile?: string;
  readonly region: string;
  /** A provider (e.g. `SessionCredentials.provider`) or static keys. */
  readonly credentials: CredentialsOption;
  /** Endpoint per service; a missing service uses the AWS endpoint of the region. */
  readonly endpoints?: Readonly<Partial<Record<EndpointService, string>>>;
  readonly log: SessionLogger;
  /** Set only when debug logging is on. */
  readonly sdkLogger?: SdkLogger;
  /** Retry and timeout tuning (tests, emulators). */
  readonly maxAttempts?: number;
  readonly retry?: ClientFactoryOptions['retry'];
  readonly requestTimeoutMs?: number;
}

/** The gateways of one profile and region. Dispose it when the selection changes. */
export class AwsSession {
  readonly region: string;
  readonly profile: string | undefined;
  /** e.g. `demo (us-east-1)`. */
  readonly label: string;
  readonly log: SessionLogger;
  private readonly factory: AwsClientFactory;
  private readonly endpoints: Readonly<Partial<Record<EndpointService, string>>>;
  private cfn: CloudFormationGateway | undefined;
  private logsGateway: LogsGateway | undefined;
  private sts: IdentityGateway | undefined;
  private disposed = false;

  constructor(options: AwsSessionOptions) {
    if (!options.region) throw new Error('AwsSession: region is required');
    this.region = options.region;
    this.profile = options.profile;
    this.label = `${options.profile ?? 'environment credentials'} (${options.region})`;
    this.log = options.log;
    this.endpoints = { ...options.endpoints };
    this.factory = new AwsClientFactory({
      credentials: options.credentials,
      endpoints: this.endpoints,
      // Endpoints were resolved explicitly (endpoints.ts), including "none": the SDK must not
      // pick AWS_ENDPOINT_URL or another profile's endpoint_url on its own.
      ignoreConfiguredEndpointUrls: true,
      logger: options.sdkLogger,
      maxAttempts: options.maxAttempts,
      retry: options.retry,
      requestTimeoutMs: options.requestTimeoutMs,
    });
  }

  /** The endpoint override of a service, or undefined for AWS itself. */
  endpoint(service: EndpointService): string | undefined {
    return this.endpoints[service];
  }

  cloudFormation(): CloudFormationGateway {
    this.assertOpen();
    this.cfn ??= new CloudFormationGateway(this.factory.cloudFormation(this.region));
    return this.cfn;
  }

  logs(): LogsGateway {
    this.assertOpen();
    this.logsGateway ??= new LogsGateway(this.factory.client('logs', this.region, CloudWatchLogsClient));
    return this.logsGateway;
  }

  identity(): IdentityGateway {
    this.assertOpen();
    this.sts ??= new IdentityGateway(this.factory.client('sts', this.region, STSClient));
    return this.sts;
  }

  /**
   * A view or command that still holds this session after the connection changed must not get
   * a fresh client from the disposed factory: it would never be destroyed and would keep calling
   * AWS with the old profile and region. Its work is abandoned, as a cancel (no error to show).
   */
  private assertOpen(): void {
    if (this.disposed) throw new AwsError('Cancelled', 'AWS', 'session', `The AWS connection ${this.label} was closed (profile or region changed).`);
  }

  dispose(): void {
    this.disposed = true;
    this.factory.dispose();
    this.cfn = undefined;
    this.logsGateway = undefined;
    this.sts = undefined;
  }
}
