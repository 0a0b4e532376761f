import { useCallback, useRef, useState } from 'react';
import { MAX_WINDOW_PROJECT_JSON, SUPPORTED_EXTENSIONS, isProjectJsonName, isQdpxName, megabytes, sizeRefusal, type ImportOutcome } from '../../../shared/domain';
import { api } from '../api/client';
import { fileToBase64, type PickedFile } from './files';

export interface ImportState {
  running: boolean;
  total: number;
  done: number;
  current: string | null;
  cancelled: boolean;
  outcomes: ImportOutcome[];
}

const IDLE: ImportState = { running: false, total: 0, done: 0, current: null, cancelled: false, outcomes: [] };

/** A Gainsay project JSON export, merged into the open project. */
async function mergeProjectJson(file: File, name: string): Promise<ImportOutcome> {
  if (file.size > MAX_WINDOW_PROJECT_JSON) {
    return { name, status: 'refused', message: `“${name}” is ${megabytes(file.size)}; project files over ${megabytes(MAX_WINDOW_PROJECT_JSON)} are merged with the command line: gainsay import --project FILE “${name}”.` };
  }
  return { ...(await api.call('project.importJson', { name, text: await file.text() })), name };
}

/** A REFI-QDA .qdpx, merged into the open project (codes under "Actors" are actors, under "Tags" tags). */
async function mergeQdpx(file: File, name: string): Promise<ImportOutcome> {
  const tooLarge = sizeRefusal(name, file.size);
  if (tooLarge) return { name, status: 'refused', message: tooLarge };
  return { ...(await api.call('project.importQdpx', { name, dataBase64: await fileToBase64(file) })), name };
}

/** An article file (text, HTML, PDF, Word), imported as one article. */
async function importArticle(file: File, name: string): Promise<ImportOutcome> {
  const tooLarge = sizeRefusal(name, file.size);
  if (tooLarge) return { name, status: 'refused', message: tooLarge };
  return { ...(await api.call('articles.importFile', { name: file.name, dataBase64: await fileToBase64(file) })), name };
}

/**
 * Imports files one at a time, each in its own backend transaction, so progress is exact and
 * cancelling stops before the next file without leaving anything half-written.
 */
export function useImportQueue(onFinished: () => void) {
  const [state, setState] = useState<ImportState>(IDLE);
  const cancel = useRef(false);

  const start = useCallback(
    async (files: PickedFile[], emptyFolders: string[] = []) => {
      cancel.current = false;
      const outcomes: ImportOutcome[] = emptyFolders.map((name) => ({
        name,
        status: 'refused',
        message: `“${name}” contains no files Gainsay can import (${SUPPORTED_EXTENSIONS.join(', ')}).`,
      }));
      setState({ running: true, total: files.length, done: 0, current: null, cancelled: false, outcomes: [...outcomes] });
      for (let i = 0; i < files.length; i++) {
        if (cancel.current) break;
        const { file, name } = files[i]!;
        setState((s) => ({ ...s, current: name }));
        let outcome: ImportOutcome;
        try {
          outcome = await (isProjectJsonName(name) ? mergeProjectJson(file, name) : isQdpxName(name) ? mergeQdpx(file, name) : importArticle(file, name));
        } catch (error) {
          outcome = { name, status: 'refused', message: (error as Error).message };
        }
        outcomes.push(outcome);
        setState((s) => ({ ...s, done: i + 1, outcomes: [...outcomes] }));
      }
      setState((s) => ({ ...s, running: false, current: null, cancelled: cancel.current }));
      onFinished();
    },
    [onFinished],
  );

  const addOutcome = useCallback((outcome: ImportOutcome) => {
    setState({ ...IDLE, outcomes: [outcome] });
  }, []);

  return {
    state,
    start,
    addOutcome,
    cancel: () => {
      cancel.current = true;
    },
    dismiss: () => setState(IDLE),
  };
}
