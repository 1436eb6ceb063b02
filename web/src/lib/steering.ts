// Types and labels of the steering resources of the API.
import { formatEuro } from './format';
import { label } from './vocab';
import type { Volgende } from './learning';

export interface Score {
  score: number | null;
  onderbouwing?: string;
  toelichting?: string;
}

export interface Beoordeling {
  id: number;
  innovatie: number;
  fase: string;
  status: 'concept' | 'vastgesteld';
  pijlers: Record<string, Score>;
  schaduwkanten: Record<string, Score>;
  besluit: string | null;
  terugNaar: string | null;
  motivering: string | null;
  besluitvormers: string[];
  budget: number | null;
  doorlooptijdMaanden: number | null;
  volgendeBeoordeling: string | null;
  opgesteldDoor: string | null;
  opgesteldOp: string | null;
  vastgesteldDoor: string | null;
  vastgesteldOp: string | null;
  versie: number;
}

export interface Onzekerheid {
  id: number;
  soort: 'onbekende' | 'risico';
  titel: string;
  omschrijving: string | null;
  eigenaar: string | null;
  status: string;
  volgorde: number;
  uitkomst: string | null;
}

export interface Pitch {
  versie: number;
  behoeften: string | null;
  aanpak: string | null;
  voordelen: string | null;
  alternatieven: string | null;
  op: string | null;
  door: string | null;
}

export interface Businesscase {
  kosten: { fase: string; extern: number | null; interneUren: number | null }[];
  // bedragPerJaar is the estimate; gerealiseerdPerJaar what the benefit
  // really yields once measured.
  baten: { omschrijving: string; bedragPerJaar: number | null; gerealiseerdPerJaar: number | null; aanname: string | null }[];
  stoplijst: { wat: string; vrijgekomen: string | null; besparingPerJaar: number | null }[];
  uurtarief: number | null;
  versie: number;
  totalen: {
    kostenExtern: number;
    interneUren: number;
    kostenIntern: number;
    uurtarief: number;
    batenPerJaar: number;
    gerealiseerdPerJaar: number | null; // null when no benefit has a realised amount
    besparingPerJaar: number;
    terugverdientijdJaren: number | null;
  };
}

export interface SturingInnovatie {
  tijdPerFase: { fase: string; dagen: number; huidig: boolean }[];
  doorlooptijd: { jaren: number; implementatieBereikt: boolean; verwacht: { minJaren: number; maxJaren: number } | null; overschreden: boolean };
  volgendeBeoordeling: string | null;
  achterstallig: boolean;
  terugblik: Volgende;
}

export const PILLARS: [string, string, string][] = [
  ['publiekeWaarde', 'Publieke waarde', 'Wat levert het inwoners en de stad op, en hoe weten we dat?'],
  ['gebruikswaarde', 'Gebruikswaarde', 'Gebruiken medewerkers of inwoners het echt, en helpt het hen?'],
  ['technischeAanpak', 'Technische aanpak', 'Werkt het betrouwbaar, is de data op orde en is het te beheren?'],
  ['kosten', 'Kosten', 'Blijven de kosten binnen wat de waarde rechtvaardigt?'],
];

export const DARK_SIDES: [string, string][] = [
  ['verliesVanStabiliteit', 'Verlies van stabiliteit in het werk of de dienstverlening'],
  ['onrechtmatigHandelen', 'Onrechtmatig handelen, zoals een inbreuk op privacy'],
  ['integriteit', 'Integriteit'],
  ['verspillingPubliekGeld', 'Verspilling van publiek geld'],
  ['verdringingLokaalInitiatief', 'Verdringing van lokale initiatieven'],
  ['machtsverschuiving', 'Verschuiving van macht'],
  ['schadeBelanghebbenden', 'Schade aan belanghebbenden'],
  ['technocratischeDominantie', 'Technocratische dominantie'],
  ['onvoorzieneVeiligheidsrisicos', 'Onvoorziene veiligheidsrisico’s'],
];

export const DECISIONS: Record<string, string> = { go: 'GO', go_back: 'GO BACK', hold: 'HOLD', no_go: 'NO GO' };
export const DECISION_HELP: Record<string, string> = {
  go: 'door naar de volgende fase',
  go_back: 'een pijler vraagt meer werk: terug naar de vorige fase of in deze fase blijven',
  hold: 'pauzeren',
  no_go: 'stoppen',
};
export const UNCERTAINTY_STATUS: Record<string, string> = { open: 'Open', in_aanpak: 'In aanpak', opgelost: 'Opgelost', geaccepteerd: 'Geaccepteerd' };
export const STAGES: [string, string][] = [
  ['agendering_en_coalitievorming', 'Agendering en coalitievorming'],
  ['experimenteren', 'Experimenteren'],
  ['verbreden', 'Verbreden'],
  ['verankeren', 'Verankeren'],
  ['het_nieuwe_normaal', 'Het nieuwe normaal'],
];

// The benefits of a business case as table rows: estimated next to realised.
export const BENEFIT_HEADERS = ['Baat', 'Geschat per jaar', 'Gerealiseerd per jaar', 'Aanname'];
export function benefitRows(b: Businesscase): string[][] {
  const euro = (n: number | null) => (n != null ? formatEuro(n) : '–');
  return b.baten.map((x) => [x.omschrijving, euro(x.bedragPerJaar), euro(x.gerealiseerdPerJaar), x.aanname ?? '–']);
}

// Whether a business case has been filled in at all (version 0: never saved).
export const hasBusinessCase = (b: Businesscase) => b.versie > 0 || b.kosten.length > 0 || b.baten.length > 0 || b.stoplijst.length > 0;

export const phaseLabel = (fase: string) => label('fase', fase);
export const days = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagen'}`;
