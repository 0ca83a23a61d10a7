// `npm start`: one command for a working Kring on this computer. Starts our signaling server
// (signaling/main.ts, ws://localhost:4444 unless HOST/PORT say otherwise) and WXT's dev mode,
// which builds the extension, opens a browser with it loaded and rebuilds on change.
// Ctrl+C stops both; if either stops, so does the other.
import { spawn } from 'node:child_process';

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
