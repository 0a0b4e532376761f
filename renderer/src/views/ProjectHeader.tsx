import type { ProjectInfo } from '../../../shared/domain';

const COUNTS = [
  ['articles', 'Articles'],
  ['claims', 'Claims'],
  ['contradictions', 'Contradictions'],
  ['actors', 'Actors'],
] as const;

export function ProjectHeader({ info }: { info: ProjectInfo | null }) {
  return (
    <header className="project-header">
      <div className="brand" aria-hidden="true">
        Gainsay
      </div>
      <div className="project-title">
        <h1>{info ? info.name : 'Opening project…'}</h1>
        {info && (
          <p className="project-path" title="Project file">
            <span className="visually-hidden">Project file: </span>
            <code data-testid="project-path">{info.path}</code>
            <span className="saved-note">Changes are saved as you make them.</span>
          </p>
        )}
      </div>
      <dl className="counts" aria-label="Project counts">
        {COUNTS.map(([key, label]) => (
          <div className="count" key={key}>
            <dt>{label}</dt>
            <dd data-testid={`count-${key}`}>{info ? info.counts[key].toLocaleString() : '–'}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
