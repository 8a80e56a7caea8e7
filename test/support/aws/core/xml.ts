// XML pieces for awsQuery answers (CloudFormation, STS): escaped elements and `<member>` lists.

export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `<Name>value</Name>`, or nothing when the value is undefined. */
export function el(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${esc(String(value))}</${name}>`;
}

/** `<Name><member>...</member>...</Name>`; items are XML already. */
export function members(name: string, items: readonly string[]): string {
  return `<${name}>${items.map((item) => `<member>${item}</member>`).join('')}</${name}>`;
}

/** The values of a form-encoded `Name.member.N` list, in order (stops at the first gap, like AWS). */
export function queryList(params: Readonly<Record<string, string>>, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; Object.hasOwn(params, `${name}.member.${i}`); i++) out.push(params[`${name}.member.${i}`]!);
  return out;
}
