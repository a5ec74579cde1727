// Helpers for the hosting journeys: extra static hosts, started and stopped by a test.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, "..", "..");

/** A static host started by a test: its origin (`http://127.0.0.1:PORT`) and how to stop it. */
export interface Host {
  origin: string;
  kill(): void;
}

/**
 * A static host serving a folder, like tests/static-server.mjs does for the main site, on a free port the system
 * picks: tests running side by side (two workers, or two checkouts on one machine) never compete for a port.
 */
export async function startHost(folder: string, env: Record<string, string> = {}): Promise<Host> {
  const child = spawn(process.execPath, [join(here, "..", "static-server.mjs"), folder, "0"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (line: Buffer) => {
      const served = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(line.toString());
      if (served) resolve(served[1]);
      else reject(new Error(`the static host said neither its port nor why: ${line}`));
    });
    child.once("exit", (code) => reject(new Error(`static host exited with ${code}`)));
  });
  return { origin, kill: () => child.kill() };
}
