// Context values for tree nodes (`viewItem == archlens:<kind>` in package.json menus). One list,
// so a menu entry and the node it targets cannot drift apart.
export const CONTEXT = {
  message: 'archlens:message',
  error: 'archlens:error',
  loadMore: 'archlens:loadMore',
  stack: 'archlens:stack',
  /** A stack whose template can be fetched and diffed (not deleted). */
  stackLive: 'archlens:stackLive',
  stackFolder: 'archlens:stackFolder',
  stackResource: 'archlens:stackResource',
  stackEvent: 'archlens:stackEvent',
  stackOutput: 'archlens:stackOutput',
  stackParameter: 'archlens:stackParameter',
  driftFolder: 'archlens:driftFolder',
  driftedResource: 'archlens:driftedResource',
  logGroupFolder: 'archlens:logGroupFolder',
  logGroup: 'archlens:logGroup',
  logStream: 'archlens:logStream',
  glueCatalog: 'archlens:glueCatalog',
  glueDatabase: 'archlens:glueDatabase',
  glueTable: 'archlens:glueTable',
  glueFolder: 'archlens:glueFolder',
  glueColumn: 'archlens:glueColumn',
  /** The partitions of a table (registered ones; projected tables show their ranges instead). */
  gluePartitions: 'archlens:gluePartitions',
  gluePartition: 'archlens:gluePartition',
  codeArtifactDomain: 'archlens:codeArtifactDomain',
  codeArtifactRepository: 'archlens:codeArtifactRepository',
  codeArtifactPackage: 'archlens:codeArtifactPackage',
  codeArtifactGroupFolder: 'archlens:codeArtifactGroupFolder',
  codeArtifactGroup: 'archlens:codeArtifactGroup',
  cdkApp: 'archlens:cdkApp',
  cdkStack: 'archlens:cdkStack',
  /** A stack whose app's sources changed after the last synth (offers Synthesize inline). */
  cdkStackStale: 'archlens:cdkStackStale',
  /** An L2/L3 construct (a folder of constructs). */
  cdkConstruct: 'archlens:cdkConstruct',
  /** An L1 construct: one CloudFormation resource. */
  cdkResource: 'archlens:cdkResource',
} as const;

export type ContextValue = (typeof CONTEXT)[keyof typeof CONTEXT];
