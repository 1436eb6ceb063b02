// Entry point of the Koers front end: loads the value lists and starts the
// router. Every page is a function that fetches from the public API and
// renders with lit-html.
import { loadVocabularies } from './lib/vocab';
import { loadSession } from './lib/session';
import { addRoute, setNotFound, startRouter } from './lib/router';
import { startPage } from './pages/start';
import { listPage } from './pages/innovaties-lijst';
import { detailPage } from './pages/innovatie-detail';
import { formPage } from './pages/innovatie-form';
import { organisationPage, organisationsPage } from './pages/organisaties';
import { notFoundPage } from './pages/problem';
import { loginPage } from './pages/inloggen';
import { accountPage } from './pages/account';
import { auditPage, userPage, usersPage } from './pages/beheer';
import { steeringPage } from './pages/sturing';
import { reviewPage } from './pages/beoordeling';
import { reportPage } from './pages/rapport';
import { funnelPage, steeringOverviewPage, waitingPage } from './pages/funnel';
import { searchPage } from './pages/zoeken';
import { clusterPage, clustersPage } from './pages/clusters';
import { adviceReportPage, climatePage, diagnosePage, lessonsPage } from './pages/diagnose';
import { indicatorsPage } from './pages/indicatoren';
import { dashboardPage } from './pages/dashboard';

addRoute('/', startPage);
addRoute('/innovaties', listPage);
addRoute('/innovaties/nieuw', formPage);
addRoute('/innovaties/:id', detailPage);
addRoute('/innovaties/:id/bewerken', formPage);
addRoute('/organisaties', organisationsPage);
addRoute('/organisaties/:code', organisationPage);
addRoute('/organisaties/:code/funnel', funnelPage);
addRoute('/organisaties/:code/sturing', steeringOverviewPage);
addRoute('/organisaties/:code/ter-besluit', waitingPage);
addRoute('/innovaties/:id/sturing', steeringPage);
addRoute('/innovaties/:id/rapport', reportPage);
addRoute('/innovaties/:id/diagnose', diagnosePage);
addRoute('/innovaties/:id/adviesrapport', adviceReportPage);
addRoute('/organisaties/:code/klimaat', climatePage);
addRoute('/organisaties/:code/lessen', lessonsPage);
addRoute('/organisaties/:code/dashboard', dashboardPage);
addRoute('/innovaties/:id/indicatoren', indicatorsPage);
addRoute('/lessen', lessonsPage);
addRoute('/innovaties/:id/beoordelingen/nieuw', reviewPage);
addRoute('/innovaties/:id/beoordelingen/:beoordeling', reviewPage);
addRoute('/inloggen', loginPage);
addRoute('/zoeken', searchPage);
addRoute('/clusters', clustersPage);
addRoute('/clusters/:id', clusterPage);
addRoute('/account', accountPage);
addRoute('/beheer/gebruikers', usersPage);
addRoute('/beheer/gebruikers/:id', userPage);
addRoute('/beheer/audit', auditPage);
setNotFound(notFoundPage);

void Promise.all([loadVocabularies(), loadSession()]).then(startRouter);
