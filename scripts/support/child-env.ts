/**
 * The environment of a process a test or a benchmark spawns (the server, a command): a clean
 * production environment plus the clock shift of `npm run test:later`, so the child runs on
 * the same shifted clock as the test that checks it. Shared support code (scripts/support):
 * imports nothing from tests/.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" };
  for (const name of ["NODE_OPTIONS", "TEST_CLOCK_SHIFT_DAYS"] as const) {
    if (process.env[name]) env[name] = process.env[name];
  }
  return { ...env, ...extra };
}
