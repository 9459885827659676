// A real OpenID Connect provider (the certified `oidc-provider` package) for the sign-in tests, run as
// a child process: `node oidc-provider-server.mjs <accounts.json> <client_id> <client_secret> <redirect_uri>`.
// It prints `issuer <url>` once it listens on a free port of 127.0.0.1. Its login page checks the
// account's password; its consent page grants what was asked. Accounts are read from the file at
// each use, so a test can change someone's groups at the provider between two sign-ins.
import Provider from 'oidc-provider';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [accountsFile, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const accounts = () => JSON.parse(readFileSync(accountsFile, 'utf8'));

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
  '<style>body{font-family:sans-serif;max-width:22rem;margin:3rem auto;color:#111}label{display:block;margin:.75rem 0 .25rem}' +
  'input{width:100%;padding:.5rem;box-sizing:border-box}button{margin-top:1rem;padding:.5rem 1rem;background:#1d4ed8;color:#fff;border:0}</style>' +
  `</head><body><main><h1>Test identity provider</h1>${body}</main></body></html>`;

async function readForm(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      // The console: where the provider sends the browser back after ending its session (RP-initiated logout).
      post_logout_redirect_uris: [redirectUri.replace(/\/api\/v1\/auth\/oidc\/callback$/, '/')],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  // PKCE for every client, confidential ones too.
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'ruamjai'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], ruamjai: ['groups', 'agency'] },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      // The provider asks before it ends its session, as real ones do when a relying party sends the browser.
      async logoutSource(ctx, form) {
        ctx.body = page(
          'Sign out',
          `<p>Sign out of the test identity provider as well?</p>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`,
        );
      },
    },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, sub) {
    const account = accounts()[sub];
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
  },
});

const callback = provider.callback();
server.on('request', async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/(login|confirm))?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    const uid = match[1];
    if (req.method === 'GET') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (details.prompt.name === 'login') {
        return res.end(
          page(
            'Sign in',
            `<form method="post" action="/interaction/${uid}/login"><label for="username">Username</label><input id="username" name="username" autocomplete="username" required autofocus>` +
              '<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required><button type="submit">Sign in</button></form>',
          ),
        );
      }
      return res.end(
        page(
          'Allow access',
          `<p>Ruamjai asks for: ${escape(details.params.scope)}</p><form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>`,
        ),
      );
    }
    const form = await readForm(req);
    if (match[3] === 'login') {
      const account = accounts()[form.get('username') ?? ''];
      if (!account || account.password !== form.get('password')) {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.statusCode = 401;
        return res.end(page('Sign in', '<p role="alert">Wrong username or password.</p>'));
      }
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: form.get('username') } },
        { mergeWithLastSubmission: false },
      );
    }
    const { prompt, params, session, grantId } = details;
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    if (prompt.details.missingResourceScopes)
      for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes))
        grant.addResourceScope(indicator, scopes.join(' '));
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  } catch (error) {
    res.statusCode = 400;
    res.end(String(error));
  }
});

process.stdout.write(`issuer ${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
