/** Command-line entry (scaffolding; the engine issue fills it in). */
export function main(argv: string[]): Promise<number> {
  process.stderr.write(`titlematch: not implemented yet (${argv.join(' ')})\n`);
  return Promise.resolve(2);
}
