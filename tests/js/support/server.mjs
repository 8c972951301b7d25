// A real payref-server for the node suites: port 0, a fresh data directory, stopped with SIGTERM.
// Lives outside js/test/ (node --test would run it as a test file).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nativeBuild } from './paths.mjs';

export const serverBinary = process.env.PAYREF_SERVER ?? path.join(nativeBuild, 'server/payref-server');

export async function startServer(extraArgs = []) {
  const data = mkdtempSync(path.join(tmpdir(), 'payref-js-'));
  const child = spawn(serverBinary, ['--port', '0', '--data', data, '--admin-token', 'js-admin', '--log-level', 'warn', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const banner = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (/demo merchant \(gateway\): Id [0-9]+ Key [0-9a-f]+/.test(text)) resolve(text);
    });
    child.on('exit', (code) => reject(new Error(`payref-server exited with ${code} before it was ready`)));
  });
  const baseUrl = banner.match(/http:\/\/[0-9.]+:[0-9]+/)[0];
  const [, id, key] = banner.match(/demo merchant \(gateway\): Id ([0-9]+) Key ([0-9a-f]+)/);
  return {
    baseUrl,
    gateway: { id, key },
    adminToken: 'js-admin',
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
      rmSync(data, { recursive: true, force: true });
    },
  };
}
