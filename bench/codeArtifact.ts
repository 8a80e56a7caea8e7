/**
 * CodeArtifact origin controls for `npm run bench` (issue 14), against the local CodeArtifact
 * server (restJson1, real SDK over HTTP on 127.0.0.1) with AWS's quotas enforced by the server:
 * 100 writes/s and 800 reads/s per account (token buckets; over them the answer is
 * ThrottlingException 429, as AWS's). The SDK makes one attempt per request, so throttling is
 * the executor's to absorb (adaptive concurrency, jittered retries).
 *
 * - Plan and apply "upstream BLOCK" to 10,000 ALLOW/ALLOW packages (1,000 with --quick), with a
 *   file journal: writes/s achieved vs the quota, throttled answers, and from the server's own
 *   count of successful writes per package: none lost (every package written) or repeated.
 * - The tree: expanding a 10,000-package repository from an empty cache until its first page of
 *   package rows shows, vs one bare ListPackages call (interleaved pairs), and the round trips
 *   (requests in flight at once count as one: the expand sends its calls together).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { codeArtifactService } from '../src/aws/services/codeArtifact';
import { createFileJournalStore } from '../src/node/fileJournalStore';
import { ORIGIN_RUN_TUNING, originPlanFromFilter, originTarget, type OriginPlanTarget } from '../src/operations/codeArtifact/originOperation';
import { runOperation } from '../src/operations/executor';
import { CodeArtifactRepositoryNode, PACKAGE_PAGE_SIZE, type CodeArtifactEnv } from '../src/views/codeArtifact/codeArtifactNodes';
import { startLocalAccount } from '../test/support/aws/localAccount';
import type { CodeArtifactDomain, CodeArtifactPackage } from '../test/support/aws/services/codeArtifact';
import { awsServicesFor } from '../test/support/awsServicesFor';
import type { AwsBenchRow } from './aws';
import { verdict, type GoalRow } from './goals';
import { formatPairDetail, formatRatio, interleavedPairs, timeInProcess } from './pairs';

const TARGET: OriginPlanTarget = { account: '123456789012', region: 'us-east-1', domain: 'bench', repository: 'big' };
const WRITE_QUOTA = 100;
const READ_QUOTA = 800;

function domain(count: number): CodeArtifactDomain[] {
  const packages: CodeArtifactPackage[] = Array.from({ length: count }, (_, i) => ({ format: 'npm', namespace: 'team', name: `pkg-${String(i).padStart(5, '0')}`, origin: { publish: 'ALLOW', upstream: 'ALLOW' } }));
  return [{ name: TARGET.domain, owner: TARGET.account, createdTime: Date.UTC(2025, 0, 1), repositories: [{ name: TARGET.repository, packages }] }];
}

export interface CodeArtifactBench {
  readonly rows: AwsBenchRow[];
  readonly goals: GoalRow[];
}

export async function benchCodeArtifact(options: { packages: number; pairs: number }): Promise<CodeArtifactBench> {
  const account = await startLocalAccount({ domains: domain(options.packages) });
  const services = awsServicesFor({ endpoint: account.server.endpoint, maxAttempts: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'archlens-bench-ca-'));
  const rows: AwsBenchRow[] = [];
  const goals: GoalRow[] = [];
  try {
    const gateway = services.gateway(codeArtifactService);
    const n = options.packages.toLocaleString('en-US');

    // --- The tree's first page (no quota: this is latency, not throughput).
    const env: CodeArtifactEnv = { services, sink: { changed: () => undefined }, packagePageSize: PACKAGE_PAGE_SIZE };
    let expandRequests = 0;
    const expand = async () => {
      account.server.log.clear();
      const node = new CodeArtifactRepositoryNode('bench/repo', env, { name: TARGET.repository, domain: TARGET.domain }, () => gateway.packageGroupPages(TARGET)[Symbol.asyncIterator]().next().then((r) => (r.done ? [] : r.value.items)));
      // The expand sends DescribeRepository, ListPackageGroups and ListPackages together (one
      // round trip of latency): the time ratio against one bare call shows whether they overlap.
      const sample = await timeInProcess(() => node.children(new AbortController().signal));
      expandRequests = account.server.log.entries.length;
      return sample;
    };
    const bare = () => timeInProcess(async () => {
      for await (const page of gateway.packagePages(TARGET, {}, { pageSize: PACKAGE_PAGE_SIZE })) return page;
      return undefined;
    });
    const firstPage = await interleavedPairs(expand, bare, options.pairs, 2);
    const requests = expandRequests;
    rows.push({ label: `${n} packages: first page of the repository shown`, value: formatRatio(firstPage.ratio), note: `vs one bare ListPackages; ${requests} requests sent together per expand (1 round trip of latency); ${formatPairDetail(firstPage, 'expand', 'bare')}` });
    goals.push({ work: `CodeArtifact: expand a ${n}-package repository`, floor: 'one `ListPackages` call', goal: 'first page after one round trip (≤ 2x one call; serial calls would be ≥ 3x)', measured: `${requests} requests sent together (DescribeRepository, ListPackageGroups, ListPackages); time ${formatRatio(firstPage.ratio)}`, verdict: verdict(firstPage.ratio, 2) });

    // --- Plan and apply under the quotas.
    account.codeArtifact.setQuota({ writesPerSecond: WRITE_QUOTA, readsPerSecond: READ_QUOTA });
    const planStart = performance.now();
    const plan = await originPlanFromFilter(gateway, TARGET, {}, { upstream: 'BLOCK' });
    const planMs = performance.now() - planStart;
    const applyStart = performance.now();
    const report = await runOperation({ plan, target: originTarget(gateway, TARGET), journal: createFileJournalStore(dir), ...ORIGIN_RUN_TUNING });
    const applySeconds = (performance.now() - applyStart) / 1000;
    const writes = [...account.codeArtifact.writesByPackage.values()];
    const repeated = writes.filter((w) => w > 1).length;
    const lost = account.codeArtifact.domains[0]!.repositories[0]!.packages.filter((p) => p.origin.upstream !== 'BLOCK').length;
    const rate = report.counts.ok / applySeconds;
    rows.push({ label: `plan ${n} packages (ListPackages, 1,000 a page)`, value: `${(planMs / 1000).toFixed(2)} s`, note: `${plan.items.length.toLocaleString('en-US')} items` });
    rows.push({
      label: `apply ${n} writes under a ${WRITE_QUOTA}/s quota`,
      value: `${rate.toFixed(1)} writes/s`,
      note: `${applySeconds.toFixed(1)} s; ok ${report.counts.ok}, failed ${report.counts.failed}, unchanged ${report.counts.unchanged}; throttled answers: ${account.codeArtifact.throttled.writes} writes, ${account.codeArtifact.throttled.reads} reads; lost ${lost}, repeated ${repeated}`,
    });
    goals.push({
      work: `CodeArtifact: apply ${n} origin changes under throttling`,
      floor: `the account quota, ${WRITE_QUOTA} writes/s`,
      goal: 'no write lost or repeated; near the quota',
      measured: `${rate.toFixed(1)} writes/s (${((rate / WRITE_QUOTA) * 100).toFixed(0)}% of the quota); lost ${lost}, repeated ${repeated}, failed ${report.counts.failed}`,
      verdict: lost === 0 && repeated === 0 && report.counts.failed === 0 ? 'met' : 'MISSED',
    });
    return { rows, goals };
  } finally {
    services.dispose();
    await account.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
