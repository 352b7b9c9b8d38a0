import type { FastifyInstance } from 'fastify';
import { firstDuplicateKey, lineAndColumn } from './duplicate-keys.ts';
import { Problem } from './problem.ts';

/**
 * JSON bodies as Fastify reads them (prototype poisoning refused), and also refused when a key is written twice
 * in one object: `"type":"close","type":"announce-role"` must not be stored as whichever came last.
 */
export function addStrictJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    parse(request, text, (error, value) => {
      if (error) return done(error);
      const duplicate = firstDuplicateKey(text);
      if (!duplicate) return done(null, value);
      const { line, column } = lineAndColumn(text, duplicate.offset);
      const message = `duplicate key "${duplicate.key}" at line ${line}, column ${column}; each key may appear once in an object`;
      done(new Problem(400, `The request body has a ${message}.`, { errors: [{ field: 'body', line, column, message }] }));
    });
  });
}
