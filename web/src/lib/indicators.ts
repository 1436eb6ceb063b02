// Indicators and their measurements as the API gives them (issue "Value and
// outcome"), and helpers to show them: period order and labels, numbers with
// their unit, export links.
import { formatNumber } from './format';

export type Soort = 'input' | 'output' | 'outcome';
export type Gebiedsniveau = 'geen' | 'GM' | 'WK' | 'BU';

export interface Indicator {
  id: number;
  innovatieId: number;
  naam: string;
  soort: Soort;
  eenheid: string;
  richting: 'hoger' | 'lager';
  basisWaarde: number | null;
  basisDatum: string | null;
  doelWaarde: number | null;
  doelDatum: string | null;
  bron: string | null;
  gebiedsniveau: Gebiedsniveau;
  gebiedJaar: number | null;
  drempel: number;
  optelbaar: boolean;
  versie: number;
  aangemaaktOp: string | null;
  gewijzigdOp: string | null;
}

export interface IndicatorLijst {
  _embedded: { indicatoren: Indicator[] };
  magBewerken: boolean;
}

export interface Meting {
  periode: string;
  gebied: string;
  gebiedNaam: string | null;
  waarde: number | null;
  aantal: number | null;
  onderdrukt: null | 'primair';
}

export interface Totalen {
  perPeriode: { periode: string; waarde: number | null; onderdrukt: boolean }[];
  perGebied: { gebied: string; gebiedNaam: string | null; waarde: number | null; onderdrukt: boolean }[];
}

export interface Metingen {
  indicator: Indicator;
  openbaar: boolean;
  metingen: Meting[];
  totalen: Totalen | null;
}

export interface ImportFout {
  regel: number;
  veld: string;
  melding: string;
}

export interface ImportResultaat {
  voorbeeld: boolean;
  regels: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  fouten: ImportFout[];
  aantalFouten?: number; // all errors; `fouten` may list only the first
  genegeerdeKolommen?: string[]; // columns the import does not know
  metingen: { periode: string; gebied: string; waarde: number; aantal: number | null }[];
}

export const SOORTEN: { waarde: Soort; label: string; uitleg: string }[] = [
  { waarde: 'input', label: 'Input', uitleg: 'wat erin gaat: geld, uren, data' },
  { waarde: 'output', label: 'Output', uitleg: 'wat de innovatie maakt of doet: producten, aantallen' },
  { waarde: 'outcome', label: 'Outcome', uitleg: 'het effect voor inwoners, organisatie of samenleving' },
];

export const GEBIEDSNIVEAUS: { waarde: Gebiedsniveau; label: string }[] = [
  { waarde: 'geen', label: 'Geen gebieden' },
  { waarde: 'GM', label: 'Gemeenten (GM)' },
  { waarde: 'WK', label: 'Wijken (WK)' },
  { waarde: 'BU', label: 'Buurten (BU)' },
];

export const soortLabel = (s: string) => SOORTEN.find((x) => x.waarde === s)?.label ?? s;
export const richtingLabel = (r: string) => (r === 'lager' ? 'lager is beter' : 'hoger is beter');

// Sort key of a period: its first day (2024 -> 2024-01-01, 2024-Q3 ->
// 2024-07-01, 2024-07 -> 2024-07-01), then the longer period first.
export function periodKey(p: string): string {
  if (/^\d{4}$/.test(p)) return `${p}-01-01 0`;
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01 1`;
  return `${p}-01 2`;
}

export const byPeriod = (a: string, b: string) => periodKey(a).localeCompare(periodKey(b));

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

// 2024-Q3 -> "3e kwartaal 2024", 2024-07 -> "juli 2024", 2024 -> "2024".
export function periodLabel(p: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `${q[2]}e kwartaal ${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  return p;
}

// A value with its unit: "12,5 %", "€ 1.200", "3 dagen".
export function withUnit(v: number | null | undefined, eenheid: string): string {
  if (v === null || v === undefined) return '–';
  const e = eenheid.trim();
  if (e === '%') return `${formatNumber(v)}%`;
  if (e.toLowerCase() === 'euro' || e === '€') return `€ ${formatNumber(v)}`;
  return e ? `${formatNumber(v)} ${e}` : formatNumber(v);
}

export const EXPORT_FORMATS: { formaat: string; label: string }[] = [
  { formaat: 'csv-nl', label: 'CSV voor Excel' },
  { formaat: 'csv', label: 'CSV' },
  { formaat: 'xlsx', label: 'Excel (.xlsx)' },
  { formaat: 'json', label: 'JSON' },
];

// The MIME type the import endpoint expects for a chosen file.
export function importType(name: string): string {
  return /\.xlsx$/i.test(name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
}

// The latest value of an indicator as one number: the single series when it
// has no areas, else the total of all areas when values add up. 'gebieden'
// when there is no single number (values per area that do not add up).
export function latestValue(ind: Indicator, m: Metingen): { periode: string; waarde: number } | 'gebieden' | null {
  let series: { periode: string; waarde: number | null }[];
  if (ind.gebiedsniveau === 'geen') series = m.metingen;
  else if (m.totalen) series = m.totalen.perPeriode;
  else return m.metingen.length ? 'gebieden' : null;
  const known = series.filter((x): x is { periode: string; waarde: number } => x.waarde !== null);
  if (!known.length) return null;
  return known.reduce((a, b) => (byPeriod(a.periode, b.periode) >= 0 ? a : b));
}
