// The one way the front end talks to Koers: the public API under /api/v1.
// Every answer comes back as ApiResult; errors carry the problem+json body.
// Changes carry the session's CSRF token.
import { session } from './session';

export interface InvalidParam {
  name: string;
  reason: string;
}

export interface ProblemDetails {
  title: string;
  status: number;
  detail: string;
  invalidParams?: InvalidParam[];
}

export type ApiResult<T> =
  | { ok: true; status: number; body: T; etag: string | null }
  | { ok: false; status: number; problem: ProblemDetails };

const BASE = '/api/v1';

function offlineProblem(): ProblemDetails {
  return {
    title: 'Geen verbinding',
    status: 0,
    detail: 'Koers is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
  };
}

export async function apiRequest<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  const init: RequestInit = {
    method,
    headers: { Accept: 'application/json', ...headers },
    credentials: 'same-origin',
  };
  if (body instanceof Blob) {
    // A file goes as it is (imports); its type says how to read it.
    (init.headers as Record<string, string>)['Content-Type'] = body.type || 'application/octet-stream';
    init.body = body;
  } else if (body !== undefined) {
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const csrf = session().csrfToken;
  if (method !== 'GET' && csrf) (init.headers as Record<string, string>)['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(BASE + path, init);
  } catch {
    return { ok: false, status: 0, problem: offlineProblem() };
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (response.ok) {
    return { ok: true, status: response.status, body: parsed as T, etag: response.headers.get('ETag') };
  }
  const problem = (parsed as ProblemDetails) ?? {
    title: 'Fout',
    status: response.status,
    detail: `De server antwoordde met status ${response.status}.`,
  };
  return { ok: false, status: response.status, problem };
}

export const apiGet = <T>(path: string) => apiRequest<T>('GET', path);

export interface Link {
  href: string;
}

export interface Page<T> {
  totaal: number;
  pagina: number;
  paginaGrootte: number;
  _links: { self: Link; first: Link; last: Link; prev?: Link; next?: Link };
  _embedded: Record<string, T[]>;
}

export interface Bron {
  register: string;
  id: string;
  url: string | null;
  status?: string | null;
  registratieDatum?: string | null;
}

export interface TeamLid {
  naam: string;
  rol: string;
  archetypen: string[];
  gebruiker?: string | null;
}

export interface FaseWijziging {
  fase: string;
  status: string;
  op: string;
  door: string | null;
  reden: string | null;
}

export interface InnovatieSamenvatting {
  id: number;
  titel: string;
  korteBeschrijving: string | null;
  organisatie: string;
  organisatieNaam: string | null;
  domein: string | null;
  fase: string;
  status: string;
  innovatieType: string | null;
  innovatieNiveau: string | null;
  zichtbaarheid: string;
  bron: Bron | null;
  referentie: string | null;
  gewijzigdOp: string | null;
  // Not (yet) in the list's summaries; shown in the catalogue once it is.
  waardecreatie?: string | null;
}

export interface Innovatie {
  id: number;
  titel: string;
  samenvatting: string | null;
  opgave: string | null;
  urgentie: string | null;
  doel: string | null;
  organisatie: string;
  organisatieNaam: string | null;
  partners: string[];
  partnersMetBewerkrecht: string[];
  domein: string | null;
  tags: string[];
  fase: string;
  status: string;
  innovatieType: string | null;
  innovatieNiveau: string | null;
  trl: number | null;
  analyseNiveau: string | null;
  orientatie: string | null;
  waardeSoorten: string[];
  waardecreatie: string | null;
  waardepotentie: string | null;
  startDatum: string | null;
  kostenExtern: number | null;
  interneUren: number | null;
  inkoopRoute: string | null;
  technieken: string[];
  databronnen: string[];
  team: TeamLid[];
  zichtbaarheid: string;
  bron: Bron | null;
  // For an algorithm: its fields for the Algoritmeregister.
  publicatie: Record<string, unknown> | null;
  laatstBevestigdOp: string | null;
  herzienOp: string | null;
  referentie: string | null;
  opgeschaaldNaar: string[];
  versie: number;
  aangemaaktOp: string | null;
  gewijzigdOp: string | null;
  faseHistorie: FaseWijziging[];
}

export interface Organisatie {
  code: string;
  naam: string;
  soort: string;
  tooi: string | null;
}
