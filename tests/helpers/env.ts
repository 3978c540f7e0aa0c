/**
 * The environment a user's shell would give `astro`: the test runner's own variables removed,
 * since Astro and Vite change behaviour under Vitest (NODE_ENV=test, VITEST=…).
 */
export function userEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...extra })) {
    if (value === undefined || key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST' || key === 'MODE') continue;
    env[key] = value;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
}
