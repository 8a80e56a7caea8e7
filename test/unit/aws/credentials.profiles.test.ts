// Profile discovery: the line-aware INI reader, profile kinds, file:line problems, source_profile
// chains, and (end to end through the real SDK and a local STS) that a malformed file still lets
// the other profiles work.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { openSession, verifySession } from '../../../src/aws/credentials/connect';
import { remedyFor } from '../../../src/aws/credentials/credentialErrors';
import { parseIniWithLines } from '../../../src/aws/credentials/ini';
import { buildCatalog, loadProfileCatalog, sharedFilePaths, walkSourceProfiles } from '../../../src/aws/credentials/profiles';
import { orphanProblems, profilePicks } from '../../../src/aws/credentials/presentation';
import { captureLog, isolatedAwsEnv, profileConnectFailure, setEnv, startStsStub, tempAws, TEST_TUNING, type StsStub, type TempAws } from './credentialsTestKit';

const PATHS = { configFile: '/home/u/.aws/config', credentialsFile: '/home/u/.aws/credentials' };

void describe('parseIniWithLines', () => {
  void test('follows the SDK: comments, sub-sections, prefixes; reports what the SDK would ignore, with line numbers', () => {
    const text = [
      '# comment', // 1
      '[profile dev]', // 2
      'region = eu-west-1 ; trailing comment', // 3
      'sso_start_url = https://x.awsapps.com/start#frag', // 4
      's3 =', // 5
      '  max_concurrent_requests = 10', // 6
      'output = json', // 7
      'this line is junk', // 8
      '[profile broken', // 9
      '= value', // 10
      '[weird thing]', // 11
    ].join('\n');
    const ini = parseIniWithLines(text);
    assert.equal(ini.sections.length, 1);
    const dev = ini.sections[0]!;
    assert.equal(dev.prefix, 'profile');
    assert.equal(dev.name, 'dev');
    assert.deepEqual(dev.entries.get('region'), { value: 'eu-west-1', line: 3 });
    assert.equal(dev.entries.get('sso_start_url')?.value, 'https://x.awsapps.com/start#frag');
    assert.equal(dev.entries.get('s3.max_concurrent_requests')?.value, '10');
    assert.equal(dev.entries.get('output')?.value, 'json', 'an unindented line ends the sub-section');
    assert.deepEqual(
      ini.problems.map((p) => p.line),
      [8, 9, 10, 11],
    );
    assert.match(ini.problems[1]!.message, /missing "]"/);
    assert.equal(ini.problems[0]!.section, 'profile dev', 'junk is attributed to the section the SDK would put it in');
  });

  void test('rejects __proto__ as a profile name', () => {
    const ini = parseIniWithLines('[profile __proto__]\nregion = x\n');
    assert.equal(ini.sections.length, 0);
    assert.match(ini.problems[0]!.message, /invalid profile name/);
  });
});

