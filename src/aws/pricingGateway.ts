// AWS Price List API gateway: `GetProducts` as resumable pages (`tokenPages`) of product JSON
// strings, every `send` cancellable and mapped to the one AwsError type. What a product means
// (tiers, units) is decided by the pure src/engine/cost/priceList.ts, not here.
import { GetProductsCommand, type PricingClient } from '@aws-sdk/client-pricing';
import { tokenPages, type Page, type PageOptions, type ServiceTarget } from './awsCall';

/** GetProducts answers at most 100 products a page (API reference). */
export const PRICING_PAGE_SIZE = 100;

/** One `TERM_MATCH` query: a service code and the attribute values products must have. */
export interface ProductQuery {
  readonly serviceCode: string;
  /** Attribute name -> exact value (`regionCode`, `instanceType`, ...). */
  readonly attributes: Readonly<Record<string, string>>;
}

export class PricingGateway {
  constructor(
    private readonly client: PricingClient,
    private readonly target: ServiceTarget = { service: 'Price List' },
  ) {}

  /** The products matching `query`, a page at a time (each a JSON string, as the API returns them). */
  productPages(query: ProductQuery, options: PageOptions & { pageSize?: number } = {}): AsyncIterable<Page<string>> {
    const filters = Object.keys(query.attributes).map((field) => ({ Type: 'TERM_MATCH' as const, Field: field, Value: query.attributes[field] }));
    return tokenPages(this.target, 'GetProducts', options, async (token) => {
      const out = await this.client.send(
        new GetProductsCommand({ ServiceCode: query.serviceCode, Filters: filters, FormatVersion: 'aws_v1', MaxResults: Math.min(options.pageSize ?? PRICING_PAGE_SIZE, PRICING_PAGE_SIZE), ...(token ? { NextToken: token } : {}) }),
        { abortSignal: options.signal },
      );
      // Each product is a JSON document the SDK may hand over as a string or a lazy JSON string object.
      const list: unknown = out.PriceList;
      const items = Array.isArray(list) ? list.map((product: unknown) => (typeof product === 'string' ? product : String(product))) : [];
      return { items, nextToken: out.NextToken };
    });
  }
}
