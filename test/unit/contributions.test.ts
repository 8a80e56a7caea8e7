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
    configuration: { properties: Record<string, { scope?: string; default?: unknown; description?: string; markdownDescription?: string }> };
    viewsWelcome: { view: string; contents: string }[];
  };
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const extensionCode = sources(join(root, 'src', 'extension'))
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
});
