/**
 * `npm start`: builds the app when the build is missing or older than its sources, then
 * starts the server (which migrates and seeds). Zero configuration needed.
 */
import { readConfigOrExit } from "./bootstrap";
import { buildIfNeeded } from "./build-if-needed";

// Fail on bad configuration before spending time on a build.
readConfigOrExit();
try {
  buildIfNeeded();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
await import("./server");
