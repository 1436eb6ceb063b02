// Indicators, measurement import and privacy-safe publication through the
// API: a Dutch Excel CSV imports exactly, a broken file is refused whole
// with row messages, re-importing changes nothing, outsiders never get a
// raw small count, and the exports open with the right numbers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { call, login, prepareDb, startKoers, tempDir } from '../lib/koers.mjs';

const USERS = [
  { email: 'lid@utrecht.test', org: 'GM0344', role: 'lid' },
  { email: 'lid@amsterdam.test', org: 'GM0363', role: 'lid' },
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let koers;
const s = {};
const api = (who, method, path, options = {}) => call(koers.url, method, `/api/v1${path}`, { session: s[who], ...options });
const upload = (who, id, body, { preview = false, type = 'text/csv' } = {}) =>
  api(who, 'POST', `/indicatoren/${id}/metingen/_import${preview ? '?voorbeeld=true' : ''}`, {
    body,
    headers: { 'content-type': type },
  });

let innovation;
async function indicator(fields) {
  const r = await api('lidA', 'POST', `/innovaties/${innovation.id}/indicatoren`, {
    json: { naam: 'Meldingen', soort: 'output', eenheid: 'aantal', richting: 'hoger', ...fields },
  });
  assert.equal(r.status, 201, r.text);
  return r.body;
}

before(async () => {
  const db = prepareDb(tempDir(), { users: USERS });
  koers = await startKoers({ db });
  s.lidA = await login(koers.url, 'lid@utrecht.test');
  s.lidB = await login(koers.url, 'lid@amsterdam.test');
  const r = await api('lidA', 'POST', '/innovaties', {
    json: { titel: 'Wijkmonitor eenzaamheid', organisatie: 'GM0344', fase: 'ontwikkeling', status: 'actief', zichtbaarheid: 'openbaar' },
  });
  assert.equal(r.status, 201, r.text);
  innovation = r.body;
});
after(() => koers?.stop());

describe('indicators', () => {
  test('are created by the team, validated in Dutch, and listed for readers', async () => {
    const bad = await api('lidA', 'POST', `/innovaties/${innovation.id}/indicatoren`, {
      json: { naam: '', soort: 'impact', eenheid: 'aantal', richting: 'omhoog', gebiedsniveau: 'WK', drempel: 0 },
    });
    assert.equal(bad.status, 400);
    const fields = bad.body.invalidParams.map((p) => p.name).sort();
    assert.deepEqual(fields, ['drempel', 'gebiedJaar', 'naam', 'richting', 'soort']);
    const made = await indicator({ naam: 'Bereikte inwoners', basisWaarde: 10, basisDatum: '2024-01-01', doelWaarde: 50, doelDatum: '2026-12-31' });
    assert.equal(made.drempel, 10, 'default threshold');
    const outsider = await api('lidB', 'POST', `/innovaties/${innovation.id}/indicatoren`, {
      json: { naam: 'x', soort: 'input', eenheid: 'uur', richting: 'lager' },
    });
    assert.equal(outsider.status, 403);
    const list = await api(undefined, 'GET', `/innovaties/${innovation.id}/indicatoren`);
    assert.equal(list.status, 200);
    assert.ok(list.body._embedded.indicatoren.some((i) => i.id === made.id));
    assert.equal(list.body.magBewerken, false);
  });

  test('a Dutch Excel CSV with BOM, CRLF and decimal commas imports exactly, and again changes nothing', async () => {
    const ind = await indicator({ naam: 'Tevredenheid', eenheid: 'cijfer', gebiedsniveau: 'GM', gebiedJaar: 2024 });
    const csv = '\ufeffPeriode;Gebied;Waarde;Aantal\r\n2024-Q1;GM0344;7,25;120\r\n2024-Q2;gm0344;"1.234,5";80\r\n2024-Q2;GM0363;6,8;45\r\n';
    const preview = await upload('lidA', ind.id, csv, { preview: true });
    assert.equal(preview.status, 200, preview.text);
    assert.equal(preview.body.voorbeeld, true);
    assert.equal(preview.body.nieuw, 3);
    assert.deepEqual(preview.body.fouten, []);
    const none = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen`);
    assert.equal(none.body.metingen.length, 0, 'a preview stores nothing');

    const first = await upload('lidA', ind.id, csv);
    assert.equal(first.status, 200, first.text);
    assert.deepEqual([first.body.nieuw, first.body.gewijzigd, first.body.ongewijzigd], [3, 0, 0]);
    const rows = (await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen`)).body.metingen;
    assert.deepEqual(
      rows.map((m) => [m.periode, m.gebied, m.waarde, m.aantal]),
      [['2024-Q1', 'GM0344', 7.25, 120], ['2024-Q2', 'GM0344', 1234.5, 80], ['2024-Q2', 'GM0363', 6.8, 45]],
    );
    assert.equal(rows[0].gebiedNaam, 'Gemeente Utrecht');
    const again = await upload('lidA', ind.id, csv);
    assert.deepEqual([again.body.nieuw, again.body.gewijzigd, again.body.ongewijzigd], [0, 0, 3]);
    const machine = await upload('lidA', ind.id, 'periode,gebied,waarde,aantal\n2024-Q1,GM0344,7.5,120\n');
    assert.deepEqual([machine.body.nieuw, machine.body.gewijzigd], [0, 1]);

    // A page of the table, read after the change: the kept table follows imports.
    const page = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen?paginaGrootte=2&pagina=1`);
    assert.equal(page.status, 200, page.text);
    assert.deepEqual([page.body.totaal, page.body.pagina, page.body.paginaGrootte, page.body.metingen.length], [3, 1, 2, 2]);
    assert.equal(page.body.metingen[0].waarde, 7.5);
    assert.match(page.body._links.next.href, /pagina=2/);
    const last = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen?paginaGrootte=2&pagina=2`);
    assert.deepEqual(last.body.metingen.map((m) => [m.periode, m.gebied]), [['2024-Q2', 'GM0363']]);
    const bad = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen?paginaGrootte=0`);
    assert.equal(bad.status, 400);
  });

  test('a table of more than 10,000 measurements comes in pages, with the totals of the whole table', async () => {
    const ind = await indicator({ naam: 'Groot', gebiedsniveau: 'GM', gebiedJaar: 2024, optelbaar: true });
    const kaart = await api(undefined, 'GET', '/kaart/gemeenten');
    const codes = kaart.body.gemeenten.map((g) => g.code);
    const lines = ['periode;gebied;waarde;aantal'];
    for (let m = 1; m <= 30; m++) for (const code of codes) lines.push(`${2000 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')};${code};1;50`);
    assert.ok(lines.length - 1 > 10000);
    assert.equal((await upload('lidA', ind.id, lines.join('\n'))).status, 200);
    const r = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen`);
    assert.equal(r.status, 200);
    assert.deepEqual([r.body.totaal, r.body.pagina, r.body.paginaGrootte, r.body.metingen.length], [lines.length - 1, 1, 100, 100]);
    assert.equal(r.body.totalen.perPeriode.length, 30, 'totals cover the whole table');
    assert.equal(r.body.totalen.perPeriode[0].waarde, codes.length);
  });

  test('a broken file is refused whole with a message per row, and nothing is stored', async () => {
    const ind = await indicator({ naam: 'Bezoekers', gebiedsniveau: 'GM', gebiedJaar: 2024 });
    const csv = 'periode;gebied;waarde\n2024;GM0344;12\n2024-13;GM0344;3\n2024;GM9999;4\n2025;GM0344;veel\n2024;GM0344;5\n';
    const r = await upload('lidA', ind.id, csv);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    const names = r.body.invalidParams.map((p) => p.name);
    assert.deepEqual(names, ['regel 3: periode', 'regel 4: gebied', 'regel 5: waarde', 'regel 6: periode']);
    assert.match(r.body.invalidParams[1].reason, /bestaat niet in de CBS-lijst van 2024/);
    assert.match(r.body.invalidParams[3].reason, /staan al op regel 2/);
    const stored = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen`);
    assert.equal(stored.body.metingen.length, 0, 'all or nothing');
    const preview = await upload('lidA', ind.id, csv, { preview: true });
    assert.equal(preview.status, 200);
    assert.equal(preview.body.aantalFouten, 4);
  });

  test('unreadable files get a clear Dutch message, never a crash', async () => {
    const ind = await indicator({ naam: 'Robuust' });
    const cases = [
      [Buffer.from('periode;waarde\n2024;\xe9\xe9n\n', 'latin1'), 'text/csv', /geen UTF-8/],
      ['periode;waarde\n2024;1;2\n', 'text/csv', /evenveel velden/],
      [Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5000, 7)]), XLSX, /geen leesbaar .xlsx/],
      [Buffer.alloc(3 << 20, 0x41), 'text/csv', /kolom 'periode' ontbreekt|langer dan/],
    ];
    for (const [body, type, message] of cases) {
      const r = await upload('lidA', ind.id, body, { type });
      assert.equal(r.status, 400, r.text.slice(0, 200));
      assert.match(r.body.detail + JSON.stringify(r.body.invalidParams ?? []), message);
    }
    const wrongType = await upload('lidA', ind.id, '{}', { type: 'application/json' });
    assert.equal(wrongType.status, 415);
    const outsider = await upload('lidB', ind.id, 'periode;waarde\n2024;1\n');
    assert.equal(outsider.status, 403);
  });

  test('outsiders get suppressed small counts, which totals cannot give away', async () => {
    const ind = await indicator({ naam: 'Hulpvragen', gebiedsniveau: 'GM', gebiedJaar: 2024, optelbaar: true, drempel: 10 });
    const csv = [
      'periode;gebied;waarde;aantal',
      '2024;GM0344;3;3', '2024;GM0363;40;40', '2024;GM0014;25;25',
      '2025;GM0344;30;30', '2025;GM0363;50;50', '2025;GM0014;12;12',
    ].join('\n');
    assert.equal((await upload('lidA', ind.id, csv)).status, 200);
    const inside = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen`);
    assert.equal(inside.body.openbaar, false);
    assert.ok(inside.body.metingen.every((m) => m.waarde !== null));

    for (const who of [undefined, 'lidB']) {
      const r = await api(who, 'GET', `/indicatoren/${ind.id}/metingen`);
      assert.equal(r.body.openbaar, true);
      assert.ok(!/"waarde":3[,}]/.test(r.text) && !/"aantal":3[,}]/.test(r.text), 'the small count never leaves the server');
      const small = r.body.metingen.find((m) => m.periode === '2024' && m.gebied === 'GM0344');
      assert.deepEqual([small.waarde, small.aantal, small.onderdrukt], [null, null, 'primair']);
      // No published total covers a hidden cell; the others stay visible.
      const lines = [
        ...r.body.totalen.perPeriode.map((t) => [t, r.body.metingen.filter((m) => m.periode === t.periode)]),
        ...r.body.totalen.perGebied.map((t) => [t, r.body.metingen.filter((m) => m.gebied === t.gebied)]),
      ];
      for (const [total, cells] of lines) {
        const hidden = cells.filter((m) => m.onderdrukt).length;
        if (!total.onderdrukt) assert.equal(hidden, 0, `total ${JSON.stringify(total)} covers a hidden cell`);
        else assert.ok(hidden > 0, `total ${JSON.stringify(total)} is hidden without need`);
      }
      assert.equal(r.body.metingen.filter((m) => m.onderdrukt).length, 1, 'only the small count is hidden');
    }
  });

  test('exports open with the right numbers: xlsx read back, CSV for Excel, JSON; outsiders get the safe version', async () => {
    const ind = await indicator({ naam: 'Uitgekeerd bedrag', eenheid: 'euro', optelbaar: true });
    assert.equal((await upload('lidA', ind.id, 'periode;waarde;aantal\n2024-01;1234,5;200\n2024-02;-7,25;4\n')).status, 200);

    const res = await fetch(`${koers.url}/api/v1/indicatoren/${ind.id}/metingen/_export?formaat=xlsx`, {
      headers: { cookie: s.lidA.cookie },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), XLSX);
    assert.match(res.headers.get('content-disposition'), /attachment; filename="uitgekeerd-bedrag.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()));
    const sheet = book.worksheets[0];
    const values = [];
    sheet.eachRow((row) => values.push(Array.from(row.values).slice(1)));
    assert.deepEqual(values[0], ['indicator', 'eenheid', 'periode', 'gebied', 'waarde', 'aantal', 'onderdrukt']);
    assert.deepEqual(values[1], ['Uitgekeerd bedrag', 'euro', '2024-01', undefined, 1234.5, 200, 'nee']);
    assert.deepEqual(values[2], ['Uitgekeerd bedrag', 'euro', '2024-02', undefined, -7.25, 4, 'nee']);

    const csv = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen/_export?formaat=csv-nl`);
    const raw = await fetch(`${koers.url}/api/v1/indicatoren/${ind.id}/metingen/_export?formaat=csv-nl`, {
      headers: { cookie: s.lidA.cookie },
    });
    assert.deepEqual([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf], 'BOM for Excel');
    assert.ok(csv.text.includes('Uitgekeerd bedrag;euro;2024-01;;1234,5;200;nee\r\n'), csv.text);
    const machine = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen/_export?formaat=csv`);
    assert.ok(machine.text.includes('Uitgekeerd bedrag,euro,2024-02,,-7.25,4,nee\n'), machine.text);
    const outside = await api('lidB', 'GET', `/indicatoren/${ind.id}/metingen/_export?formaat=json`);
    const cells = outside.body;
    assert.equal(cells[1].waarde, null, 'the cell of 4 people is suppressed in the export');
    assert.equal(cells[0].waarde, 1234.5, 'the cell of 200 people is not (the export has no totals)');
    const wrong = await api('lidA', 'GET', `/indicatoren/${ind.id}/metingen/_export?formaat=pdf`);
    assert.equal(wrong.status, 400);
  });

  test('innovations export respects visibility and defuses formulas', async () => {
    const r = await api('lidA', 'POST', '/innovaties', {
      json: { titel: '=HYPERLINK("http://x")', organisatie: 'GM0344', fase: 'idee', status: 'actief', zichtbaarheid: 'organisatie' },
    });
    assert.equal(r.status, 201, r.text);
    const inside = await api('lidA', 'GET', '/innovaties/_export?formaat=csv-nl&organisatie=GM0344');
    assert.ok(inside.text.includes(`${r.body.id};"'=HYPERLINK(""http://x"")"`), inside.text.slice(0, 400));
    const outside = await api('lidB', 'GET', '/innovaties/_export?formaat=json&organisatie=GM0344');
    assert.equal(outside.status, 200);
    assert.ok(!outside.body.some((row) => row.id === r.body.id), 'an outsider does not get the organisation-only innovation');
    assert.ok(outside.body.some((row) => row.id === innovation.id));
  });

  test('the dashboard counts phases and lists the portfolio, the value totals and the latest indicator values', async () => {
    const bc = await api('lidA', 'PUT', `/innovaties/${innovation.id}/businesscase`, {
      json: {
        kosten: [{ fase: 'ontwikkeling', extern: 10000, interneUren: 100 }],
        baten: [{ omschrijving: 'minder huisbezoeken', bedragPerJaar: 8000, gerealiseerdPerJaar: 5000 }],
      },
    });
    assert.equal(bc.status, 200, bc.text);
    const exported = await api('lidA', 'GET', '/innovaties/_export?formaat=json&organisatie=GM0344');
    const row = exported.body.find((x) => x.id === innovation.id);
    assert.deepEqual([row.batenGeschatPerJaar, row.batenGerealiseerdPerJaar], [8000, 5000]);
    const r = await api('lidA', 'GET', '/organisaties/GM0344/dashboard');
    assert.deepEqual(r.body.waarde, {
      kostenExtern: 10000, interneUren: 100, kostenIntern: 8500, uurtarief: 85,
      batenGeschatPerJaar: 8000, besparingPerJaar: 0, batenGerealiseerdPerJaar: 5000,
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.organisatie.naam, 'Gemeente Utrecht');
    assert.equal(r.body.fasen.find((f) => f.fase === 'ontwikkeling').aantal >= 1, true);
    assert.ok(r.body.portfolio.some((p) => p.id === innovation.id));
    const latest = r.body.indicatoren.find((i) => i.naam === 'Uitgekeerd bedrag');
    assert.deepEqual([latest.laatstePeriode, latest.laatsteWaarde], ['2024-02', -7.25]);
  });

  test('adopting with a new innovation copies the indicator definitions, not the measurements; advice sees outcome indicators', async () => {
    const before = await api('lidA', 'GET', `/innovaties/${innovation.id}/advies`);
    const lacks = (r) => JSON.stringify(r.body).includes('nog geen indicator vastgelegd');
    const hadNone = lacks(before);
    await indicator({ naam: 'Minder eenzaamheid', soort: 'outcome', eenheid: '%', richting: 'lager', basisWaarde: 12, basisDatum: '2024-01-01' });
    const after = await api('lidA', 'GET', `/innovaties/${innovation.id}/advies`);
    assert.equal(after.status, 200);
    assert.equal(lacks(after), false, 'the advice no longer says an outcome indicator is missing');
    assert.ok(hadNone, 'before, it did');

    const adopt = await api('lidB', 'POST', '/adopties', {
      json: { bron: innovation.id, organisatie: 'GM0363', status: 'in_uitvoering', datum: '2026-11-01', maakInnovatie: true },
    });
    assert.equal(adopt.status, 201, adopt.text);
    const copied = await api('lidB', 'GET', `/innovaties/${adopt.body.innovatie.id}/indicatoren`);
    const names = copied.body._embedded.indicatoren.map((i) => i.naam);
    assert.ok(names.includes('Minder eenzaamheid') && names.includes('Tevredenheid'), names.join(', '));
    const outcome = copied.body._embedded.indicatoren.find((i) => i.naam === 'Minder eenzaamheid');
    assert.equal(outcome.basisWaarde, null, 'the baseline is the source\'s, not the adopter\'s');
    const cells = await api('lidB', 'GET', `/indicatoren/${copied.body._embedded.indicatoren.find((i) => i.naam === 'Tevredenheid').id}/metingen`);
    assert.equal(cells.body.metingen.length, 0);
    assert.equal(copied.body.magBewerken, true);
  });
});
