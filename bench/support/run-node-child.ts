import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: children run from here so `--import tsx` and packages resolve. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `script` (a .ts file) in a fresh Node process through tsx and resolves with its stdout. Rejects with its
 * stderr when it exits non-zero, and kills it (SIGKILL) when it outlives `timeoutMs`.
 */
export function runNodeChild(script: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${script} ${args.join(' ')} exited ${code ?? signal ?? '?'}: ${stderr.trim()}`));
    });
  });
}

/** The last non-empty line of `text` parsed as JSON (children print their result last). */
export function lastJsonLine(text: string): unknown {
  const line = text.trimEnd().split('\n').pop() ?? '';
  return JSON.parse(line) as unknown;
}
