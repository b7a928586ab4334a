// Vitest setup file: a test fails when an answer it caused did not match its route's declared response
// (core/http/response-check.ts, on with MAILLE_CHECK_RESPONSES=1). The violation names route, status and the Ajv error.
import { afterEach } from 'vitest';
import { describeViolation, takeResponseViolations } from '../../src/server/core/http/response-check.ts';

afterEach(() => {
  const seen = takeResponseViolations();
  if (seen.length === 0) return;
  const lines = [...new Set(seen.map(describeViolation))];
  throw new Error(`${seen.length} response(s) did not match their declared schema:\n- ${lines.join('\n- ')}`);
});
