import { ProjectHeader } from './views/ProjectHeader';
import { ActorsView } from './views/ActorsView';
import { LibraryView } from './library/LibraryView';
import { ReadingView } from './reading/ReadingView';
import { ProjectContext } from './project-context';
import { hrefFor, useRoute, type Route } from './router';
import { useProjectInfo } from './useProjectInfo';

const NAV: Array<{ route: Route; label: string }> = [
  { route: { view: 'library' }, label: 'Library' },
  { route: { view: 'actors' }, label: 'Actors' },
];

export function App() {
  const { info, error, refresh } = useProjectInfo();
  const route = useRoute();
  const current = route.view === 'article' ? 'library' : route.view;
  return (
    <ProjectContext.Provider value={{ info, refresh }}>
      <div className="app">
        <ProjectHeader info={info} />
        <nav className="tabs" aria-label="Views">
          {NAV.map(({ route: target, label }) => (
            <a key={label} href={hrefFor(target)} aria-current={current === target.view ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        {error && (
          <p className="banner banner-error" role="alert">
            {error}
          </p>
        )}
        <main className={route.view === 'article' ? 'main main-reading' : 'main'}>
          {route.view === 'library' && <LibraryView />}
          {route.view === 'actors' && <ActorsView onChanged={refresh} />}
          {route.view === 'article' && <ReadingView key={route.id} id={route.id} />}
        </main>
      </div>
    </ProjectContext.Provider>
  );
}
