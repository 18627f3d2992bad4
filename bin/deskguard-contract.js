#!/usr/bin/env node
/**
 * Checks a backend's implementation of the deskguard REST contract over HTTP:
 *   npx deskguard-contract --base-url http://localhost:3000/api/deskguard \
 *     --admin 'Authorization: Bearer <an admin token>' --masked 'Authorization: Bearer <masked manager token>'
 * Exits 1 when a check fails. Run it against a test instance: it writes.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    admin: { type: 'string', multiple: true, default: [] },
    masked: { type: 'string', multiple: true, default: [] },
    unprivileged: { type: 'string', multiple: true, default: [] },
    'no-sign-in': { type: 'boolean', default: false },
    'signed-out': { type: 'string', multiple: true, default: [] },
    'max-pages': { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || !values['base-url']) {
  console.log(`deskguard-contract --base-url <url> --admin '<Header>: <value>' --masked '<Header>: <value>'
                   --unprivileged '<Header>: <value>' [--signed-out '<Header>: <value>']
                   [--no-sign-in] [--max-pages 20] [--json]

--admin         headers (repeatable) that sign a request in as an admin (or the owner), who sees contacts
--masked        headers (repeatable) that sign a request in as staff who may not see contacts but may open the Security Verification and Contact Logs reports
--unprivileged  headers (repeatable) of staff whose group holds no report and no manager tool (the front desk): every refusal is tried as them
--signed-out    headers (repeatable) of a request from nobody signed in (none by default)
--no-sign-in    the backend's sign-in is its own, not deskguard/server's POST /sessions: skip the sign-in checks
Masking must be on, on a plan that has it. The checks write: run them against a test instance.`);
  process.exit(values.help ? 0 : 2);
}

/** 'Authorization: Bearer x' lines as a header record. */
function headers(lines) {
  return Object.fromEntries(
    lines.map((line) => {
      const at = line.indexOf(':');
      if (at < 1) {
        console.error(`deskguard-contract: "${line}" is not "Header: value"`);
        process.exit(2);
      }
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
}

const { runContract, formatReport } = await import('../dist/contract/index.js');
const result = await runContract({
  baseUrl: values['base-url'],
  viewers: {
    admin: headers(values.admin),
    masked: headers(values.masked),
    unprivileged: headers(values.unprivileged),
    signedOut: headers(values['signed-out']),
  },
  signIn: !values['no-sign-in'],
  maxPages: Number(values['max-pages']),
});
console.log(values.json ? JSON.stringify(result, null, 2) : formatReport(result));
process.exitCode = result.ok ? 0 : 1;
