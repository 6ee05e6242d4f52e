import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { readConfig } from '../app/config.js';
import { loadReferenceData } from '../app/load-reference-data.js';
import { openApp } from '../app/upskill-app.js';
import { openDatabase } from '../store/database.js';
import { SHARED_DATA } from '../../test/support/databases.js';
import { createApi } from './create-api.js';

/*
 * Walks every operation of the served /api/openapi.json with malformed requests: garbage path and query
 * parameters, broken or mistyped bodies, wrong or missing content types. None may get a 5xx, and every
 * error is a problem body that says, in the product's words, what was wrong. Routes added later are
 * walked too, because the walk starts from the document.
 */

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  additionalProperties?: boolean | Schema;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Case {
  label: string;
  path: string;
  init?: RequestInit;
  /** The status the user must get; any 4xx when absent (garbage never succeeds), anything under 500 when 'any'. */
  status?: number | number[] | 'any';
  code?: string;
  /** The problem's detail must start with this (a field name). */
  names?: string;
  /** A code the response must not have (an accepted content type is never a 415). */
  notCode?: string;
}

const db = await openDatabase({ kind: 'embedded-memory' });
const app = await openApp({ ...readConfig({}), home: '/nonexistent' }, db);
await loadReferenceData(db, app.config, { from: SHARED_DATA, onlyIn: [] });
const api = createApi(app);
after(() => app.close());

const ORIGIN = { origin: 'http://localhost' };
const json = (body: unknown): RequestInit => ({
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...ORIGIN },
});
const raw = (body: RequestInit['body'], contentType?: string): RequestInit => ({
  body,
  headers: contentType === undefined ? ORIGIN : { 'content-type': contentType, ...ORIGIN },
});

const served = await api.request('/api/openapi.json');
const document = (await served.json()) as OpenApiDocument;

// Real values, so that the plausible requests reach the handlers and the garbage goes one part at a time.
const created = await api.request(
  '/api/profiles',
  Object.assign(json({ name: 'Walker', occupation: '13-1161.00', hoursPerWeek: 5 }), { method: 'POST' }),
);
assert.equal(created.status, 201, 'a profile to walk the profile routes with');
const profileId = ((await created.json()) as { id: string }).id;
const profilePlan = (await (await api.request(`/api/profiles/${profileId}/plan`)).json()) as {
  plan: { steps: { id: string }[] };
};
const stepId = profilePlan.plan.steps[0]!.id;

/** A real value for a path parameter of the routes there are now; undefined for one added later. */
function known(path: string, param: Parameter): string | undefined {
  if (param.name === 'code') return '13-1161.00';
  if (param.name === 'stepId') return encodeURIComponent(stepId);
  if (param.name === 'skillId' || path.startsWith('/api/skills/')) return 'prompt-engineering';
  if (param.name === 'id' && path.startsWith('/api/profiles/')) return profileId;
  return undefined;
}
function plausible(path: string, param: Parameter): string {
  const example = param.schema?.example;
  return known(path, param) ?? encodeURIComponent(typeof example === 'string' ? example : 'example');
}

/** Raw URL path segments: each must stay within its segment, so slashes are escaped. */
const GARBAGE_SEGMENTS = [
  'x'.repeat(10_000),
  '%00',
  `a%00${'b'.repeat(20)}`,
  encodeURIComponent('../..'),
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  encodeURIComponent('名前-😀-\u202e-\uFEFF'),
  encodeURIComponent("1' OR '1'='1"),
  encodeURIComponent('1; DROP TABLE profiles;--'),
  encodeURIComponent('<script>alert(1)</script>'),
  '%E0%A4%A',
  '%',
  '%FF%FE',
  '%20',
  '-1',
  '0',
  'null',
  '__proto__',
  'constructor',
  'toString',
];
/** Raw query values (already URL-encoded). */
const GARBAGE_QUERY_VALUES = [
  'x'.repeat(10_000),
  '%00',
  encodeURIComponent('../..'),
  encodeURIComponent('名前😀\u202e'),
  encodeURIComponent("' OR 1=1; DROP TABLE tasks;--"),
  '%E0%A4%A',
  '%',
  '',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  '[]',
];

