import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo } from '../../shared/domain';
import { api, onProjectChanged } from './api/client';

/** The open project's path and counts, with a `refresh` for after changes. */
export function useProjectInfo(): { info: ProjectInfo | null; error: string | null; refresh: () => void } {
  const [info, setInfo] = useState<ProjectInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api.call('project.info', {}).then(
      (value) => {
        setInfo(value);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(() => {
    refresh();
    return onProjectChanged(refresh);
  }, [refresh]);
  return { info, error, refresh };
}
