// What a tree command acts on. From a tree with `canSelectMany`, VS Code calls a context-menu
// command with `(clickedNode, selectedNodes)` when the clicked node is part of a multi-selection,
// and with `(clickedNode)` otherwise; an inline button passes its own node only; the palette and
// keybindings pass nothing (the command then falls back to the view's selection, when it has
// one). Pure, so the rule is unit-tested once for every command.

/** A class a target can be an instance of. */
export type NodeKind<T = unknown> = abstract new (...args: never[]) => T;

/**
 * The targets of one invocation, in selection order and without repeats: the multi-selection
 * when the clicked node is in it, else the clicked node, else `selection()`.
 */
export function commandTargets(args: readonly unknown[], selection: () => readonly unknown[] = () => []): unknown[] {
  const [first, second] = args;
  if (first !== undefined && Array.isArray(second) && second.includes(first)) return [...new Set<unknown>(second)];
  if (first !== undefined) return [first];
  return [...new Set(selection())];
}

/** The targets that are instances of one of `kinds`, in order. */
export function targetsOfKind<K extends NodeKind[]>(targets: readonly unknown[], ...kinds: K): InstanceType<K[number]>[] {
  return targets.filter((t): t is InstanceType<K[number]> => kinds.some((kind) => t instanceof kind));
}

/**
 * The target of a command that acts on one node: the clicked node when it is of `kinds` (in a
 * multi-selection it need not be the first one selected), else the first target of `kinds`.
 */
export function oneTarget<K extends NodeKind[]>(args: readonly unknown[], targets: readonly unknown[], ...kinds: K): InstanceType<K[number]> | undefined {
  return targetsOfKind([args[0], ...targets], ...kinds)[0];
}
