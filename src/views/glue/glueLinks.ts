// ARNs and AWS console links of Glue tables. A catalog id is an account id (the default catalog)
// or `<account>:<catalog path>` (an S3 Tables or federated catalog: `123456789012:s3tablescatalog/
// analytics`), whose tables have ARNs `table/<catalog path>/<database>/<table>`. The partition
// (aws, aws-cn, aws-us-gov) follows the region, as the console host does.

function partitionOf(region: string): { arn: string; console: string } {
  if (region.startsWith('cn-')) return { arn: 'aws-cn', console: `https://${region}.console.amazonaws.cn` };
  if (region.startsWith('us-gov-')) return { arn: 'aws-us-gov', console: 'https://console.amazonaws-us-gov.com' };
  return { arn: 'aws', console: `https://${region}.console.aws.amazon.com` };
}

/** The account and the catalog path of a catalog id (`123456789012:s3tablescatalog/x`). */
export function splitCatalogId(catalogId: string | undefined): { account?: string; path?: string } {
  if (catalogId === undefined || catalogId === '') return {};
  const colon = catalogId.indexOf(':');
  if (colon < 0) return { account: catalogId };
  return { account: catalogId.slice(0, colon), path: catalogId.slice(colon + 1) };
}

/** The table's ARN, or undefined while the catalog's account is unknown. */
export function glueTableArn(region: string, catalogId: string | undefined, database: string, table: string): string | undefined {
  const { account, path } = splitCatalogId(catalogId);
  if (account === undefined) return undefined;
  return `arn:${partitionOf(region).arn}:glue:${region}:${account}:table/${path ? `${path}/` : ''}${database}/${table}`;
}

/** The table's page in the AWS Glue console (Data Catalog > Tables). */
export function glueTableConsoleUrl(region: string, catalogId: string | undefined, database: string, table: string): string {
  const query = new URLSearchParams({ database, ...(catalogId ? { catalogId } : {}) }).toString();
  return `${partitionOf(region).console}/glue/home?region=${encodeURIComponent(region)}#/v2/data-catalog/tables/view/${encodeURIComponent(table)}?${query}`;
}
