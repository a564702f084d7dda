/**
 * `npm start`: builds the app when the build is missing or older than its sources, then
 * starts the server (which migrates and seeds). Zero configuration needed.
 *
 * `WEB_PROCESSES=N npm start` (PostgreSQL only) runs N server processes sharing one port
 * (Node's cluster: the first process hands connections to the others in turn), each with its
 * own connection pool; a process that dies is replaced. Migration, seeding and housekeeping
 * happen once across them (db/client.ts, app/utils/exclusive.server.ts). docs/scaling.md.
 */
import cluster from "node:cluster";
import { readConfigOrExit } from "./bootstrap";
import { buildIfNeeded } from "./build-if-needed";

const MAX_PROCESSES = 64;

/** WEB_PROCESSES as a count, or an explanation of why it cannot be used. */
function webProcesses(value: string | undefined, driver: "pglite" | "postgres"): number | string {
  const raw = value?.trim() || "1";
  const count = Number(raw);
  if (!/^\d+$/.test(raw) || count < 1 || count > MAX_PROCESSES) return `WEB_PROCESSES must be a whole number from 1 to ${MAX_PROCESSES}, not ${value}`;
  if (count > 1 && driver === "pglite") {
    return (
      "WEB_PROCESSES > 1 needs PostgreSQL: the embedded database (PGlite) lives inside one process. " +
      "Set DATABASE_URL=postgres://… or start one process (WEB_PROCESSES=1)."
    );
  }
  return count;
}

if (cluster.isPrimary) {
  // Fail on bad configuration before spending time on a build.
  const config = readConfigOrExit();
  const processes = webProcesses(process.env.WEB_PROCESSES, config.database.driver);
  if (typeof processes === "string") {
    console.error(processes);
    process.exit(1);
  }
  try {
    buildIfNeeded();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (processes === 1) {
    await import("./server");
  } else {
    let stopping = false;
    const fork = () => cluster.fork();
    for (let i = 0; i < processes; i++) fork();
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      console.error(`web process ${worker.process.pid} ended (${signal ?? `code ${code}`}): starting another`);
      // A process that cannot start at all (bad port, database down) must not be restarted in a tight loop.
      setTimeout(fork, 1_000);
    });
    const stop = () => {
      if (stopping) return;
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), 12_000).unref();
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  }
} else {
  await import("./server");
}
