/**
 * `report-cards <command>`: dispatches to one module per command (cli.md). Each command module
 * exports `run(args: string[]): Promise<number>` returning the exit code, and `help: string`.
 * Exit codes: 0 done, 1 input rejected, 2 usage error.
 */
const COMMANDS: Record<string, () => Promise<{ run(args: string[]): Promise<number>; help: string }>> = {
  validate: () => import('./commands/validate.ts'),
  measures: () => import('./commands/measures.ts'),
  render: () => import('./commands/render.ts'),
  sample: () => import('./commands/sample.ts'),
  history: () => import('./commands/history.ts'),
  approve: () => import('./commands/approve.ts'),
  suppressions: () => import('./commands/suppressions.ts'),
};

const USAGE = `Usage: report-cards <command> [options]

Commands:
  validate FILE --kind KIND [--json]   check one upload against extract-spec.md
  measures --events FILE [...]         compute every measure as JSON
  render [--pack ID] --out DIR [...]   write the committee packs as PDF
  sample --out DIR [--seed N] ...      write a realistic, seeded set of uploads
  history                              print the run history
  approve --period M --pack ID --bucket B [--version V]
                                       approve a rendered pack version for the board
  suppressions list|remove ADDRESS --table T
                                       show or clear addresses no send reaches

Run 'report-cards <command> --help' for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    (name ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`report-cards: unknown command '${name}'\n\n${USAGE}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  return command.run(rest);
}