void describe('buildCatalog', () => {
  const config = [
    '[default]',
    'region = us-east-1',
    '[profile sso-user]',
    'sso_session = corp',
    'sso_account_id = 111122223333',
    'sso_role_name = ReadOnly',
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = eu-west-1',
    '[profile tool]',
    'credential_process = /usr/bin/fetch-creds --account prod',
    '[profile admin]',
    'role_arn = arn:aws:iam::123456789012:role/Admin',
    'source_profile = base',
    'mfa_serial = arn:aws:iam::123456789012:mfa/me',
    '[profile loop-a]',
    'role_arn = arn:aws:iam::1:role/A',
    'source_profile = loop-b',
    '[profile loop-b]',
    'role_arn = arn:aws:iam::1:role/B',
    'source_profile = loop-a',
    '[profile dangling]',
    'role_arn = arn:aws:iam::1:role/C',
    'source_profile = nowhere',
    '[profile self]',
    'role_arn = arn:aws:iam::1:role/D',
    'source_profile = self',
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    '[orphan]',
    'region = x',
  ].join('\n');
  const credentials = ['[base]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '[profile nope]', 'aws_access_key_id = AKIA', '[half]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE'].join('\n');
  const catalog = buildCatalog(PATHS, config, credentials);

  void test('lists profiles from both files with their kinds and sso-session sections', () => {
    const kinds = Object.fromEntries([...catalog.profiles.values()].map((p) => [p.name, p.kind]));
    assert.deepEqual(kinds, {
      default: 'none',
      'sso-user': 'sso',
      tool: 'process',
      admin: 'role',
      'loop-a': 'role',
      'loop-b': 'role',
      dangling: 'role',
      self: 'role',
      base: 'keys',
      half: 'none',
    });
    assert.equal(catalog.ssoSessions.get('corp')?.settings.get('sso_region')?.value, 'eu-west-1');
  });

  void test('reports problems with file and line; a credentials-file [profile x] and a config-file [x] are named', () => {
    const messages = catalog.problems.map((p) => `${p.file}:${p.line} ${p.message}`);
    assert.ok(messages.includes(`${PATHS.configFile}:30 [orphan] is ignored in the config file; write [profile orphan]`), messages.join('\n'));
    assert.ok(messages.includes(`${PATHS.credentialsFile}:4 [profile nope]: the credentials file names profiles without a prefix; write [nope]`), messages.join('\n'));
    assert.ok(messages.includes(`${PATHS.credentialsFile}:7 profile half: aws_secret_access_key is missing`), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith(`${PATHS.configFile}:18 `) && m.includes('source_profile cycle: loop-a → loop-b → loop-a')), messages.join('\n'));
    assert.ok(messages.includes(`${PATHS.configFile}:24 profile dangling has source_profile = nowhere, which does not exist`), messages.join('\n'));
    assert.equal(catalog.profiles.get('admin')!.problems.length, 0);
    assert.equal(catalog.profiles.get('self')!.problems.length, 0, 'a profile may be its own source when it holds the keys (as in the SDK)');
  });

  void test('walks source_profile chains: keys end a chain; cycles and missing links are named', () => {
    assert.deepEqual(walkSourceProfiles('admin', catalog.profiles), { ok: true, chain: ['admin', 'base'], leaf: 'keys' });
    const cycle = walkSourceProfiles('loop-b', catalog.profiles);
    assert.equal(cycle.ok, false);
    assert.equal(!cycle.ok && cycle.reason, 'cycle');
    assert.deepEqual(cycle.chain, ['loop-b', 'loop-a', 'loop-b']);
    const missing = walkSourceProfiles('dangling', catalog.profiles);
    assert.equal(!missing.ok && missing.reason, 'missing');
  });

  void test('picker rows show kinds and problems, never a key or a command line', () => {
    const rows = profilePicks(catalog, {});
    assert.equal(rows[0]!.label, 'default');
    const byName = Object.fromEntries(rows.map((r) => [r.value, r]));
    assert.equal(byName.admin!.description, 'role via base (keys), MFA');
    assert.equal(byName['sso-user']!.description, 'sso · session corp · 111122223333');
    assert.equal(byName.tool!.description, 'process');
    assert.match(byName['loop-a']!.detail!, /config:18 source_profile cycle/);
    const all = JSON.stringify(rows);
    assert.ok(!all.includes('AKIAIOSFODNN7EXAMPLE') && !all.includes('fetch-creds'));
    assert.ok(orphanProblems(catalog).some((p) => p.message.includes('[orphan]')));
  });
});

