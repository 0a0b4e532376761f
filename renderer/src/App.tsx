import { ProjectHeader } from './views/ProjectHeader';
import { ActorsView } from './views/ActorsView';
import { useProjectInfo } from './useProjectInfo';

export function App() {
  const { info, error, refresh } = useProjectInfo();
  return (
    <div className="app">
      <ProjectHeader info={info} />
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <main className="main">
        <ActorsView onChanged={refresh} />
      </main>
    </div>
  );
}
