// Who is logged in, as the server says (/api/v1/sessie), and the CSRF token
// that every change from the browser must carry.

export interface RolToekenning {
  id: number;
  organisatie: string;
  rol: string;
}

export interface Gebruiker {
  id: number;
  email: string;
  naam: string;
  actief: boolean;
  landelijkBeheerder: boolean;
  heeftWachtwoord: boolean;
  oidcGekoppeld: boolean;
  rollen: RolToekenning[];
  aangemaaktOp: string | null;
  laatstIngelogdOp: string | null;
}

export interface Sessie {
  ingelogd: boolean;
  gebruiker: Gebruiker | null;
  csrfToken: string | null;
  oidcBeschikbaar: boolean;
}

let current: Sessie = { ingelogd: false, gebruiker: null, csrfToken: null, oidcBeschikbaar: false };

export const session = (): Sessie => current;
export const setSession = (s: Sessie): void => {
  current = s;
};

export async function loadSession(): Promise<void> {
  try {
    const r = await fetch('/api/v1/sessie', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (r.ok) current = (await r.json()) as Sessie;
  } catch {
    /* offline: stay anonymous */
  }
}

export function hasRole(org: string, ...roles: string[]): boolean {
  const g = current.gebruiker;
  if (!g) return false;
  if (g.landelijkBeheerder) return true;
  return g.rollen.some((r) => r.organisatie === org && roles.includes(r.rol));
}

export function isManager(): boolean {
  const g = current.gebruiker;
  return !!g && (g.landelijkBeheerder || g.rollen.some((r) => r.rol === 'beheerder'));
}

// May the signed-in user edit this innovation? Members (lid, beheerder) of
// the owner and its project leader; the server checks again.
export function canEditInnovation(i: { organisatie: string; partnersMetBewerkrecht?: string[]; team: { rol: string; gebruiker?: string | null }[] }): boolean {
  return canEditCircle(i) || (i.partnersMetBewerkrecht ?? []).some((p) => hasRole(p, 'lid', 'beheerder'));
}

// Whether the user decides who is in the circle (owner, partners, edit
// rights, visibility): only the owner's side, as the server checks.
export function canEditCircle(i: { organisatie: string; team: { rol: string; gebruiker?: string | null }[] }): boolean {
  const me = current.gebruiker;
  if (!me) return false;
  return hasRole(i.organisatie, 'lid', 'beheerder') || i.team.some((m) => m.gebruiker === me.email && m.rol === 'projectleider');
}
