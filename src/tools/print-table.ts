/** Prints a benchmark's rows as an aligned two-column table under its title. */
export function printTable(title: string, table: readonly (readonly [string, string])[]): void {
  const width = Math.max(...table.map(([label]) => label.length));
  console.log(title);
  for (const [label, value] of table) console.log(`  ${label.padEnd(width)}  ${value}`);
}