/** The schema itself: references followed, and `allOf` (an extended schema) merged into one object. */
function resolve(schema: Schema): Schema {
  if (schema.allOf) {
    const parts = schema.allOf.map(resolve);
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties)) as Record<string, Schema>,
      required: parts.flatMap((part) => part.required ?? []),
    };
  }
  if (!schema.$ref) return schema;
  const found = document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
  assert.ok(found, `${schema.$ref} is in the document`);
  return resolve(found);
}
const typeOf = (schema: Schema): string | undefined =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;

/** A value the schema accepts: its example, default or first option, else the smallest of its type. */
function validValue(input: Schema): unknown {
  const schema = resolve(input);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'string':
      return 'a'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((name) => [name, validValue(schema.properties![name]!)]));
    default:
      return 'a';
  }
}

const DEEP = '['.repeat(5_000) + ']'.repeat(5_000);

/**
 * Raw JSON for a property: values of the wrong type and one past its length limit (`wrong`: a 400 naming
 * the property), and hostile strings of the right type (`odd`: anything but a 5xx).
 */
function propertyValues(input: Schema): { wrong: string[]; odd: string[] } {
  const schema = resolve(input);
  const nullable = Array.isArray(schema.type) && schema.type.includes('null');
  const wrong: Record<string, string[]> = {
    string: ['12345', 'true', '{}', '["a"]', DEEP],
    integer: ['"5"', 'true', '[]', '{}', '1.5', DEEP],
    number: ['"5"', 'true', '[]', '{}', DEEP],
    boolean: ['"true"', '1', '[]', DEEP],
    array: ['{}', '"a"', '1', 'true'],
    object: ['"a"', '[]', '1', 'true', DEEP],
  };
  const type = typeOf(schema);
  if (type === undefined) return { wrong: [], odd: [] }; // takes anything
  const values = [...(wrong[type] ?? []), ...(nullable ? [] : ['null'])];
  if (type === 'string' && schema.maxLength !== undefined && schema.maxLength <= 2_000_000)
    values.push(JSON.stringify('x'.repeat(schema.maxLength + 1)));
  const odd =
    type === 'string'
      ? [
          '\u0000',
          'a\u0000b',
          '\ud800',
          '\u202e\ufeff名前😀',
          "' OR 1=1; DROP TABLE profiles;--",
          '../../etc/passwd',
        ].map((text) => JSON.stringify(text))
      : [];
  return { wrong: values, odd };
}

/** The body with one property replaced by raw JSON (built as text: deep values overflow JSON.stringify). */
const withProperty = (base: unknown, name: string, value: string): string =>
  JSON.stringify({ ...(base as object), [name]: '\u0001' }).replace('"\\u0001"', () => value);

function fillPath(template: string, parameters: Parameter[], garbage?: { name: string; value: string }): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    name === garbage?.name
      ? garbage.value
      : plausible(
          template,
          parameters.find((p) => p.name === name)!,
        ),
  );
}

