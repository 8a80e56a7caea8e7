// The demo account's CodeArtifact (`npm start`, the integration test): domain `acme-corp` with
// `internal` (the company's packages; upstream `public-proxy`) and `public-proxy` (external
// connection to npmjs), 300 packages of npm, pypi and maven with mixed origin controls and a package group,: the
// pre-2022 risky ALLOW/ALLOW default on about one in five, so the tree has something to fix.
import { DEMO_ACCOUNT } from './demoData';
import type { CodeArtifactDomain, CodeArtifactPackage, OriginRestriction } from './services/codeArtifact';

export const DEMO_DOMAIN = 'acme-corp';

const WORDS = ['billing', 'orders', 'auth', 'search', 'ledger', 'catalog', 'shipping', 'payments', 'events', 'profile', 'reports', 'pricing'];
const SUFFIXES = ['client', 'core', 'utils', 'schema', 'sdk'];

function origin(i: number): { publish: OriginRestriction; upstream: OriginRestriction } {
  // Published here (ALLOW/BLOCK) mostly; some ALLOW/ALLOW (risky), some fully locked.
  if (i % 5 === 2) return { publish: 'ALLOW', upstream: 'ALLOW' };
  if (i % 11 === 0) return { publish: 'BLOCK', upstream: 'BLOCK' };
  return { publish: 'ALLOW', upstream: 'BLOCK' };
}

function internalPackages(): CodeArtifactPackage[] {
  const out: CodeArtifactPackage[] = [];
  let i = 0;
  for (const word of WORDS) {
    for (const suffix of SUFFIXES) {
      out.push({ format: 'npm', namespace: 'acme', name: `${word}-${suffix}`, origin: origin(i++) });
      out.push({ format: 'pypi', name: `acme-${word}-${suffix}`, origin: origin(i++) });
      out.push({ format: 'maven', namespace: 'com.acme', name: `${word}-${suffix}`, origin: origin(i++) });
      out.push({ format: 'npm', name: `acme-${word}-${suffix}-cli`, origin: origin(i++) });
    }
  }
  return out; // 12 x 5 x 4 = 240
}

function proxiedPackages(): CodeArtifactPackage[] {
  const names = ['lodash', 'react', 'express', 'left-pad', 'chalk', 'debug', 'uuid', 'axios', 'commander', 'semver', 'yargs', 'dotenv', 'moment', 'typescript', 'eslint'];
  const out: CodeArtifactPackage[] = [];
  for (const [i, name] of names.entries()) {
    // Came from upstream: publish BLOCK, upstream ALLOW (the default for ingested packages).
    out.push({ format: 'npm', name, origin: i % 4 === 3 ? { publish: 'ALLOW', upstream: 'ALLOW' } : { publish: 'BLOCK', upstream: 'ALLOW' } });
    out.push({ format: 'npm', namespace: 'types', name, origin: { publish: 'BLOCK', upstream: 'ALLOW' } });
    out.push({ format: 'pypi', name: `py-${name}`, origin: { publish: 'BLOCK', upstream: 'ALLOW' } });
    out.push({ format: 'maven', namespace: 'org.example', name, origin: { publish: 'BLOCK', upstream: 'ALLOW' } });
  }
  return out; // 60
}

export function demoDomains(): CodeArtifactDomain[] {
  return [
    {
      name: DEMO_DOMAIN,
      owner: DEMO_ACCOUNT,
      createdTime: Date.UTC(2021, 5, 1),
      packageGroups: [{ pattern: '/npm/acme/*', description: 'Acme npm scope: internal only', modes: { EXTERNAL_UPSTREAM: 'BLOCK' } }],
      repositories: [
        { name: 'internal', description: 'Packages built at Acme', packages: internalPackages(), upstreams: ['public-proxy'] },
        { name: 'public-proxy', description: 'Cache of public registries', packages: proxiedPackages(), externalConnections: ['public:npmjs'] },
      ],
    },
  ];
}
