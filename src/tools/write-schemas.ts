import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema, playbookJsonSchema } from '../core/json-schemas.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const write = (path: string, schema: unknown) => writeFileSync(root + path, `${JSON.stringify(schema, null, 2)}\n`);
write('scenarios/scenario.schema.json', scenarioJsonSchema());
write('scenarios/playbooks/playbook.schema.json', playbookJsonSchema());
console.log('wrote scenarios/scenario.schema.json and scenarios/playbooks/playbook.schema.json');