function casesFor(method: string, template: string, operation: Operation): Case[] {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const content = operation.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const takesMultipart = Object.keys(content).some((type) => type.startsWith('multipart/form-data'));
  const base = jsonSchema ? validValue(jsonSchema) : undefined;
  const validBody = (): RequestInit => (jsonSchema ? json(base) : {});
  const path = fillPath(template, parameters);
  const plausibleQuery = new Map(
    queryParameters
      .map((p) => [p.name, p.schema?.example ?? p.schema?.default ?? p.schema?.enum?.[0]] as const)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, encodeURIComponent(String(value))]),
  );
  /** The plausible query with one parameter set to a raw value. */
  const queryWith = (name?: string, value?: string): string => {
    const entries = [...plausibleQuery].filter(([other]) => other !== name);
    if (name !== undefined) entries.push([name, value!]);
    return entries.length ? `${path}?${entries.map(([n, v]) => `${n}=${v}`).join('&')}` : path;
  };
  // A GET with real values must succeed; one whose path parameters the walk cannot fill for real may not.
  // The walk runs a personal server, where the account routes answer 404 ("no accounts"): their
  // authorised requests are walked by access-matrix.test.ts on a team server.
  const teamOnly = /^\/api\/(accounts|audit|me|tokens)(\/|$)/.test(template);
  const allKnown = !teamOnly && pathParameters.every((p) => known(template, p) !== undefined);
  const notCode = 'UNSUPPORTED_MEDIA_TYPE';
  const withHeaders = (headers: Record<string, string>): RequestInit => {
    const init = validBody();
    return { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } };
  };
  const cases: Case[] = [
    // The plausible request works: the garbage below differs from it in one part only.
    {
      label: 'plausible',
      path: queryWith(),
      init: validBody(),
      status: method === 'get' && allKnown ? 200 : 'any',
    },
    {
      label: 'undeclared garbage query',
      path: `${path}?__proto__=x&%00=%00&${'z'.repeat(2_000)}=1&constructor[]=1`,
      init: validBody(),
      status: 'any',
    },
    ...GARBAGE_QUERY_VALUES.map((value): Case => ({
      label: `undeclared query ${value.slice(0, 30)}`,
      path: `${path}?${value}=${value}`,
      init: validBody(),
      status: 'any',
    })),
    { label: 'accept XML', path, init: withHeaders({ accept: 'application/xml' }), status: 'any' },
    {
      label: 'garbage accept-encoding',
      path,
      init: withHeaders({ 'accept-encoding': 'gzip;q=abc, %00, *;q=-1' }),
      status: 'any',
    },
    {
      label: 'garbage accept-language',
      path,
      init: withHeaders({ 'accept-language': '\u00ff'.repeat(300) }),
      status: 'any',
    },
  ];

  for (const parameter of pathParameters)
    for (const value of GARBAGE_SEGMENTS)
      cases.push({
        label: `path ${parameter.name}=${value.slice(0, 30)}`,
        path: fillPath(template, parameters, { name: parameter.name, value }),
        init: validBody(),
        status: [400, 404],
      });

  for (const parameter of queryParameters) {
    for (const value of GARBAGE_QUERY_VALUES)
      cases.push({
        label: `query ${parameter.name}=${value.slice(0, 30)}`,
        path: queryWith(parameter.name, value),
        init: validBody(),
        status: 'any',
      });
    cases.push({
      label: `query ${parameter.name} twice`,
      path: queryWith(parameter.name, `a&${parameter.name}=b`),
      init: validBody(),
      status: 'any',
    });
  }

  if (jsonSchema) {
    const schema = resolve(jsonSchema);
    const text = JSON.stringify(base);
    for (const broken of [
      text.slice(0, -1),
      '{',
      '{"a":}',
      "{'a': 1}",
      '{"a": 1,}',
      '{a: 1}',
      'undefined',
      'NaN',
      '\u0000',
      `{"a": "${'\\x'.repeat(10)}"}`,
      '',
    ])
      cases.push({
        label: `invalid JSON ${JSON.stringify(broken.slice(0, 20))}`,
        path,
        init: raw(broken, 'application/json'),
        status: 400,
        code: 'BAD_JSON',
      });
    for (const notAnObject of ['[]', `[${text}]`, '0', '-1.5', '"text"', 'true', 'null'])
      cases.push({
        label: `body ${notAnObject.slice(0, 20)}`,
        path,
        init: raw(notAnObject, 'application/json'),
        status: 400,
        code: 'BAD_INPUT',
        names: 'body',
      });
    const rejectsUnknown = (schema.required ?? []).length > 0 || schema.additionalProperties === false;
    cases.push(
      {
        label: 'deeply nested array',
        path,
        init: raw('['.repeat(50_000) + ']'.repeat(50_000), 'application/json'),
        status: 400,
        code: 'BAD_INPUT',
      },
      {
        label: 'deeply nested object',
        path,
        init: raw('{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000), 'application/json'),
        ...(rejectsUnknown ? { status: 400, code: 'BAD_INPUT' } : { status: 'any' as const }),
      },
    );
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { wrong, odd } = propertyValues(property);
      for (const value of wrong)
        cases.push({
          label: `${name}: ${value.slice(0, 30)}`,
          path,
          init: raw(withProperty(base, name, value), 'application/json'),
          status: 400,
          code: 'BAD_INPUT',
          names: name,
        });
      for (const value of odd)
        cases.push({
          label: `${name}: ${value.slice(0, 30)}`,
          path,
          init: raw(withProperty(base, name, value), 'application/json'),
          status: 'any',
        });
    }
    for (const [contentType, body] of [
      ['text/plain', text],
      ['application/x-www-form-urlencoded', 'text=hello&level=1'],
      ['multipart/form-data; boundary=xyz', `--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--`],
      ['application/xml', '<a>1</a>'],
      ['text/html', '<p>hi</p>'],
      ['application/jsonp', text],
    ] as const) {
      if (takesMultipart && contentType.startsWith('multipart/')) continue;
      cases.push({
        label: `content type ${contentType}`,
        path,
        init: raw(body, contentType),
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
    }
    cases.push(
      // A byte body gets no content type of its own (a string would be sent as text/plain).
      {
        label: 'JSON without a content type',
        path,
        init: raw(new TextEncoder().encode(text)),
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      { label: 'no body, no content type', path, init: raw(null), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      {
        label: 'JSON with a charset',
        path,
        init: raw(text, 'application/json; charset=utf-8'),
        status: 'any',
        notCode,
      },
      { label: 'JSON in capitals', path, init: raw(text, 'Application/JSON'), status: 'any', notCode },
    );
  }

  if (takesMultipart) {
    const boundary = 'upskill-boundary';
    const part =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: ` +
      `text/plain\r\n\r\nPython and prompt engineering\r\n--${boundary}--\r\n`;
    for (const [label, body, contentType] of [
      ['garbage', 'garbage', `multipart/form-data; boundary=${boundary}`],
      ['no boundary', part, 'multipart/form-data'],
      ['another boundary', part, 'multipart/form-data; boundary=other'],
      ['cut short', part.slice(0, 60), `multipart/form-data; boundary=${boundary}`],
      ['empty', '', `multipart/form-data; boundary=${boundary}`],
      ['no file field', part.replace('name="file"', 'name="other"'), `multipart/form-data; boundary=${boundary}`],
      [
        'binary junk',
        Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
        `multipart/form-data; boundary=${boundary}`,
      ],
    ] as const)
      cases.push({ label: `multipart ${label}`, path, init: raw(body, contentType), status: 400, code: 'BAD_INPUT' });
    cases.push({
      label: 'multipart with a text file',
      path,
      init: raw(part, `multipart/form-data; boundary=${boundary}`),
      // A résumé text is a document upload's plausible file; to a roster or bench upload it is a 4xx.
      status: template.startsWith('/api/org/') ? 'any' : 200,
    });
  }
  return cases;
}

// What V8, Hono and zod say in their own errors; a problem says it in the product's words.
const LIBRARY_TEXT = new RegExp(
  'HTTPException|SyntaxError|TypeError|RangeError|Unexpected (token|end of JSON)|in JSON at position|' +
    '" is not valid JSON|Malformed|Failed to parse|Unsupported Media Type|ZodError|node_modules|' +
    '\\bat .+:\\d+:\\d+',
);

/** What is wrong with the response to one case, or nothing. */
async function check(method: string, c: Case): Promise<string | undefined> {
  const response = await api.request(c.path, { ...c.init, method: method.toUpperCase() });
  const encoding = response.headers.get('content-encoding');
  const text =
    encoding === 'gzip' || encoding === 'deflate'
      ? await new Response(response.body!.pipeThrough(new DecompressionStream(encoding))).text()
      : await response.text();
  const { status } = response;
  if (status >= 500) return `${status}: ${text.slice(0, 200)}`;
  const expected = c.status ?? 'client error';
  if (expected === 'client error' ? status < 400 : expected !== 'any' && ![expected].flat().includes(status))
    return `status ${status}, expected ${String(expected)}: ${text.slice(0, 200)}`;
  if (status < 400) return undefined;
  if (c.notCode && text.includes(`"code":"${c.notCode}"`)) return `${c.notCode}: ${text}`;
  if (response.headers.get('content-type') !== 'application/problem+json')
    return `${status} as ${response.headers.get('content-type')}, not a problem`;
  const problem = JSON.parse(text) as { status?: number; code?: string; detail?: string; hint?: string };
  if (problem.status !== status) return `problem status ${problem.status} on a ${status}`;
  if (!problem.code || !problem.detail || !problem.hint) return `problem without code, detail or hint: ${text}`;
  if (LIBRARY_TEXT.test(`${problem.detail} ${problem.hint}`)) return `library text in the problem: ${text}`;
  if (c.code && problem.code !== c.code) return `code ${problem.code}, expected ${c.code}: ${problem.detail}`;
  if (c.names && !problem.detail.startsWith(`${c.names}`)) return `detail does not name ${c.names}: ${problem.detail}`;
  return undefined;
}

// DELETEs go last, deepest path first, so the profile the others use is deleted at the very end.
const operations = Object.entries(document.paths)
  .flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ method, path, operation })))
  .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete') || b.path.length - a.path.length);
const walked = new Map<string, number>();
const MIN_CASES = 15;
const MIN_BODY_CASES = 40;

describe('malformed requests to every operation of /api/openapi.json', () => {
  test('the served document has operations, with and without bodies', () => {
    assert.equal(served.status, 200);
    assert.ok(operations.length >= 20, `${operations.length} operations`);
    assert.ok(operations.some((o) => o.operation.requestBody?.content['application/json']));
    assert.ok(operations.some((o) => o.operation.requestBody?.content['multipart/form-data']));
    for (const { method, path, operation } of operations) {
      const body = operation.requestBody?.content['application/json']?.schema;
      if (body)
        assert.ok(
          Object.keys(resolve(body).properties ?? {}).length > 0,
          `${method} ${path}: the walk sees its fields`,
        );
    }
  });

  for (const { method, path, operation } of operations)
    test(`${method.toUpperCase()} ${path}`, async () => {
      const cases = casesFor(method, path, operation);
      const failures: string[] = [];
      for (const c of cases) {
        const failure = await check(method, c);
        if (failure) failures.push(`${c.label}: ${failure}`);
      }
      walked.set(`${method} ${path}`, cases.length);
      assert.deepEqual(failures, [], `${failures.length} of ${cases.length} cases`);
      assert.ok(cases.length >= (operation.requestBody ? MIN_BODY_CASES : MIN_CASES), `${cases.length} cases`);
    });

  test('the walk covered every operation', () => {
    assert.deepEqual(
      [...walked.keys()].sort(),
      operations.map((o) => `${o.method} ${o.path}`).sort(),
      'every operation was walked',
    );
    const total = [...walked.values()].reduce((a, b) => a + b, 0);
    assert.ok(total >= operations.length * MIN_CASES, `${total} cases`);
    console.log(`walked ${walked.size} operations with ${total} malformed and plausible requests`);
  });
});
