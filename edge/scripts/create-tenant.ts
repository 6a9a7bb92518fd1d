// Creates a tenant for a deployed edge: generates its keys and identity secret, prints them once, and
// writes the SQL that stores them (keys hashed) for `wrangler d1 execute`.
//
//   pnpm --filter @smart-onboarding/edge tenant:create --id acme --name "Acme" --origin https://app.acme.com
//   pnpm --filter @smart-onboarding/edge exec wrangler d1 execute DB --remote --file tenant-acme.sql
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    id: { type: 'string' },
    name: { type: 'string' },
    origin: { type: 'string', multiple: true, default: [] },
    anonymous: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
if (!values.id || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(values.id)) {
  console.error('--id is required: lower-case letters, digits, "-" and "_"');
  process.exit(1);
}
const id = values.id;
const key = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const now = Date.now();
const publishable = key('pk_');
const secret = key('sk_');
const identitySecret = randomBytes(32).toString('base64url');

const sql = `INSERT INTO tenants (id, name, allowed_origins, allow_anonymous, identity_secret, created_at)
VALUES (${q(id)}, ${q(values.name ?? id)}, ${q(JSON.stringify(values.origin))}, ${values.anonymous ? 1 : 0}, ${q(identitySecret)}, ${now});
INSERT INTO api_keys (id, tenant_id, kind, key_hash, prefix, created_at)
VALUES (${q(`${id}-pk-${now}`)}, ${q(id)}, 'publishable', ${q(sha256(publishable))}, ${q(publishable.slice(0, 10))}, ${now});
INSERT INTO api_keys (id, tenant_id, kind, key_hash, prefix, created_at)
VALUES (${q(`${id}-sk-${now}`)}, ${q(id)}, 'secret', ${q(sha256(secret))}, ${q(secret.slice(0, 10))}, ${now});
`;
const out = values.out ?? `tenant-${id}.sql`;
writeFileSync(out, sql);
console.log(`Tenant ${id}: SQL written to ${out} (it holds the identity secret: delete it once applied).
  publishable key  ${publishable}
  secret key       ${secret}
  identity secret  ${identitySecret}
The keys are stored hashed and are shown only now.`);
