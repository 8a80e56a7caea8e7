// Masks credentials in text before it is logged (architecture practice 5: never log request or
// response bodies unredacted). Deliberately over-eager: a masked pagination token in a log line
// costs nothing, a leaked secret key costs an incident.

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

const KEY_CHARS = '[A-Za-z0-9_.-]';
/**
 * A secret-ish key name: contains secret, token, password/passwd/passphrase, credential, an API,
 * private or access key, or ends in a short secret word (`DB_PASS`, `API_KEY`, `SMTP_PWD`,
 * `x-auth`). The short words only count as the last segment, so `passthroughBehavior`,
 * `keyName` or `author` stay readable.
 */
const SECRET_KEY =
  `(?:${KEY_CHARS}*(?:secret|token|passw(?:or)?d|passphrase|credential|api[_.-]?key|private[_.-]?key|access[_.-]?key)${KEY_CHARS}*` +
  `|(?:[A-Za-z0-9]+[_.-])*(?:pass|pwd|key|auth))(?!${KEY_CHARS})`;

const RULES: readonly { readonly pattern: RegExp; readonly replace: (...groups: string[]) => string }[] = [
  // Session tokens issued by STS are long base64 strings with a recognisable head.
  { pattern: /(?:IQoJb3JpZ2luX2V|FwoGZXIvYXdzE)[A-Za-z0-9/+=%]{20,}/g, replace: () => REDACTED },
  // XML elements of credential responses: <SecretAccessKey>, <SessionToken>, <Token>, ...
  {
    pattern: /(<((?:[A-Za-z0-9_]*:)?[A-Za-z0-9_]*(?:Secret|Token|Password)[A-Za-z0-9_]*)>)([^<]*)(<\/\2>)/gi,
    replace: (_m, open, _name, _value, close) => `${open}${REDACTED}${close}`,
  },
  // JSON members: "SecretAccessKey": "...", "sessionToken": "...", "password": "..."
  {
    pattern: new RegExp(`("${SECRET_KEY}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'),
    replace: (_m, head) => `${head}"${REDACTED}"`,
  },
  // Env-var / ini / header style: AWS_SECRET_ACCESS_KEY=..., aws_session_token = ..., X-Amz-Security-Token: ...
  {
    pattern: new RegExp(`(\\b${SECRET_KEY}[ \\t]*[=:][ \\t]*)("[^"\\n]*"|'[^'\\n]*'|[^\\s"'&;,]+)`, 'gi'),
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  // Passwords in connection strings and URLs: postgres://user:secret@host, mongodb+srv://u:p@h.
  {
    pattern: /(\b[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s:/@]{1,256}:)([^\s@/]{1,512})(@)/g,
    replace: (_m, head, _password, at) => `${head}${REDACTED}${at}`,
  },
  // Semicolon-separated connection strings (ADO.NET, JDBC properties): Password=...; Pwd=...
  {
    pattern: /(\b(?:password|pwd|passwd)[ \t]*=[ \t]*)([^;\s]+)/gi,
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  // A 40-character secret-access-key-looking string shortly after the word "secret".
  {
    pattern: /(secret[^\n]{0,40}?)(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/gi,
    replace: (_m, head) => `${head}${REDACTED}`,
  },
  // SigV4 signatures (Authorization header, presigned URLs): replayable for a few minutes.
  { pattern: /\b((?:X-Amz-)?Signature[ \t]*[=:][ \t]*)[0-9a-f]+\b/gi, replace: (_m, head) => `${head}${REDACTED}` },
  // Access key ids: long-term (AKIA) and temporary (ASIA).
  { pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: (_m, prefix) => `${prefix}${REDACTED}` },
];

/** Returns `text` with AWS access key ids, secret keys, session tokens and secret-named values masked. */
export function redactSecrets(text: string): string {
  let result = text;
  for (const rule of RULES) {
    // Every capture group a rule reads always participates in its match, so the leading
    // replacer arguments are strings.
    result = result.replace(rule.pattern, rule.replace);
  }
  return result;
}
