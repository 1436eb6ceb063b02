// Logging in through the organisation in a real browser: the button on the
// login page, a certified OpenID provider (npm oidc-provider) that releases
// e-mail, name and groups only at UserInfo, and the role map applied.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, freePort, startKoers } from '../lib/koers.mjs';
import { startCertifiedProvider } from '../lib/certified-idp.mjs';
import { assertAccessible, launchBrowser, newPage } from '../lib/browser.mjs';

let idp;
let koers;
let browser;
before(async () => {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/auth/oidc/terugkeer`;
  idp = await startCertifiedProvider({ redirectUri });
  koers = await startKoers({
    port,
    extraArgs: [
      '--oidc-issuer', idp.issuer,
      '--oidc-client-id', idp.clientId,
      '--oidc-redirect-uri', redirectUri,
      '--oidc-scopes', 'openid email profile groups',
      '--oidc-role-map', 'koers-leden-utrecht=lid@GM0344',
    ],
    env: { KOERS_OIDC_CLIENT_SECRET: idp.clientSecret },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await koers?.stop();
  await idp?.stop();
});

test('clicking “Inloggen via uw organisatie” logs in with the name and roles the provider gives', async () => {
  idp.user = { sub: 'browser-1', email: 'bo@utrecht.test', name: 'Bo Bakker', groups: ['koers-leden-utrecht'] };
  const page = await newPage(browser, koers.url);
  await page.goto('/inloggen?terug=/innovaties');
  await assertAccessible(page, 'the login page with OIDC');
  await page.getByRole('link', { name: 'Inloggen via uw organisatie' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/innovaties');
  const cookies = await page.context().cookies(koers.url);
  const session = cookies.find((c) => c.name.endsWith('koers-sessie'));
  assert.ok(session, 'a session cookie');
  assert.ok(!cookies.some((c) => c.name === 'koers-oidc'), 'no state cookie left');
  const me = await call(koers.url, 'GET', '/api/v1/sessie', { headers: { cookie: `${session.name}=${session.value}` } });
  assert.equal(me.body.gebruiker.naam, 'Bo Bakker');
  assert.equal(me.body.gebruiker.email, 'bo@utrecht.test');
  assert.deepEqual(me.body.gebruiker.rollen.map((g) => `${g.rol}@${g.organisatie}`), ['lid@GM0344']);
  assert.deepEqual(page.errors, []);
});
