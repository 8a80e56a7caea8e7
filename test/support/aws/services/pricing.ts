// The AWS Price List API (awsJson1_1, `X-Amz-Target: AWSPriceListService.GetProducts`) for the
// local AWS-protocol server. Products are seeded in pricingFixtures.ts and returned as JSON
// strings, filtered the way GetProducts filters: `TERM_MATCH` on an attribute (or `ServiceCode`)
// keeps products whose value equals the filter's. Pages of at most 100 (MaxResults 1..100).
// To add an operation: an entry in `operations` with its input model (from
// node_modules/@aws-sdk/client-pricing/dist-types/models/models_0.d.ts) and a handler.
import { takePage } from '../core/paging';
import type { OperationInput, ServiceDefinition } from '../core/service';
import { ServiceError } from '../core/serviceError';
import { createPricingFixture, productJson, type FixtureProduct } from '../pricingFixtures';

export class PricingState {
  constructor(readonly products: FixtureProduct[] = createPricingFixture()) {}
}

/** The demo account's Price List (`startLocalAccount` calls it). */
export function seedPricing(): PricingState {
  return new PricingState();
}

const invalidToken = (): ServiceError => new ServiceError('InvalidNextTokenException', 'The pagination token is invalid. Try again without a pagination token.');

function matches(product: FixtureProduct, filters: readonly { Type?: unknown; Field?: unknown; Value?: unknown }[]): boolean {
  return filters.every((filter) => {
    if (typeof filter.Field !== 'string' || typeof filter.Value !== 'string') throw new ServiceError('InvalidParameterException', 'Each filter needs a Field and a Value.');
    if (filter.Type !== 'TERM_MATCH') throw new ServiceError('InvalidParameterException', `Filter type ${String(filter.Type)} is not supported by the local Price List.`);
    const field = String(filter.Field);
    // `ServiceCode` and `productFamily` are filterable like attributes, as in the real API.
    const value = field === 'ServiceCode' ? product.serviceCode : field === 'productFamily' ? product.productFamily : Object.hasOwn(product.attributes, field) ? product.attributes[field] : undefined;
    return value === filter.Value;
  });
}

export function pricingService(state: PricingState): ServiceDefinition {
  function getProducts(body: OperationInput): unknown {
    const filters = Array.isArray(body.Filters) ? (body.Filters as { Type?: unknown; Field?: unknown; Value?: unknown }[]) : [];
    const found = state.products.filter((product) => product.serviceCode === body.ServiceCode && matches(product, filters));
    const scope = `GetProducts:${String(body.ServiceCode)}:${JSON.stringify(filters)}`;
    const size = typeof body.MaxResults === 'number' ? body.MaxResults : 100;
    const { page, nextToken } = takePage(found, { scope, token: typeof body.NextToken === 'string' ? body.NextToken : undefined, size, invalid: invalidToken });
    return { FormatVersion: 'aws_v1', PriceList: page.map(productJson), ...(nextToken !== undefined ? { NextToken: nextToken } : {}) };
  }

  return {
    name: 'pricing',
    protocol: 'awsJson1_1',
    targetPrefix: 'AWSPriceListService',
    errorNamespace: 'com.amazonaws.pricing',
    tokenMember: 'NextToken',
    errors: {
      validation: { code: 'InvalidParameterException', status: 400, message: 'Invalid parameter' },
      serialization: { code: 'SerializationException', status: 400, message: 'Malformed input' },
      throttle: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
      expiredToken: { code: 'ExpiredTokenException', status: 400, message: 'The security token included in the request is expired' },
      accessDenied: { code: 'AccessDeniedException', status: 400, message: 'User is not authorized to perform pricing:GetProducts' },
      serverError: { code: 'InternalErrorException', status: 500, message: 'An error on the server occurred during the processing of your request.' },
      unknownOperation: { code: 'UnknownOperationException', status: 400, message: 'Unknown operation' },
      invalidToken,
    },
    operations: {
      GetProducts: {
        input: {
          ServiceCode: { required: true },
          // Each filter's Type / Field / Value are checked by the handler (the input model checks scalars and structures).
          Filters: { type: 'list', length: [0, 50] },
          FormatVersion: {},
          NextToken: {},
          MaxResults: { type: 'integer', range: [1, 100] },
        },
        handle: getProducts,
      },
    },
  };
}
