// The services the connection resolves and checks up front: a bad AWS_ENDPOINT_URL_<SERVICE>
// fails the connection at once, and "Show AWS Connection" lists their endpoints. Listing a
// service here is optional: `session.gateway(descriptor)` works for any descriptor and resolves
// its endpoint on first use (an unusable one then fails that service's calls only).
import { cloudFormationService } from './cloudFormation';
import { logsService } from './logs';
import type { AwsService } from './serviceDescriptor';
import { stsService } from './sts';

export const CONNECTION_SERVICES: readonly AwsService<unknown>[] = [stsService, cloudFormationService, logsService];
