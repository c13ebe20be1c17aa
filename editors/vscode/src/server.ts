// Finding the `assay` binary: the setting, the copy bundled in the extension, then PATH.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface ServerLocation {
  command: string;
  /** where it came from, for the output channel */
  source: 'setting' | 'bundled' | 'PATH' | '~/.cargo/bin';
}

const exe = process.platform === 'win32' ? 'assay.exe' : 'assay';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The problem with `assay.server.path`, or undefined when it is usable. */
export function checkConfiguredPath(configured: string): string | undefined {
  if (!path.isAbsolute(configured)) {
    return `assay.server.path must be an absolute path, not "${configured}".`;
  }
  if (!isExecutable(configured)) {
    return `assay.server.path is "${configured}", which is not an executable file.`;
  }
  return undefined;
}

export function findOnPath(envPath: string | undefined): string | undefined {
  for (const dir of (envPath ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, exe))) {
      return path.join(dir, exe);
    }
  }
  return undefined;
}

/**
 * Throws with a message saying what to do when there is no usable binary. An explicit setting
 * that is wrong is an error, not a reason to fall back silently.
 */
export function locateServer(configured: string, extensionPath: string): ServerLocation {
  if (configured) {
    const problem = checkConfiguredPath(configured);
    if (problem) {
      throw new Error(problem);
    }
    return { command: configured, source: 'setting' };
  }
  const bundled = path.join(extensionPath, 'bin', exe);
  if (isExecutable(bundled)) {
    return { command: bundled, source: 'bundled' };
  }
  const onPath = findOnPath(process.env.PATH);
  if (onPath) {
    return { command: onPath, source: 'PATH' };
  }
  // Editors started from a desktop launcher often lack the shell's PATH.
  const cargo = path.join(os.homedir(), '.cargo', 'bin', exe);
  if (isExecutable(cargo)) {
    return { command: cargo, source: '~/.cargo/bin' };
  }
  throw new Error(
    'The assay language server was not found: set "assay.server.path" to the assay binary, or put assay on PATH. ' +
      'Install it with `cargo install --locked --path .` from a clone of https://github.com/assay-dev/assay.',
  );
}
