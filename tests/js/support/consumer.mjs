// The npm package as a consumer gets it: `npm pack` of npm/ (the built dist/), installed offline
// into a fresh project in a temporary directory. Used by js/test/consumer.test.mjs and the
// first-validation benchmark. Lives outside js/test/ (node --test would run it as a test file).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './paths.mjs';

const require = createRequire(import.meta.url);
export const npmDir = path.join(repoRoot, 'npm');
export const tscPath = require.resolve('typescript/bin/tsc');

// What the child processes see: no NODE_PATH (the Makefile exports Debian's /usr/share/nodejs),
// so `payref` can only come from the consumer's own node_modules; npm with no audit, no fund,
// no update check, and never the network (`--offline` below).
const childEnv = () => {
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
  delete env.NODE_PATH;
  for (const k of Object.keys(env)) if (k.startsWith('npm_package_') || k === 'npm_lifecycle_event') delete env[k];
  return env;
};

/** Runs a command; throws with its output when it fails. Returns stdout. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: childEnv(), maxBuffer: 1 << 26, ...options });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** Runs node on a file of the consumer project; returns { status, stdout, stderr }. */
export function runNode(dir, file, nodeArgs = []) {
  return spawnSync(process.execPath, [...nodeArgs, file], { cwd: dir, encoding: 'utf8', env: childEnv(), timeout: 60_000 });
}

/**
 * Packs npm/ and installs the tarball into a new project. Returns { dir, tarball, files, cleanup }:
 * `files` are the tarball's paths (package/...).
 */
export function installPackedPackage() {
  const root = mkdtempSync(path.join(tmpdir(), 'payref-consumer-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', root], { cwd: npmDir }));
  const tarball = path.join(root, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  const dir = path.join(root, 'app');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'payref-consumer', version: '1.0.0', private: true }, null, 2));
  // --offline: the tarball has no dependencies, so nothing may be fetched.
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir });
  return { dir, tarball, files, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Writes files (name → text) into dir, creating folders. */
export function writeFiles(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/**
 * Bundles `entry` (relative to dir) for the browser with esbuild, as a bundler user would:
 * ESM output, platform browser, resolved from dir's node_modules. Returns the build result.
 */
export async function bundleForBrowser(dir, entry, outdir, extra = {}) {
  const esbuild = await import('esbuild');
  return esbuild.build({
    absWorkingDir: dir, entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser',
    target: 'es2022', outdir, logLevel: 'silent', metafile: true, ...extra,
  });
}

/** Debian's Chromium through playwright-core, as js/test/browser.test.mjs launches it. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.PAYREF_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

