// A small OpenID Connect identity provider for the tests, following the
// standard where Koers depends on it: discovery, the authorization code flow
// with PKCE (S256), client_secret_basic at the token endpoint, RS256 ID
// tokens and a JWKS. It logs in whichever user the test sets, without a
// form. Listens on 127.0.0.1 only. Test code, not part of Koers.
import { createServer } from 'node:http';
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

const b64url = (buf) => Buffer.from(buf).toString('base64url');

export async function startProvider({ clientId = 'koers', clientSecret = 'geheim-van-de-client' } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'proefsleutel-1';
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const codes = new Map();
  const provider = {
    clientId,
    clientSecret,
    redirectUri: null,  // set by the test once Koers's address is known
    user: { sub: 'medewerker-1', email: 'medewerker@utrecht.test', name: 'Mila Medewerker', groups: [] },
    // Knobs for tests of Koers's checks.
    tamper: {},
    requests: [],
  };

  function idToken(claims, key = privateKey) {
    const header = { alg: 'RS256', typ: 'JWT', kid };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    return `${input}.${b64url(sign('RSA-SHA256', Buffer.from(input), key))}`;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, provider.issuer);
    provider.requests.push(`${req.method} ${url.pathname}`);
    const json = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: provider.issuer,
        authorization_endpoint: `${provider.issuer}/authorize`,
        token_endpoint: `${provider.issuer}/token`,
        jwks_uri: `${provider.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        scopes_supported: ['openid', 'email', 'profile'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const bad = (why) => json(400, { error: 'invalid_request', error_description: why });
      if (q.get('response_type') !== 'code') return bad('response_type');
      if (q.get('client_id') !== clientId) return bad('client_id');
      if (q.get('redirect_uri') !== provider.redirectUri) return bad('redirect_uri');
      if (!q.get('scope')?.split(' ').includes('openid')) return bad('scope');
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return bad('pkce');
      if (!q.get('state') || !q.get('nonce')) return bad('state/nonce');
      const code = b64url(randomBytes(24));
      codes.set(code, { challenge: q.get('code_challenge'), nonce: q.get('nonce'), redirect: q.get('redirect_uri'), user: { ...provider.user } });
      const back = new URL(provider.redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state'));
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const auth = req.headers.authorization ?? '';
        const [id, secret] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString().split(':').map(decodeURIComponent);
        if (id !== clientId || secret !== clientSecret) return json(401, { error: 'invalid_client' });
        const entry = codes.get(form.get('code'));
        codes.delete(form.get('code'));  // one use only
        if (form.get('grant_type') !== 'authorization_code' || !entry) return json(400, { error: 'invalid_grant' });
        if (form.get('redirect_uri') !== entry.redirect) return json(400, { error: 'invalid_grant' });
        const challenge = b64url(createHash('sha256').update(form.get('code_verifier') ?? '').digest());
        if (challenge !== entry.challenge) return json(400, { error: 'invalid_grant', error_description: 'pkce' });
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          iss: provider.issuer,
          sub: entry.user.sub,
          aud: clientId,
          iat: now,
          exp: now + 300,
          nonce: entry.nonce,
          email: entry.user.email,
          name: entry.user.name,
          groups: entry.user.groups,
          ...provider.tamper.claims,
        };
        const key = provider.tamper.otherKey ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : privateKey;
        return json(200, { access_token: b64url(randomBytes(24)), token_type: 'Bearer', expires_in: 300, id_token: idToken(claims, key) });
      });
      return undefined;
    }
    return json(404, { error: 'not_found' });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  provider.issuer = `http://127.0.0.1:${server.address().port}`;
  provider.stop = () => new Promise((r) => server.close(r));
  return provider;
}
