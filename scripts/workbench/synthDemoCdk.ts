// Regenerates the demo CDK app's checked-in cloud assembly (demo/cdk-shop/cdk.out) the way the
// extension's "Synthesize CDK App" does: the built synth worker (dist/cdkSynthWorker.js, so run
// `npm run build` first), toolkit-lib, lookups off, the larger stack-trace limit.
//   node --import tsx scripts/workbench/synthDemoCdk.ts
import { join } from 'node:path';
import { synthEnvironment } from '../../src/extension/cdk/synth/synthProtocol';
import { runSynth } from '../../src/extension/cdk/synth/synthRunner';

const repo = join(import.meta.dirname, '..', '..');
const appDir = join(repo, 'demo', 'cdk-shop');
void runSynth(
  { kind: 'synth', app: 'npx tsx bin/app.ts', workingDirectory: appDir, outdir: join(appDir, 'cdk.out'), env: synthEnvironment(undefined) },
  { workerPath: join(repo, 'dist', 'cdkSynthWorker.js'), onMessage: (m) => m.level !== 'debug' && m.level !== 'trace' && console.log(`${m.level}: ${m.message}`) },
).then((outcome) => {
  console.log(JSON.stringify(outcome));
  process.exitCode = outcome.kind === 'done' ? 0 : 1;
});
