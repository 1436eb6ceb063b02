// A page that explains why the requested content could not be shown.
import { html } from 'lit';
import type { ProblemDetails } from '../lib/api';
import { renderPage } from '../components/page-shell/page-shell';

export function problemPage(title: string, problem: ProblemDetails): void {
  const heading = problem.status === 404 ? 'Niet gevonden' : title;
  renderPage(
    heading,
    html`
      <h1 class="utrecht-heading-1">${heading}</h1>
      <div class="utrecht-alert utrecht-alert--warning" role="status">
        <p class="utrecht-paragraph">${problem.detail}</p>
      </div>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/">Naar de startpagina</a></p>
    `,
  );
}

export function notFoundPage(): void {
  problemPage('Niet gevonden', { status: 404, title: 'Niet gevonden', detail: 'Deze pagina bestaat niet.' });
}
