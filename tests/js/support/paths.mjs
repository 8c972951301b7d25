// Locations shared by the node suites. Helpers live outside js/test/ because node --test runs
// every file under a directory named test/ (TOOLCHAIN.md §5).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const vectorDir = path.join(repoRoot, 'tests/vectors');
// The native build the README's commands produce; PAYREF_NATIVE_BUILD overrides it.
export const nativeBuild = process.env.PAYREF_NATIVE_BUILD ?? path.join(repoRoot, 'build/native');
export const nativeVectorTool = path.join(nativeBuild, 'tests/payref-vectors');