void describe('loadProfileCatalog on disk', () => {
  let aws: TempAws;
  let sts: StsStub;
  let restore: () => void;

  before(async () => {
    aws = await tempAws();
    sts = await startStsStub();
    restore = setEnv(isolatedAwsEnv());
  });
  after(async () => {
    restore();
    await sts.close();
    await aws.cleanup();
  });

  void test('no ~/.aws at all: nothing found and no problems (not an error)', async () => {
    const paths = sharedFilePaths({}, join(aws.dir, 'empty-home'));
    assert.equal(paths.configFile, join(aws.dir, 'empty-home', '.aws', 'config'));
    const catalog = await loadProfileCatalog(paths);
    assert.deepEqual(catalog.found, { config: false, credentials: false });
    assert.equal(catalog.profiles.size, 0);
    assert.deepEqual(catalog.problems, []);
  });

  void test('AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE and ~/ are honoured', () => {
    const paths = sharedFilePaths({ AWS_CONFIG_FILE: '~/cfg', AWS_SHARED_CREDENTIALS_FILE: '/x/creds' }, '/home/u');
    assert.deepEqual(paths, { configFile: '/home/u/cfg', credentialsFile: '/x/creds' });
  });

  void test('a malformed config file names file and line, and the other profiles still connect', async () => {
    await aws.write(
      'config',
      ['[profile good]', `endpoint_url = ${sts.endpoint}`, 'region = eu-west-1', '[profile bad', 'region = us-west-2', 'garbage without equals', '[profile other]', 'region = ap-south-1'].join('\n'),
    );
    await aws.write('credentials', ['[good]', 'aws_access_key_id = AKIAGOODGOODGOODGOOD', 'aws_secret_access_key = good-secret'].join('\n'));
    const catalog = await loadProfileCatalog({ configFile: aws.configFile, credentialsFile: aws.credentialsFile });
    assert.deepEqual(
      catalog.problems.map((p) => `${p.file}:${p.line}`),
      [`${aws.configFile}:4`, `${aws.configFile}:6`],
    );
    // The broken header's keys land in [profile good] for the SDK too, so the problem is shown on it.
    assert.equal(catalog.profiles.get('good')!.problems.length, 2);
    assert.equal(catalog.profiles.get('other')!.problems.length, 0);

    const log = captureLog();
    const opened = openSession({ source: { kind: 'profile', profile: 'good' }, catalog, env: {}, region: 'eu-west-1', timeoutMs: 5_000, log, tuning: TEST_TUNING });
    try {
      const identity = await verifySession(opened);
      assert.equal(identity.account, '123456789012');
      assert.equal(sts.requests.at(-1)?.accessKeyId, 'AKIAGOODGOODGOODGOOD');
    } finally {
      opened.session.dispose();
    }
  });

  void test('a missing source_profile fails before the SDK runs, naming file and line', async () => {
    await aws.write('config', ['[profile r]', 'role_arn = arn:aws:iam::1:role/R', 'source_profile = ghost', `endpoint_url = ${sts.endpoint}`].join('\n'));
    await aws.write('credentials', '');
    const catalog = await loadProfileCatalog({ configFile: aws.configFile, credentialsFile: aws.credentialsFile });
    const before = sts.requests.length;
    const error = await profileConnectFailure(catalog, 'r');
    assert.equal(error.code, 'NoCredentials');
    assert.equal(error.message, `profile r has source_profile = ghost, which does not exist (${aws.configFile}:3)`);
    assert.deepEqual(remedyFor(error), { kind: 'openFile', file: aws.configFile, line: 3 });
    assert.equal(sts.requests.length, before, 'nothing was sent');
  });

  void test('a source_profile cycle fails before the SDK runs, pointing at the link that closes it', async () => {
    await aws.write(
      'config',
      ['[profile a]', 'role_arn = arn:aws:iam::1:role/A', 'source_profile = b', `endpoint_url = ${sts.endpoint}`, '[profile b]', 'role_arn = arn:aws:iam::1:role/B', 'source_profile = a'].join('\n'),
    );
    const catalog = await loadProfileCatalog({ configFile: aws.configFile, credentialsFile: aws.credentialsFile });
    const sent = sts.requests.length;
    const error = await profileConnectFailure(catalog, 'a');
    assert.equal(error.code, 'NoCredentials');
    assert.equal(error.message, `profile a: source_profile cycle: a → b → a (${aws.configFile}:7)`);
    assert.deepEqual(remedyFor(error), { kind: 'openFile', file: aws.configFile, line: 7 });
    assert.equal(sts.requests.length, sent, 'nothing was sent');
  });
});
