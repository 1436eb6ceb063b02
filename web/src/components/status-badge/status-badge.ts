// Phase and status of an innovation as two small labelled badges.
import { html, type TemplateResult } from 'lit';
import { label } from '../../lib/vocab';

export function phaseBadges(fase: string, status: string): TemplateResult {
  return html`<span class="koers-badges">
    <span class="utrecht-badge-data koers-badge koers-badge--fase-${fase}"><span class="koers-visually-hidden">Fase: </span>${label('fase', fase)}</span>
    <span class="utrecht-badge-data koers-badge koers-badge--status-${status}"><span class="koers-visually-hidden">Status: </span>${label('status', status)}</span>
  </span>`;
}
