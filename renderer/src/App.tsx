import { useEffect, useState } from 'react';
import type { ExportFormat } from '../../shared/export/formats';
import { onFileGone } from './api/client';
import { onWindowCommand } from './api/transport';
import { ActorPage } from './actors/ActorPage';
import { ExportDialog } from './export/ExportDialog';
import { AnnotationImportDialog } from './library/AnnotationImportDialog';
import { PreferencesDialog } from './preferences/PreferencesDialog';
import { UndoRedo } from './history/UndoRedo';
import { JobsPanel } from './jobs/JobsPanel';
import { LibraryView } from './library/LibraryView';
import { LinkBar } from './links/LinkBar';
import { CandidatesView } from './review/CandidatesView';
import { ReviewView } from './review/ReviewView';
import { ReadingView } from './reading/ReadingView';
import { SuggestingStatus } from './suggestions/SuggestingStatus';
import { SuggestionsView } from './suggestions/SuggestionsView';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { ClaimsView } from './claims/ClaimsView';
import { DEFAULT_CLAIMS, DEFAULT_REVIEW, hrefFor, navigate, useRoute, type Route } from './router';
import { useProjectInfo } from './useProjectInfo';
import { ActorsView } from './views/ActorsView';
import { ProjectHeader } from './views/ProjectHeader';
import './highlights.css';

/** What each view shows, for the line a view that failed to draw shows instead. */
const VIEW_NAMES: Record<Route['view'], string> = {
  library: 'the library',
  review: 'the review list',
  claims: 'the claims',
  candidates: 'the candidates',
  suggestions: 'the suggestions',
  actors: 'the actors',
  actor: 'this actor’s page',
  article: 'this article',
};

/** Out of a view that failed: back where the analyst came from, or to the library from there. */
function backFrom(route: Route) {
  return route.view === 'library'
    ? { label: 'Try again', onClick: () => undefined }
    : { label: 'Go back', onClick: () => (history.length > 1 ? history.back() : navigate({ view: 'library' })) };
}

const NAV: Array<{ route: Route; label: string }> = [
  { route: { view: 'library' }, label: 'Library' },
  { route: { view: 'claims', query: DEFAULT_CLAIMS }, label: 'Claims' },
  { route: { view: 'suggestions' }, label: 'Suggestions' },
  { route: { view: 'review', query: DEFAULT_REVIEW }, label: 'Review' },
  { route: { view: 'actors' }, label: 'Actors' },
];

export function App() {
  const { info, error } = useProjectInfo();
  const route = useRoute();
  /** The Export dialog, open with this format chosen. */
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  /** Why changes are refused: the project file was deleted, moved or replaced while open. */
  const [fileGone, setFileGone] = useState<string | null>(null);
  const [preferences, setPreferences] = useState(false);
  /** File ▸ Import ▸ Annotations… in the desktop window. */
  const [importingAnnotations, setImportingAnnotations] = useState(false);
  useEffect(() => onFileGone(setFileGone), []);
  useEffect(
    () =>
      onWindowCommand((command) => {
        if (command === 'import-annotations') setImportingAnnotations(true);
        if (command === 'preferences') setPreferences(true);
      }),
    [],
  );
  // Candidates are part of reviewing: the Review tab stays current.
  const current = route.view === 'article' ? 'library' : route.view === 'actor' ? 'actors' : route.view === 'candidates' ? 'review' : route.view;
  return (
    <div className="app">
      <ProjectHeader info={info} />
      <nav className="tabs" aria-label="Views">
        {NAV.map(({ route: target, label }) => (
          <a key={label} href={hrefFor(target)} aria-current={current === target.view ? 'page' : undefined}>
            {label}
          </a>
        ))}
        <div className="spacer" />
        <button type="button" className="secondary nav-button" onClick={() => setExporting('report')}>
          Export…
        </button>
        <button type="button" className="ghost nav-button" onClick={() => setPreferences(true)}>
          Preferences…
        </button>
        <UndoRedo />
        <ShortcutsSheet />
      </nav>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {fileGone && (
        <div className="banner banner-error banner-action" role="alert">
          <span>{fileGone}</span>
          <button type="button" onClick={() => setExporting('sqlite')}>
            Save a copy…
          </button>
        </div>
      )}
      <SuggestingStatus />
      <main className={route.view === 'article' ? 'main main-reading' : route.view === 'claims' ? 'main main-wide' : 'main'}>
        <ErrorBoundary resetKey={hrefFor(route)} what={VIEW_NAMES[route.view]} back={backFrom(route)}>
          {route.view === 'library' && <LibraryView />}
          {route.view === 'actors' && <ActorsView />}
          {route.view === 'review' && <ReviewView query={route.query} />}
          {route.view === 'claims' && <ClaimsView query={route.query} />}
          {route.view === 'candidates' && <CandidatesView />}
          {route.view === 'suggestions' && <SuggestionsView />}
          {route.view === 'actor' && <ActorPage key={route.id} id={route.id} />}
          {route.view === 'article' && <ReadingView key={route.id} id={route.id} highlightId={route.highlight} />}
        </ErrorBoundary>
      </main>
      <LinkBar />
      <JobsPanel />
      {preferences && <PreferencesDialog onClose={() => setPreferences(false)} />}
      {exporting && <ExportDialog initialFormat={exporting} onClose={() => setExporting(null)} />}
      {importingAnnotations && <AnnotationImportDialog onClose={() => setImportingAnnotations(false)} />}
    </div>
  );
}
