// The size of the client bundle an application ships: the runtime, the React bindings, channels and forms
// (every export of src/index.ts), bundled, minified ESM, with the peer libraries external, and gzip -9 of
// that. The entry imports each export and uses it, rather than re-exporting it: an application's bundle
// keeps the code but never the runtime's export names (its own bundler renames them). Prints it and
// writes it to a results file (default ../bench/results/client-size.txt; --out <file> to choose), with the
// same measure for the runtime's parts added one by one, then for the libraries an application would use for
// the same jobs instead (tRPC, react-hook-form; tRPC and the Zod resolver are dev dependencies for this
// only), ending with the figure: lines bench/Summary reads.
// It reports only: no size fails it.
//
//   npm run size
//   npm run size -- --out ../target/client-size.txt
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
// The sizes of an application that uses these exports (of src/index.ts unless `from` names the modules
// and their exports): minified, then gzipped. Its entry uses them rather than re-exporting them (see above).
const bundleOf = async (used, from = { './src/index.ts': used }) => {
  const imports = Object.entries(from).map(([module, names]) => `import { ${names.join(', ')} } from '${module}';`);
  const built = await esbuild.build({
    ...options,
    metafile: true,
    stdin: {
      contents: `${imports.join('\n')}\nexport default [${Object.values(from).flat().join(', ')}];\n`,
      resolveDir: client,
      sourcefile: 'app.ts',
      loader: 'ts',
    },
  });
  const code = built.outputFiles[0].contents;
  const inputs = Object.values(built.metafile.outputs)[0].inputs;
  return [code.length, gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).length, inputs];
};
// The names src/index.ts exports as values (its types weigh nothing), then an entry that uses them all.
const index = await esbuild.build({ ...options, entryPoints: ['src/index.ts'], metafile: true });
const names = Object.values(index.metafile.outputs)[0].exports;
const [minBytes, gzipBytes, inputs] = await bundleOf(names);
// what each module puts in the minified bundle, largest first (gzip compresses the whole, not each module)
const moduleLines = Object.entries(inputs)
  .filter(([, input]) => input.bytesInOutput > 0)
  .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
  .map(([file, input]) => `  ${file.padEnd(28)} ${String(input.bytesInOutput).padStart(6)} B minified`);

// An application's bundler drops the exports it does not use: the same measure for the runtime's parts,
// each line adding a part to those above it (a module's exports that src/index.ts does not export are left out).
const parts = [
  ['calls, contexts, errors, cache, hydration, sign-in, React', ['keys', 'errors', 'client', 'cache', 'hydration', 'session', 'auth', 'react', 'contexts', 'mutations']],
  ['+ channels: socket, presence, live invalidation, useChannel', ['backoff', 'presence', 'socketUrl', 'socket', 'channelJoins', 'live', 'useChannel']],
  ['+ forms: useMizanForm, checks, react-hook-form resolver', ['forms', 'useMizanForm', 'resolver', 'fieldProps']],
  ['+ <MizanForm> and <MizanField>', ['MizanForm']],
];
const exportsOf = async (module) => {
  const file = ['ts', 'tsx'].map((ext) => `src/${module}.${ext}`).find((path) => existsSync(resolve(client, path)));
  const built = await esbuild.build({ ...options, entryPoints: [file], metafile: true });
  return Object.values(built.metafile.outputs)[0].exports.filter((name) => names.includes(name));
};
const used = [];
const partLines = [];
const partGzips = [];
for (const [label, modules] of parts) {
  for (const module of modules) used.push(...(await exportsOf(module)));
  const [min, gz] = await bundleOf(used);
  partGzips.push(gz);
  partLines.push(`  ${label.padEnd(62)} ${String(min).padStart(6)} B minified, ${String(gz).padStart(5)} B min+gzip`);
}
const unplaced = names.filter((name) => !used.includes(name));
if (unplaced.length > 0) partLines.push(`  (exports in no part: ${unplaced.join(', ')})`);
const withChannelsGzip = partGzips[1];

// Libraries an application would use for the same jobs instead, measured the same way (the same externals:
// their own code only), each line adding to those above: tRPC for typed calls with batching, a WebSocket and
// TanStack Query bindings, then react-hook-form with its Zod resolver for forms. The first compares with the
// runtime up to channels, the second with all of it.
const peers = [
  ['tRPC: client, batching, WebSocket, TanStack Query bindings', {
    '@trpc/client': ['createTRPCClient', 'httpBatchLink', 'splitLink', 'wsLink', 'createWSClient'],
    '@trpc/tanstack-react-query': ['createTRPCContext'],
  }],
  ['+ react-hook-form and its Zod resolver', {
    'react-hook-form': ['useForm'],
    '@hookform/resolvers/zod': ['zodResolver'],
  }],
];
const versionOf = (name) => JSON.parse(readFileSync(resolve(client, 'node_modules', name, 'package.json'), 'utf8')).version;
const peerImports = {};
const peerLines = [];
const peerGzips = [];
for (const [label, modules] of peers) {
  Object.assign(peerImports, modules);
  const [min, gz] = await bundleOf([], peerImports);
  peerGzips.push(gz);
  peerLines.push(`  ${label.padEnd(62)} ${String(min).padStart(6)} B minified, ${String(gz).padStart(5)} B min+gzip`);
}
const packageOf = (module) => module.split('/').slice(0, module.startsWith('@') ? 2 : 1).join('/');
const peerVersions = [...new Set(Object.keys(peerImports).map(packageOf))].map((name) => `${name} ${versionOf(name)}`);

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

minified:        ${minBytes} bytes (${kB(minBytes)} kB)
minified + gzip: ${gzipBytes} bytes (${kB(gzipBytes)} kB)
(1 kB = 1,000 bytes)

by part, as an application that uses only some of it ships it (each line adds to those above):
${partLines.join('\n')}

the same jobs with other libraries (${peerVersions.join(', ')}), each line adding to those above:
${peerLines.join('\n')}

by module, what each puts in the minified bundle of all of it:
${moduleLines.join('\n')}

figures (read by bench's Summary)
figure: client.minBytes=${minBytes}
figure: client.gzipBytes=${gzipBytes}
figure: client.withChannels.gzipBytes=${withChannelsGzip}
figure: client.peer.calls.gzipBytes=${peerGzips[0]}
figure: client.peer.callsForms.gzipBytes=${peerGzips[1]}
`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`client bundle: ${kB(minBytes)} kB minified, ${kB(gzipBytes)} kB min+gzip (written to ${out})`);
