// The size of the client bundle an application ships: the runtime, the React bindings, channels and forms
// (every export of src/index.ts), bundled, minified ESM, with the peer libraries external, and gzip -9 of
// that. The entry imports each export and uses it, rather than re-exporting it: an application's bundle
// keeps the code but never the runtime's export names (its own bundler renames them). Prints it and
// writes it to a results file (default ../bench/results/client-size.txt; --out <file> to choose), ending with
// the figure: lines bench/Summary reads. It reports only: no size fails it.
//
//   npm run size
//   npm run size -- --out ../target/client-size.txt
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import * as esbuild from 'esbuild';

const client = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 && process.argv[outIndex + 1]
  ? resolve(process.cwd(), process.argv[outIndex + 1])
  : resolve(client, '../bench/results/client-size.txt');
const external = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'zod'];

const options = {
  absWorkingDir: client,
  bundle: true,
  minify: true,
  format: 'esm',
  jsx: 'automatic',
  external,
  write: false,
  logLevel: 'warning',
};
// The names src/index.ts exports as values (its types weigh nothing), then an entry that uses them all.
const index = await esbuild.build({ ...options, entryPoints: ['src/index.ts'], metafile: true });
const names = Object.values(index.metafile.outputs)[0].exports;
const result = await esbuild.build({
  ...options,
  stdin: {
    contents: `import { ${names.join(', ')} } from './src/index.ts';\nexport default [${names.join(', ')}];\n`,
    resolveDir: client,
    sourcefile: 'app.ts',
    loader: 'ts',
  },
});
const code = result.outputFiles[0].contents;
const gzip = gzipSync(code, { level: constants.Z_BEST_COMPRESSION });

const git = (...args) => {
  try {
    return execFileSync('git', ['-C', client, ...args], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
const dirty = git('status', '--porcelain', '--untracked-files=no', '--', '.');
const kB = (n) => (n / 1000).toFixed(1);
const text = `Client bundle size
==================
command:  npm run size (in client/): esbuild ${esbuild.version}, an entry that imports and uses all ${names.length} exports of src/index.ts, --bundle --minify --format=esm --jsx=automatic, external ${external.join(', ')}; gzip level 9 (node:zlib)
date:     ${new Date().toISOString()}
machine:  ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown'}, ${Math.round(totalmem() / 2 ** 20)} MB, Node.js ${process.version}
commit:   ${git('rev-parse', '--short', 'HEAD')}${dirty === '' ? '' : ' (client/ differs from it)'}

minified:        ${code.length} bytes (${kB(code.length)} kB)
minified + gzip: ${gzip.length} bytes (${kB(gzip.length)} kB)
(1 kB = 1,000 bytes)

figures (read by bench's Summary)
figure: client.minBytes=${code.length}
figure: client.gzipBytes=${gzip.length}
`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`client bundle: ${kB(code.length)} kB minified, ${kB(gzip.length)} kB min+gzip (written to ${out})`);
