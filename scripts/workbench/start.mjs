// `npm start`: ArchLens in a real VS Code (code-server 4.139.1 = VS Code 1.139.1) on demo/.
// `npm start` builds first, then this script:
//   1. installs code-server into the cache on first use (~4.5 min, ~800 MB; see installCodeServer.mjs),
//   2. packages the built extension (dist/archlens.vsix) and installs it into a temporary
//      extensions folder, the way a user installs a .vsix,
//   3. starts code-server on a free port on 127.0.0.1 with workspace trust off (the folder opens
//      trusted), opens demo/, prints the URL and runs until Ctrl-C.
//
// Options (after `npm start --`):
//   --dev           load the extension unpacked from the repository instead of the .vsix
//                   ([Extension Development Host]); after `npm run build`, reload the page
//   --untrusted     keep workspace trust on: demo/ opens in Restricted Mode
//   --port N        listen on N instead of a free port (or ARCHLENS_PORT)
//   --folder PATH   open PATH instead of demo/
//   --desktop       a desktop VS Code instead (downloaded by @vscode/test-electron; needs internet)
//   --aws           use your own AWS configuration (~/.aws, AWS_* variables) instead of the demo
//                   account; by default the sidebar shows a local demo account (profile `demo`,
//                   served by scripts/workbench/demoAws.ts on 127.0.0.1: sample data, not AWS)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { installVsix, packageExtension, QUIET_SETTINGS, repoRoot, startCodeServer, writeUserSettings } from './codeServer.mjs';
import { launchDesktop } from './desktop.mjs';
import { installCodeServer } from './installCodeServer.mjs';

/** Starts the demo AWS account (local protocol servers + a `demo` profile) in a child process. */
async function startDemoAws(configDir) {
  const child = spawn(process.execPath, ['--no-warnings', '--import', 'tsx', join(repoRoot, 'scripts', 'workbench', 'demoAws.ts'), '--config-dir', configDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the demo AWS server exited (${code}) before it was ready`)));
  });
  const info = JSON.parse(first);
  return { ...info, child };
}

function parseArgs(argv) {
  const options = { dev: false, untrusted: false, desktop: false, aws: false, port: process.env.ARCHLENS_PORT ? Number(process.env.ARCHLENS_PORT) : undefined, folder: join(repoRoot, 'demo') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dev') options.dev = true;
    else if (arg === '--untrusted') options.untrusted = true;
    else if (arg === '--desktop') options.desktop = true;
    else if (arg === '--aws') options.aws = true;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--folder') options.folder = argv[++i];
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown option ${arg} (try --help)`);
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port > 0 && options.port < 65536)) throw new Error('--port needs a port number');
  if (!options.folder) throw new Error('--folder needs a path');
  options.folder = isAbsolute(options.folder) ? options.folder : resolve(process.cwd(), options.folder);
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('usage: npm start [-- --dev] [--untrusted] [--port N] [--folder PATH] [--desktop] [--aws]  (see scripts/workbench/start.mjs)');
    return 0;
  }
  if (options.desktop) return launchDesktop({ folder: options.folder });

  const install = await installCodeServer();
  // Per-run profile: no state leaks between runs, and nothing is written to ~/.local or ~/.config.
  const session = mkdtempSync(join(tmpdir(), 'archlens-start-'));
  const userDataDir = join(session, 'user-data');
  const extensionsDir = join(session, 'extensions');
  writeUserSettings(userDataDir, QUIET_SETTINGS);

  if (!options.dev) {
    const t0 = Date.now();
    const vsix = packageExtension(join(repoRoot, 'dist', 'archlens.vsix'));
    installVsix({ install, vsix, extensionsDir, userDataDir });
    console.log(`archlens: packaged and installed ${vsix} (${Date.now() - t0} ms)`);
  }

  const demo = options.aws ? undefined : await startDemoAws(join(session, 'aws'));
  const logFile = join(session, 'code-server.log');
  const server = await startCodeServer({
    env: demo?.env ?? {},
    install,
    folder: options.folder,
    userDataDir,
    extensionsDir,
    logFile,
    trust: !options.untrusted,
    port: options.port,
    extensionDevelopmentPath: options.dev ? repoRoot : undefined,
  });

  const line = '─'.repeat(72);
  console.log(`\n${line}`);
  console.log(`  ArchLens in VS Code ${install.info.vscodeVersion} (code-server ${install.info.codeServerVersion})`);
  console.log(`  Open:       ${server.url}`);
  console.log(`  Folder:     ${options.folder}${options.untrusted ? '  (untrusted: Restricted Mode)' : '  (trusted)'}`);
  console.log(`  Extension:  ${options.dev ? `unpacked from ${repoRoot} (reload the page after npm run build)` : 'dist/archlens.vsix, installed'}`);
  console.log(`  Logs:       ${logFile}  and  ${join(userDataDir, 'logs')}`);
  console.log('  Try:        templates/orders-api-with-mistakes.yaml, then Ctrl+Shift+M (Problems)');
  console.log(`  AWS:        ${demo ? `demo account on ${demo.endpoint} (profile "demo", sample data, not AWS); --aws uses yours` : 'your own AWS configuration (--aws)'}`);
  console.log(`  Sidebar:    the ArchLens activity bar icon: CloudFormation Stacks (log groups under each stack), Glue Data Catalog, CodeArtifact, CDK (demo/cdk-shop); cost lenses on templates/cost-estimate.yaml`);
  console.log(`  Stop:       Ctrl-C`);
  console.log(`${line}\n`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\narchlens: ${signal}, stopping code-server`);
    await server.stop();
    demo?.child.kill('SIGTERM');
    rmSync(session, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const exited = await server.exited;
  demo?.child.kill('SIGTERM');
  if (stopping) return 0;
  console.error(`archlens: code-server exited (${exited.code ?? exited.signal}); log: ${logFile}`);
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`start: ${error.message}`);
    process.exitCode = 1;
  },
);
