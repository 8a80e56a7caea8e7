// The AWS Price List API's descriptor (see serviceDescriptor.ts). Pricing answers from three
// regions only, for prices of every region: a session elsewhere calls the nearest of them
// (`apiRegion`), so "Refresh Prices" works whatever region the connection uses.
import { defineService } from './serviceDescriptor';
import type * as GatewayModule from '../pricingGateway';
import type * as Sdk from '@aws-sdk/client-pricing';

/** The regions with a Price List API endpoint (API reference: "api.pricing.<region>.amazonaws.com"). */
export const PRICING_API_REGIONS = ['us-east-1', 'ap-south-1', 'eu-central-1'] as const;

/** The Price List endpoint a session in `region` calls: itself when it has one, else the nearest. */
export function pricingApiRegion(region: string): string {
  if ((PRICING_API_REGIONS as readonly string[]).includes(region)) return region;
  if (/^(eu|me|af|il)-/.test(region)) return 'eu-central-1';
  if (/^ap-/.test(region)) return 'ap-south-1';
  return 'us-east-1';
}

export const pricingService = defineService({
  id: 'pricing',
  sdkServiceId: 'Pricing',
  displayName: 'Price List',
  regions: PRICING_API_REGIONS,
  apiRegion: pricingApiRegion,
  load: () => {
    // Required here, not imported: loaded on the service's first call (see `ServiceSpec.load`).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PricingClient } = require('@aws-sdk/client-pricing') as typeof Sdk;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PricingGateway } = require('../pricingGateway') as typeof GatewayModule;
    return { client: PricingClient, gateway: (client: InstanceType<typeof PricingClient>, target) => new PricingGateway(client, target) };
  },
});
