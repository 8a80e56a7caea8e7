// Which Events folders the stacks view polls: a node counts as open only while it and every
// ancestor are expanded (VS Code sends no event for a folder hidden by collapsing its stack).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExpandedNodes } from '../../../src/views/expandedNodes';
import type { ViewNode } from '../../../src/views/viewNode';

function node(id: string): ViewNode {
  return { id, item: () => ({ label: id, collapsible: 'collapsed' }) };
}

/** parent stack > Nested stacks > child stack > Events, as the tree adapter records parents. */
function tree(): { parents: Map<ViewNode, ViewNode>; stack: ViewNode; nested: ViewNode; child: ViewNode; events: ViewNode } {
  const stack = node('stacks/parent');
  const nested = node('stacks/parent/nested');
  const child = node('stacks/parent/nested/stacks/child');
  const events = node('stacks/parent/nested/stacks/child/events');
  const parents = new Map<ViewNode, ViewNode>([
    [nested, stack],
    [child, nested],
    [events, child],
  ]);
  return { parents, stack, nested, child, events };
}

describe('ExpandedNodes', () => {
  it('a node is open only while it and every ancestor are expanded', () => {
    const t = tree();
    const expanded = new ExpandedNodes((n) => t.parents.get(n));
    assert.equal(expanded.isOpen(t.events), false);
    for (const n of [t.stack, t.nested, t.child, t.events]) expanded.expand(n);
    assert.equal(expanded.isOpen(t.events), true);
    // Collapsing the top stack hides the folder; VS Code remembers the folder as expanded.
    expanded.collapse(t.stack);
    assert.equal(expanded.isOpen(t.events), false);
    assert.equal(expanded.isOpen(t.stack), false);
    // Opening the stack again shows the folder, with no event for the folder itself.
    expanded.expand(t.stack);
    assert.equal(expanded.isOpen(t.events), true);
    expanded.collapse(t.events);
    assert.equal(expanded.isOpen(t.events), false);
    assert.equal(expanded.isOpen(t.child), true);
  });

  it('follows ids, so a refresh that rebuilds the nodes keeps what VS Code keeps expanded', () => {
    const before = tree();
    const expanded = new ExpandedNodes((n) => before.parents.get(n) ?? after.parents.get(n));
    const after = tree();
    for (const n of [before.stack, before.nested, before.child]) expanded.expand(n);
    // After the refresh the user expands the new Events folder: its rebuilt ancestors count.
    expanded.expand(after.events);
    assert.equal(expanded.isOpen(after.events), true);
  });

  it('treats a cycle in the parents as closed instead of looping', () => {
    const a = node('a');
    const b = node('b');
    const parents = new Map<ViewNode, ViewNode>([
      [a, b],
      [b, a],
    ]);
    const expanded = new ExpandedNodes((n) => parents.get(n));
    expanded.expand(a);
    expanded.expand(b);
    assert.equal(expanded.isOpen(a), false);
  });
});
