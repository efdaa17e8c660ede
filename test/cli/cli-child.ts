// The command line in a process of its own, for what a test cannot do in its own process (run as
// another user). Prints {code, out, err} as JSON.
import { run } from '../../src/cli/main.js';

let out = '';
let err = '';
const code = await run(process.argv.slice(2), {
  out: (t) => (out += `${t}\n`),
  err: (t) => (err += `${t}\n`),
});
process.stdout.write(JSON.stringify({ code, out, err }));
