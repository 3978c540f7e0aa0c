/**
 * The environment a user's shell would give `astro`: the test runner's own variables removed,
 * since Astro and Vite change behaviour under Vitest (NODE_ENV=test, VITEST=…). Vitest also sets
 * Vite's BASE_URL, DEV, PROD and SSR, and Astro reads `import.meta.env.BASE_URL` from the
 * environment before `--base`: left in, a build under `/briefs/` would link to `/`.
 */
const VITE_VARIABLES = new Set(['MODE', 'BASE_URL', 'DEV', 'PROD', 'SSR']);

export function userEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...extra })) {
    if (value === undefined || key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'TEST' || VITE_VARIABLES.has(key)) continue;
    env[key] = value;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
}
