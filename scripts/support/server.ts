/**
 * Starts the real server (scripts/server.ts) on a free port, for tests and benchmarks that
 * need a socket. Shared support code (scripts/support): imports nothing from tests/.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { childEnv } from "./child-env";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

interface StartOptions {
  /** Another server script (the benchmark's bare baseline); default scripts/server.ts. */
  script?: string;
  /** Extra Node options before the script (the benchmark's --cpu-prof). */
  nodeArgs?: string[];
}

export async function startServer(env: Record<string, string>, options: StartOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const script = path.resolve(options.script ?? "scripts/server.ts");
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", script], {
    env: childEnv({ PORT: String(port), HOST: "127.0.0.1", ...env }),
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!(await answers(`${baseUrl}/healthz`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start: ${stderr || stdout}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    process: child,
    output: () => ({ stdout, stderr }),
    stop: () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}
