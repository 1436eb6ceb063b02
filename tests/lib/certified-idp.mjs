// A certified OpenID Connect provider for the tests: the npm package
// oidc-provider (OpenID Certified), not code of ours, on 127.0.0.1. Only its
// interaction step (login and consent) is the test's: it signs in whichever
// user the test has set, without a form, so API tests and browser tests walk
// the provider's real flow: discovery, authorization with PKCE, the token
// endpoint with client_secret_basic, RS256 ID tokens, UserInfo, RFC 9207.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

function newKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: `sleutel-${randomUUID()}`, use: 'sig', alg: 'RS256' };
}

// `claimsInIdToken`: also put e-mail, name and groups in the ID token
// (by default, as OIDC Core 5.4 has it, they come only from UserInfo).
// `userinfo: false` switches the UserInfo endpoint off.
export async function startCertifiedProvider({
  clientId = 'koers',
  clientSecret = 'geheim-van-de-client-met-lengte',
  redirectUri,
  claimsInIdToken = false,
  userinfo = true,
} = {}) {
  const accounts = new Map();  // sub -> the profile it logged in with
  const idp = {
    clientId,
    clientSecret,
    user: { sub: 'medewerker-1', email: 'medewerker@utrecht.test', name: 'Mila Medewerker', groups: [] },
    keys: [newKey()],
    requests: [],
  };
  const make = () =>
    new Provider(idp.issuer, {
      clients: [{
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      }],
      jwks: { keys: idp.keys },
      cookies: { keys: ['proef-cookiesleutel-1'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
      scopes: ['openid', 'email', 'profile', 'groups'],
      conformIdTokenClaims: !claimsInIdToken,
      features: { devInteractions: { enabled: false }, userinfo: { enabled: userinfo } },
      interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
      async findAccount(ctx, sub) {
        const profile = accounts.get(sub);
        if (!profile) return undefined;
        return { accountId: sub, claims: async () => ({ sub, email: profile.email, email_verified: true, name: profile.name, groups: profile.groups }) };
      },
    });

  let provider;
  const server = createServer(async (req, res) => {
    idp.requests.push(`${req.method} ${req.url.split('?')[0]}`);
    if (!req.url.startsWith('/interaction/')) return provider.callback()(req, res);
    try {
      const { prompt, params, session, grantId } = await provider.interactionDetails(req, res);
      if (prompt.name === 'login') {
        accounts.set(idp.user.sub, { ...idp.user });
        return await provider.interactionFinished(req, res, { login: { accountId: idp.user.sub } }, { mergeWithLastSubmission: false });
      }
      const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
      if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
      if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
      return await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  idp.issuer = `http://127.0.0.1:${server.address().port}`;
  provider = make();
  // A new signing key; the old one stays published a while, as providers do.
  idp.rotateKeys = ({ dropOld = false } = {}) => {
    idp.keys = dropOld ? [newKey()] : [newKey(), ...idp.keys];
    provider = make();
  };
  idp.stop = () => new Promise((r) => server.close(r));
  return idp;
}
