// IAM Identity Center (SSO) through the SDK's fromIni/fromSSO with a temp HOME (the token cache
// lives in ~/.aws/sso/cache): an expired token or a missing / corrupt cache file is a re-login
// prompt ("aws sso login --profile x"), never a generic failure. No network: every case fails
// before the SDK would call the SSO portal.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { remedyFor } from '../../../src/aws/credentials/credentialErrors';
import { loadProfileCatalog } from '../../../src/aws/credentials/profiles';
import { isolatedAwsEnv, profileConnectFailure, setEnv, tempAws, type TempAws } from './credentialsTestKit';

const LEGACY_URL = 'https://legacy.awsapps.com/start';
const CORRUPT_URL = 'https://corrupt.awsapps.com/start';
const past = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

void describe('SSO sessions (real SDK fromSSO, temp token cache)', () => {
  let aws: TempAws;
  let restore: () => void;

  before(async () => {
    aws = await tempAws();
    const cache = join(aws.dir, '.aws', 'sso', 'cache');
    await mkdir(cache, { recursive: true });
    const legacy = (name: string, url: string): string[] => [`[profile ${name}]`, `sso_start_url = ${url}`, 'sso_region = us-east-1', 'sso_account_id = 111122223333', 'sso_role_name = ReadOnly'];
    await aws.write(
      'config',
      [
        ...legacy('legacy-expired', LEGACY_URL),
        ...legacy('legacy-corrupt', CORRUPT_URL),
        '[profile corp-expired]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = ReadOnly',
        '[profile never-logged-in]',
        'sso_session = fresh',
        'sso_account_id = 111122223333',
        'sso_role_name = ReadOnly',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = eu-west-1',
        '[sso-session fresh]',
        'sso_start_url = https://fresh.awsapps.com/start',
        'sso_region = eu-west-1',
      ].join('\n'),
    );
    await writeFile(join(cache, `${sha1(LEGACY_URL)}.json`), JSON.stringify({ accessToken: 'legacy-token', expiresAt: past, region: 'us-east-1', startUrl: LEGACY_URL }));
    await writeFile(join(cache, `${sha1(CORRUPT_URL)}.json`), '{"accessToken": "half-writ');
    await writeFile(join(cache, `${sha1('corp')}.json`), JSON.stringify({ accessToken: 'corp-token', expiresAt: past, region: 'eu-west-1', startUrl: 'https://corp.awsapps.com/start' }));
    // fromSSO reads the config file from AWS_CONFIG_FILE (fromIni does not pass its path on).
    restore = setEnv(isolatedAwsEnv({ HOME: aws.dir, USERPROFILE: aws.dir, AWS_CONFIG_FILE: aws.configFile, AWS_SHARED_CREDENTIALS_FILE: aws.credentialsFile }));
  });

  after(async () => {
    restore();
    await aws.cleanup();
  });

  const cases = [
    { profile: 'legacy-expired', why: /session has expired/ },
    { profile: 'legacy-corrupt', why: /no usable cached token/ },
    { profile: 'corp-expired', why: /session has expired/ },
    { profile: 'never-logged-in', why: /no usable cached token/ },
  ];
  for (const c of cases) {
    void test(`${c.profile}: a re-login prompt naming the profile`, async () => {
      const catalog = await loadProfileCatalog({ configFile: aws.configFile, credentialsFile: aws.credentialsFile });
      assert.equal(catalog.profiles.get(c.profile)?.kind, 'sso');
      const error = await profileConnectFailure(catalog, c.profile);
      assert.equal(error.code, 'ExpiredToken');
      assert.match(error.message, c.why);
      assert.ok(error.message.includes(`Run \`aws sso login --profile ${c.profile}\`, then reconnect.`), error.message);
      assert.deepEqual(remedyFor(error), { kind: 'ssoLogin', command: `aws sso login --profile ${c.profile}` });
      assert.ok(!error.message.includes('-token'), 'the cached token is never shown');
    });
  }
});
