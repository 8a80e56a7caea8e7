// Plain, SDK-free shapes the Glue gateway hands out (views never import the SDK). Maps, not
// objects, for everything keyed by names the catalog supplies (table and SerDe parameters are
// user-written: `__proto__` or `constructor` must stay plain keys).

/** A catalog: the account's default one (`id` = account id) or a federated / S3 Tables one. */
export interface GlueCatalog {
  /** What `CatalogId` takes, e.g. `123456789012` or `123456789012:s3tablescatalog/analytics`. */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Set for catalogs whose databases live elsewhere (a federated source or S3 Tables). */
  readonly federatedConnection?: string;
}

export interface GlueDatabase {
  readonly name: string;
  readonly catalogId?: string;
  readonly description?: string;
  readonly locationUri?: string;
  /** A resource link: the database it points at (`catalog:database`). */
  readonly targetDatabase?: string;
}

/** What a cheap table listing returns (`AttributesToGet: [NAME, TABLE_TYPE]`). */
export interface GlueTableSummary {
  readonly name: string;
  /** `EXTERNAL_TABLE`, `VIRTUAL_VIEW`, `GOVERNED`, ...; absent when the creator set none. */
  readonly tableType?: string;
}

export interface GlueColumn {
  readonly name: string;
  readonly type?: string;
  readonly comment?: string;
}

export interface GlueStorage {
  readonly location?: string;
  readonly inputFormat?: string;
  readonly outputFormat?: string;
  readonly serializationLibrary?: string;
  readonly serdeParameters: ReadonlyMap<string, string>;
  readonly columns: readonly GlueColumn[];
}

/** GetTable's answer, the parts the views show. */
export interface GlueTable {
  readonly name: string;
  readonly databaseName: string;
  readonly catalogId?: string;
  readonly tableType?: string;
  readonly description?: string;
  readonly parameters: ReadonlyMap<string, string>;
  readonly storage: GlueStorage;
  readonly partitionKeys: readonly GlueColumn[];
  readonly viewOriginalText?: string;
  readonly updateTime?: Date;
  readonly versionId?: string;
  /** Set by Lake Formation for governed tables / registered formats. */
  readonly isRegisteredWithLakeFormation?: boolean;
}

export interface GluePartition {
  /** In the order of the table's partition keys. */
  readonly values: readonly string[];
  readonly location?: string;
  readonly creationTime?: Date;
}

/** Where a table lives: the catalog (undefined: the caller's default) and the database. */
export interface GlueTableRef {
  readonly catalogId?: string;
  readonly databaseName: string;
  readonly tableName: string;
}

export interface PartitionQuery {
  /** A Glue partition predicate (`year = '2024' AND month BETWEEN '01' AND '03'`), sent as `Expression`. */
  readonly expression?: string;
  /** 1..1000 (default 1000). */
  readonly pageSize?: number;
  /** A parallel scan's segment (counting uses at most 10). */
  readonly segment?: { readonly number: number; readonly total: number };
}
