import type { LocatedNode } from '../document/located';
import { asIntrinsic } from '../cfn/intrinsics';

/** `Ref: AWS::NoValue`: the property is removed at deploy time. */
export function isNoValue(node: LocatedNode): boolean {
  const call = asIntrinsic(node);
  return call?.name === 'Ref' && call.argument.kind === 'scalar' && call.argument.text === 'AWS::NoValue';
}
