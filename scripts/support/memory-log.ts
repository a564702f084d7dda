import { Writable } from "node:stream";

/**
 * A pino destination that keeps every line, so tests can read what would have been logged.
 * Shared support code (scripts/support): the in-process app (app.ts) logs into it.
 */
export class MemoryLog extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    this.lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  }

  get entries(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  get text(): string {
    return this.lines.join("\n");
  }
}
