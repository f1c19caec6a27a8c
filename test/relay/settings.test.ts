// The relay's settings as others depend on them (issue: "Names others depend on"), and the target
// check as it runs by default: https on Zapier's hook host only, loopback refused.
import { settingsFromEnv } from '../../relay/settings';
import { targetProblem } from '../../relay/subscriptions/targets';

/** settingsFromEnv() over exactly these variables, the test process's own set aside. */
function settingsWith(env: Record<string, string>) {
  const saved = process.env;
  process.env = { ...env };
  try {
    return settingsFromEnv();
  } finally {
    process.env = saved;
  }
}

describe('relay settings', () => {
  it('defaults from an empty environment', () => {
    expect(settingsWith({})).toMatchObject({
      port: 8790,
      dataDir: '.relay-data',
      databaseUrl: undefined,
      targetHosts: ['hooks.zapier.com'],
      allowLoopbackTargets: false,
      highlevelApiBaseUrl: 'https://services.leadconnectorhq.com',
      logLevel: 'info',
    });
  });

  it('reads the names others depend on', () => {
    const settings = settingsWith({
      RELAY_PORT: '9000',
      RELAY_DATA_DIR: '/var/lib/relay',
      RELAY_DATABASE_URL: 'postgres://relay@db/relay',
      RELAY_TARGET_HOSTS: ' Hooks.Zapier.com , hooks.example.com,',
      RELAY_ALLOW_LOOPBACK_TARGETS: '1',
      HIGHLEVEL_API_BASE_URL: 'https://highlevel.example.com/',
    });
    expect(settings).toMatchObject({
      port: 9000,
      dataDir: '/var/lib/relay',
      databaseUrl: 'postgres://relay@db/relay',
      targetHosts: ['hooks.zapier.com', 'hooks.example.com'],
      allowLoopbackTargets: true,
      highlevelApiBaseUrl: 'https://highlevel.example.com',
    });
  });

  it('allows loopback targets for RELAY_ALLOW_LOOPBACK_TARGETS=1 only', () => {
    for (const value of ['true', 'yes', '0', '']) {
      expect(settingsWith({ RELAY_ALLOW_LOOPBACK_TARGETS: value }).allowLoopbackTargets).toBe(
        false,
      );
    }
  });
});

describe('subscription targets, by default', () => {
  const defaults = settingsWith({});

  it('accepts https on Zapier’s hook host', () => {
    expect(targetProblem('https://hooks.zapier.com/hooks/standard/1/abc/', defaults)).toBe(
      undefined,
    );
  });

  it.each([
    'http://127.0.0.1:8080/hook',
    'https://127.0.0.1/hook',
    'http://localhost:8080/hook',
    'https://localhost/hook',
    'http://[::1]:8080/hook',
  ])('refuses the loopback target %s', (targetUrl) => {
    expect(targetProblem(targetUrl, defaults)).toEqual(expect.any(String));
  });

  it('refuses another host, plain http, another port and credentials', () => {
    for (const targetUrl of [
      'https://hooks.example.com/hook',
      'http://hooks.zapier.com/hooks/standard/1/abc/',
      'https://hooks.zapier.com:8443/hooks/standard/1/abc/',
      'https://user:secret@hooks.zapier.com/hooks/standard/1/abc/',
      'hooks.zapier.com/hooks/standard/1/abc/',
    ]) {
      expect(targetProblem(targetUrl, defaults)).toEqual(expect.any(String));
    }
  });

  it('accepts loopback only once allowed (development)', () => {
    const development = { ...defaults, allowLoopbackTargets: true };
    expect(targetProblem('http://127.0.0.1:8080/hook', development)).toBe(undefined);
    expect(targetProblem('http://localhost:8080/hook', development)).toBe(undefined);
    expect(targetProblem('ftp://127.0.0.1/hook', development)).toEqual(expect.any(String));
  });
});
