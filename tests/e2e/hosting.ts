// Helpers for the hosting journeys: extra static hosts on other ports, started and stopped by a test.
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, "..", "..");

/** A static host serving a folder on a port, like tests/static-server.mjs does for the main site. */
export async function startHost(folder: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(here, "..", "static-server.mjs"), folder, String(port)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`static host exited with ${code}`)));
  });
  return child;
}
