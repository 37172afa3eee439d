/**
 * A small OpenID Connect provider for the integration tests (oidc-provider,
 * which is ESM-only, so it runs in its own Node process rather than inside
 * jest). Reads its setup as JSON from the OIDC_TEST_SETUP variable:
 *   { clientId, clientSecret, redirectUri, accounts: { [id]: { email, email_verified } } }
 * listens on 127.0.0.1 on a free port and prints `listening <issuer>` when ready.
 *
 * Sign-in is an interaction the test drives: `GET /interaction/<uid>?account=<id>`
 * signs that account in (an unknown id is refused with access_denied); consent
 * is granted automatically.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const setup = JSON.parse(process.env.OIDC_TEST_SETUP ?? '{}');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const server = createServer();

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: setup.clientId,
        client_secret: setup.clientSecret,
        redirect_uris: [setup.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['proficio-oidc-test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const account = setup.accounts?.[id];
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
    },
    // consent is implied: the test is about Proficio's side of the flow
    loadExistingGrant: async (ctx) => {
      const existing = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();

  server.on('request', async (request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    if (!url.pathname.startsWith('/interaction/')) return handle(request, response);
    try {
      await provider.interactionDetails(request, response);
      const account = url.searchParams.get('account') ?? '';
      const result = setup.accounts?.[account]
        ? { login: { accountId: account } }
        : { error: 'access_denied', error_description: 'The test signed in with an unknown account.' };
      await provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });
    } catch (error) {
      response.statusCode = 400;
      response.end(String(error));
    }
  });
  process.stdout.write(`listening ${issuer}\n`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
