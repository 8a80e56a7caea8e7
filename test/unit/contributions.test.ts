// package.json contributions stay in step with the code: every contributed command is
// registered by the extension, every menu entry names a contributed command, every
// `viewItem == archlens:<kind>` refers to a context value of src/views/contextValues.ts, and every
// setting has a scope, a default and a description.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONTEXT } from '../../src/views/contextValues';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { type?: string; scope?: string; default?: unknown; description?: string; markdownDescription?: string; pattern?: string; format?: string }> };
    viewsWelcome: { view: string; when?: string; contents: string }[];
  };
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

// Command ids are literals in src/extension, or in a view's command table (`export const
// CDK_COMMANDS = {...}`) that src/extension registers: view logic names the commands its tree
// items run, and is vscode-free.
const extensionCode = [
  ...sources(join(root, 'src', 'extension')),
  ...sources(join(root, 'src', 'views')).filter((file) => /export const [A-Z_]*COMMANDS\b/.test(readFileSync(file, 'utf8'))),
]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('package.json contributions', () => {
  it('every contributed command is registered by the extension, under the ArchLens category', () => {
    const commands = pkg.contributes.commands;
    assert.ok(commands.length > 20);
    for (const { command, category } of commands) {
      assert.ok(extensionCode.includes(`'${command}'`), `${command} is contributed but never registered in src/extension`);
      assert.equal(category, 'ArchLens', `${command} has category ${category}`);
    }
  });

  it('every menu entry names a contributed command; viewItem values are known context values', () => {
    const ids = new Set(pkg.contributes.commands.map((c) => c.command));
    const known = new Set<string>(Object.values(CONTEXT));
    let checked = 0;
    for (const [menu, entries] of Object.entries(pkg.contributes.menus)) {
      for (const entry of entries) {
        assert.ok(ids.has(entry.command), `${menu}: ${entry.command} is not a contributed command`);
        for (const [, value] of (entry.when ?? '').matchAll(/viewItem == (archlens:[A-Za-z]+)/g)) {
          assert.ok(known.has(value!), `${menu}: ${entry.command} targets unknown context value ${value}`);
          checked += 1;
        }
        // Regex forms (`viewItem =~ /^archlens:stack(Live)?$/`) must match at least one context value.
        for (const [, pattern] of (entry.when ?? '').matchAll(/viewItem =~ \/(.+?)\/(?:\s|$)/g)) {
          const re = new RegExp(pattern!);
          assert.ok([...known].some((v) => re.test(v)), `${menu}: ${entry.command}'s pattern ${pattern} matches no context value`);
          checked += 1;
        }
      }
    }
    assert.ok(checked > 10, `only ${checked} viewItem conditions checked`);
  });

  it('every setting has a scope, a default and a description; keys are archlens.<area>.<name>', () => {
    for (const [key, setting] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.match(key, /^archlens\.[a-z]+\.[A-Za-z]+$/, key);
      assert.ok(setting.scope, `${key} has no scope`);
      assert.ok('default' in setting, `${key} has no default`);
      assert.ok(setting.description ?? setting.markdownDescription, `${key} has no description`);
    }
  });

  it('welcome views only link to contributed commands', () => {
    const ids = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const view of pkg.contributes.viewsWelcome) {
      for (const [, command] of view.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(ids.has(command!), `welcome content links to ${command}`);
    }
  });

  it('every default is valid against its own schema: the Settings page shows no error on an untouched setting', () => {
    for (const [key, setting] of Object.entries(pkg.contributes.configuration.properties)) {
      if (typeof setting.default !== 'string') continue;
      // VS Code flags "URI expected" on an empty string with `format: uri`.
      if (setting.format === 'uri') assert.notEqual(setting.default, '', `${key}: an empty default with "format": "uri" shows "URI expected"`);
      if (setting.pattern !== undefined) assert.match(setting.default, new RegExp(setting.pattern), `${key}: the default does not match its pattern`);
    }
    const endpoint = pkg.contributes.configuration.properties['archlens.aws.endpointUrl']!;
    const pattern = new RegExp(endpoint.pattern!);
    for (const ok of ['', 'http://localhost:4566', 'https://cloudformation.eu-west-1.amazonaws.com']) assert.match(ok, pattern);
    for (const bad of ['localhost:4566', 'ftp://host', 'http://', ' http://x']) assert.doesNotMatch(bad, pattern);
  });

  it('Refresh on a node is the generic tree command, on every refreshable node kind', () => {
    const menu = pkg.contributes.menus['view/item/context']!;
    assert.ok(!JSON.stringify(pkg.contributes).includes('archlens.stacks.refreshNode'), 'the stacks-only id is gone');
    const refresh = menu.filter((e) => e.command === 'archlens.tree.refreshNode');
    assert.equal(refresh.length, 1);
    for (const kind of [CONTEXT.stackFolder, CONTEXT.logGroupFolder, CONTEXT.logGroup, CONTEXT.codeArtifactDomain, CONTEXT.codeArtifactRepository]) {
      const [, pattern] = /viewItem =~ \/(.+?)\//.exec(refresh[0]!.when ?? '') ?? [];
      assert.ok(pattern && new RegExp(pattern).test(kind), `Refresh is offered on ${kind}`);
    }
  });

  it('Open in AWS Console is hidden behind a custom endpoint; Detect Drift and Open Deployed Template are in the palette', () => {
    const console = pkg.contributes.menus['view/item/context']!.filter((e) => e.command === 'archlens.stacks.openInConsole');
    assert.ok(console.length >= 2);
    for (const entry of console) assert.match(entry.when ?? '', /&& !archlens\.aws\.customEndpoint/);
    const palette = pkg.contributes.menus.commandPalette!;
    for (const command of ['archlens.stacks.detectDrift', 'archlens.stacks.openTemplate']) {
      assert.ok(!palette.some((e) => e.command === command && e.when === 'false'), `${command} is hidden from the palette`);
    }
  });

  it('the stacks view explains each connection state, and tells an empty region from filters that match nothing', () => {
    const welcome = pkg.contributes.viewsWelcome.filter((w) => w.view === 'archlens.stacks');
    for (const state of ['noCredentials', 'noProfileSelected', 'connecting', 'error']) {
      assert.equal(welcome.filter((w) => w.when === `archlens.aws.state == ${state}`).length, 1, `one welcome text for ${state}`);
    }
    const noProfile = welcome.find((w) => w.when === 'archlens.aws.state == noProfileSelected')!;
    assert.match(noProfile.contents, /No AWS profile is selected/);
    assert.match(noProfile.contents, /\(command:archlens\.aws\.selectProfile\)/);
    const empty = welcome.find((w) => w.when === 'archlens.aws.state == ready && archlens.stacks.empty && !archlens.stacks.filtered')!;
    assert.match(empty.contents, /no CloudFormation stacks in this region/);
    assert.match(empty.contents, /command:archlens\.aws\.selectRegion/);
    assert.doesNotMatch(empty.contents, /clearFilters/, 'no Clear Filters when no filter is set');
    const filtered = welcome.find((w) => w.when === 'archlens.aws.state == ready && archlens.stacks.empty && archlens.stacks.filtered')!;
    assert.match(filtered.contents, /match the filters/);
    assert.match(filtered.contents, /command:archlens\.stacks\.clearFilters/);
  });
});
