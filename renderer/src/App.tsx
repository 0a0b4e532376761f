import { useState } from 'react';
import { ActorPage } from './actors/ActorPage';
import { ExportDialog } from './export/ExportDialog';
import { UndoRedo } from './history/UndoRedo';
import { LibraryView } from './library/LibraryView';
import { LinkBar } from './links/LinkBar';
import { CandidatesView } from './review/CandidatesView';
import { ReviewView } from './review/ReviewView';
import { ReadingView } from './reading/ReadingView';
import { DEFAULT_REVIEW, hrefFor, useRoute, type Route } from './router';
import { useProjectInfo } from './useProjectInfo';
import { ActorsView } from './views/ActorsView';
import { ProjectHeader } from './views/ProjectHeader';
import './highlights.css';

const NAV: Array<{ route: Route; label: string }> = [
  { route: { view: 'library' }, label: 'Library' },
  { route: { view: 'review', query: DEFAULT_REVIEW }, label: 'Review' },
  { route: { view: 'actors' }, label: 'Actors' },
];

export function App() {
  const { info, error } = useProjectInfo();
  const route = useRoute();
  const [exporting, setExporting] = useState(false);
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
        <button type="button" className="secondary nav-button" onClick={() => setExporting(true)}>
          Export…
        </button>
        <UndoRedo />
      </nav>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <main className={route.view === 'article' ? 'main main-reading' : 'main'}>
        {route.view === 'library' && <LibraryView />}
        {route.view === 'actors' && <ActorsView />}
        {route.view === 'review' && <ReviewView query={route.query} />}
        {route.view === 'candidates' && <CandidatesView />}
        {route.view === 'actor' && <ActorPage key={route.id} id={route.id} />}
        {route.view === 'article' && <ReadingView key={route.id} id={route.id} highlightId={route.highlight} />}
      </main>
      <LinkBar />
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </div>
  );
}
