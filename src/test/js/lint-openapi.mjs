// Lints openapi/openapi.yaml as a client generator reads it: Redocly CLI with the repository's
// redocly.yaml. Writes Redocly's JSON report to stdout; exits 0 when there is no error.
// Usage (in src/test/js, after npm ci): node lint-openapi.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('./node_modules/@redocly/cli/bin/cli.js', import.meta.url));

const run = spawnSync(process.execPath,
    [cli, 'lint', '--config', 'redocly.yaml', '--format', 'json', '--max-problems', '1000', '--lint-config', 'error'],
    { cwd: root, encoding: 'utf8' });
if (run.error) {
  throw run.error;
}
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exit(run.status ?? 1);
