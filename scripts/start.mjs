// `npm start`: one command for a working Kring on this computer. Builds the participants' web
// app once (.output/web, which the signaling server serves at http://localhost:4444/), then
// starts our signaling server (signaling/main.ts, ws://localhost:4444 unless HOST/PORT say
// otherwise) and WXT's dev mode, which builds the extension, opens a browser with it loaded and
// rebuilds on change. Ctrl+C stops both; if either stops, so does the other.
import { spawn, spawnSync } from 'node:child_process';

// Built before the server starts, so its first visitor gets the page, not a 404. Once: the web
// app changes less often than the extension under development; `npm run build:web` redoes it.
const web = spawnSync('npx', ['vite', 'build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
if (web.status !== 0) {
  console.error('npm start: building the web app failed (see above).');
  process.exit(web.status ?? 1);
}

const children = [
  spawn('npx', ['tsx', 'signaling/main.ts'], { stdio: 'inherit' }),
  spawn('npx', ['wxt', ...process.argv.slice(2)], { stdio: 'inherit' }),
];

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));
