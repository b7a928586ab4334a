// The dependency rules Maille keeps (docs/architecture.md, "Layers"). `npm run check:deps` fails on any violation;
// there is no list of known violations. Type-only imports count: a type is a dependency too.
/** Capabilities, bottom to top: each may import core and the public entry (index.ts) of those below it. */
const CAPABILITY = '^src/server/(?!core/)[^/]+/';
/** Test fixtures another capability's tests may use, besides its public entry. */
const FIXTURES = 'test-fixtures\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-capability',
      comment: 'core is shared plumbing: it imports nothing of the capabilities, the composition root, the web app or the CLI.',
      severity: 'error',
      from: { path: '^src/server/core/' },
      to: { path: '^src/', pathNot: '^src/server/core/' },
    },
    {
      name: 'capability-through-public-entry',
      comment: "A capability imports another only through its public entry (src/server/<capability>/index.ts).",
      severity: 'error',
      from: { path: '^src/server/([^/]+)/', pathNot: '^src/server/core/' },
      to: { path: CAPABILITY, pathNot: ['^src/server/$1/', '^src/server/[^/]+/index\\.ts$', FIXTURES] },
    },
    {
      name: 'test-fixtures-for-tests-only',
      comment: "A capability's test fixtures (`*test-fixtures.ts`, which may build the whole app) are imported by tests only.",
      severity: 'error',
      from: { pathNot: ['\\.test\\.tsx?$', FIXTURES] },
      to: { path: FIXTURES },
    },
    {
      name: 'no-capability-cycle',
      comment: 'Capabilities form layers: no two folders import each other, directly or through others.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/server/[^/]+$' },
      to: { path: '^src/server/[^/]+$', circular: true },
    },
    {
      name: 'capability-not-above-itself',
      comment: 'A capability never imports the composition root (src/server/*.ts), the web app or the CLI; only its tests and test fixtures may build the whole app.',
      severity: 'error',
      from: { path: CAPABILITY, pathNot: ['\\.test\\.ts$', FIXTURES] },
      to: { path: ['^src/server/[^/]+\\.ts$', '^src/web/', '^src/cli/'] },
    },
    {
      name: 'composition-root-through-public-entry',
      comment: 'The composition root (src/server/*.ts) wires capabilities through their public entries.',
      severity: 'error',
      from: { path: '^src/server/[^/]+\\.ts$' },
      to: { path: CAPABILITY, pathNot: '^src/server/[^/]+/index\\.ts$' },
    },
    {
      name: 'web-imports-server-types-only',
      comment: 'The web app shares types with the server, never code: every import of src/server is `import type`.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-imports-server-schemas-only',
      comment:
        "The web app reads the server's contract only: a capability's schemas.ts, core/http/schemas.ts, and the small-group and figures shapes of core (core/privacy/small-group.ts, core/figures.ts); a type the web needs is exported from its capability's schemas.ts.",
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/', pathNot: ['^src/server/[^/]+/schemas\\.ts$', '^src/server/core/http/schemas\\.ts$', '^src/server/core/privacy/small-group\\.ts$', '^src/server/core/figures\\.ts$'] },
    },
    {
      name: 'cli-through-composition-root',
      comment: 'The CLI starts Maille through the composition root (src/server/*.ts), core, and public entries.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/server/', pathNot: ['^src/server/core/', '^src/server/[^/]+\\.ts$', '^src/server/[^/]+/index\\.ts$'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^dist/'] },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
