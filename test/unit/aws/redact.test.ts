// redactSecrets: planted fake credentials in every shape we log must never survive.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REDACTED, redactSecrets } from '../../../src/aws/redact';

// All fake: documented AWS example values or made-up strings of the right shape.
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const TEMP_ACCESS_KEY = 'ASIAQWERTYUIOPASDFGH';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDfakefakefake+fake/FAKE==';
const OLD_SESSION_TOKEN = 'FwoGZXIvYXdzEBYaDFAKEFAKEFAKEFAKEFAKEFAKEFAKE';
const PASSWORD = 'hunter2-correct-horse';
const API_TOKEN = 'ghp_fakeFAKEfake0123456789';

const PLANTED = [ACCESS_KEY, TEMP_ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, OLD_SESSION_TOKEN, PASSWORD, API_TOKEN];

const SAMPLES: Record<string, string> = {
  'credentials file': `[default]\naws_access_key_id = ${ACCESS_KEY}\naws_secret_access_key = ${SECRET_KEY}\naws_session_token = ${SESSION_TOKEN}\n`,
  'env vars': `AWS_ACCESS_KEY_ID=${TEMP_ACCESS_KEY} AWS_SECRET_ACCESS_KEY=${SECRET_KEY} AWS_SESSION_TOKEN=${OLD_SESSION_TOKEN} DB_PASSWORD=${PASSWORD} GITHUB_TOKEN="${API_TOKEN}"`,
  'credential_process JSON': JSON.stringify({ Version: 1, AccessKeyId: TEMP_ACCESS_KEY, SecretAccessKey: SECRET_KEY, SessionToken: SESSION_TOKEN, Expiration: '2026-01-01T00:00:00Z' }),
  'pretty JSON': JSON.stringify({ credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, sessionToken: SESSION_TOKEN }, password: PASSWORD }, null, 2),
  'STS XML': `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>${TEMP_ACCESS_KEY}</AccessKeyId><SecretAccessKey>${SECRET_KEY}</SecretAccessKey><SessionToken>${SESSION_TOKEN}</SessionToken></Credentials></AssumeRoleResult></AssumeRoleResponse>`,
  'HTTP headers': `Authorization: AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20260101/us-east-1/logs/aws4_request\nX-Amz-Security-Token: ${SESSION_TOKEN}`,
  'prose': `the secret key is ${SECRET_KEY} and the token ${SESSION_TOKEN}; key ${ACCESS_KEY}.`,
  'query string': `https://example.com/?X-Amz-Credential=${ACCESS_KEY}%2F20260101&X-Amz-Security-Token=${encodeURIComponent(SESSION_TOKEN)}`,
  'lowercase key': `db_password: '${PASSWORD}'`,
  'short secret names': `API_KEY=${API_TOKEN} DB_PASS=${PASSWORD} SMTP_PWD='${PASSWORD}' x-api-key: ${API_TOKEN}`,
  'camel-case names': JSON.stringify({ apiKey: API_TOKEN, privateKey: PASSWORD, dbPassword: PASSWORD }),
  'connection URL': `connect ECONNREFUSED postgres://admin:${PASSWORD}@db.internal:5432/orders and mongodb+srv://app:${API_TOKEN}@cluster0.example.net/`,
  'ADO connection string': `Server=db;Database=orders;User Id=app;Password=${PASSWORD};Encrypt=true`,
};

void describe('redactSecrets', () => {
  for (const [name, sample] of Object.entries(SAMPLES)) {
    void test(`no planted secret survives: ${name}`, () => {
      const out = redactSecrets(sample);
      for (const secret of PLANTED) {
        assert.ok(!out.includes(secret), `${name}: ${secret} survived in ${out}`);
        assert.ok(!out.includes(encodeURIComponent(secret)), `${name}: encoded ${secret} survived in ${out}`);
      }
      assert.ok(out.includes(REDACTED));
    });
  }

  void test('no planted secret survives when everything is in one log line', () => {
    const out = redactSecrets(Object.values(SAMPLES).join(' | '));
    for (const secret of PLANTED) assert.ok(!out.includes(secret), secret);
  });

  void test('keeps the access key prefix and the surrounding structure', () => {
    assert.equal(redactSecrets(`key ${ACCESS_KEY} used`), `key AKIA${REDACTED} used`);
    assert.equal(redactSecrets(`DB_PASSWORD=${PASSWORD} next`), `DB_PASSWORD=${REDACTED} next`);
    assert.deepEqual(JSON.parse(redactSecrets(JSON.stringify({ SecretAccessKey: SECRET_KEY, Region: 'us-east-1' }))), { SecretAccessKey: REDACTED, Region: 'us-east-1' });
  });

  void test('leaves ordinary log text alone', () => {
    const ordinary = [
      'INFO processed order=42 requestId=req-0042 group=/aws/lambda/orders-fn',
      'commit 3f786850e387550fdab836ed7e6dc881de23001b deployed', // 40 hex chars, no "secret" nearby
      'arn:aws:iam::123456789012:user/archlens-test AIDAEXAMPLEUSERID0001',
      'CloudWatchLogs DescribeLogGroups: Rate exceeded',
      'AKIA is a prefix; AKIASHORT is not a key',
      'x-amazon-apigateway-integration passthroughBehavior=WHEN_NO_MATCH keyName=my-key-pair author=jane',
      'endpoint http://127.0.0.1:4566/ and https://logs.us-east-1.amazonaws.com:443/path',
    ];
    for (const line of ordinary) assert.equal(redactSecrets(line), line);
  });

  void test('masks only the password of a connection URL', () => {
    assert.equal(redactSecrets(`postgres://admin:${PASSWORD}@db:5432/x`), `postgres://admin:${REDACTED}@db:5432/x`);
  });

  void test('is idempotent', () => {
    const once = redactSecrets(Object.values(SAMPLES).join('\n'));
    assert.equal(redactSecrets(once), once);
  });
});
