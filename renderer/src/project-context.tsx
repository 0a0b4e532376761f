import { createContext, useContext } from 'react';
import type { ProjectInfo } from '../../shared/domain';

export interface ProjectContextValue {
  info: ProjectInfo | null;
  /** Re-reads the project's counts after a change. */
  refresh: () => void;
}

export const ProjectContext = createContext<ProjectContextValue>({ info: null, refresh: () => {} });

export const useProject = () => useContext(ProjectContext);
