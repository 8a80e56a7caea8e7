// What the AWS views need from the connection: gateways bound to the chosen profile and region,
// and a logger. Implemented by the extension's connection (`src/aws/session.ts`), and in tests
// by a session pointed at the local AWS-protocol servers (`test/support/awsServicesFor.ts`).
import type { AwsService } from '../aws/services/serviceDescriptor';

/** Where the views' log lines go (the "ArchLens" output channel). Never pass credentials or bodies. */
export interface ViewLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Gateways for the current profile and region. */
export interface AwsServices {
  /** The region the gateways are bound to (e.g. for console links). */
  readonly region: string;
  /** A short label of the connection for messages, e.g. `demo (us-east-1)`. */
  readonly label: string;
  /**
   * The gateway of a service, e.g. `gateway(cloudFormationService)` (descriptors live in
   * `src/aws/services/`). One per descriptor and connection; a service missing from the region
   * fails its calls with `Unavailable`.
   */
  gateway<G>(service: AwsService<G>): G;
  readonly log: ViewLogger;
}
