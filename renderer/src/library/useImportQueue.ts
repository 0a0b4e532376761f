import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_WINDOW_PROJECT_JSON, isProjectJsonName, isQdpxName, fileSize, sizeRefusal, type ImportOutcome } from '../../../shared/domain';
import { api } from '../api/client';
import { fileToBase64, type PickedFile } from './files';

export interface ImportState {
  running: boolean;
  total: number;
  done: number;
  current: string | null;
  cancelled: boolean;
  outcomes: ImportOutcome[];
  /** Files not imported because the import was stopped first. */
  notReached: string[];
  /** The page was reloaded or closed while this import ran (the record kept in the tab says what was done). */
  interrupted: boolean;
}

const IDLE: ImportState = { running: false, total: 0, done: 0, current: null, cancelled: false, outcomes: [], notReached: [], interrupted: false };

/**
 * A record of the import under way, kept in the tab's session storage after every file: if the
 * page is reloaded mid-import (the import then stops, as the files were in the page), it shows
 * what was imported and which files were not.
 */
const RECORD_KEY = 'gainsay.import-record';

interface ImportRecord {
  outcomes: ImportOutcome[];
  pending: string[];
}

function keepRecord(record: ImportRecord | null): void {
  try {
    if (record) sessionStorage.setItem(RECORD_KEY, JSON.stringify(record));
    else sessionStorage.removeItem(RECORD_KEY);
  } catch {
    // Storage full or refused: the warning before leaving still stands.
  }
}

function interruptedImport(): ImportState {
  try {
    const record = JSON.parse(sessionStorage.getItem(RECORD_KEY) ?? 'null') as ImportRecord | null;
    if (record && Array.isArray(record.outcomes) && Array.isArray(record.pending)) {
      return { ...IDLE, interrupted: true, outcomes: record.outcomes, notReached: record.pending.map(String) };
    }
  } catch {
    // A record that does not read is no record.
  }
  return IDLE;
}

/** A Gainsay project JSON export, merged into the open project. */
async function mergeProjectJson(file: File, name: string): Promise<ImportOutcome> {
  if (file.size > MAX_WINDOW_PROJECT_JSON) {
    return { name, status: 'refused', message: `“${name}” is ${fileSize(file.size)}; project files over ${fileSize(MAX_WINDOW_PROJECT_JSON)} are merged with the command line: gainsay import --project FILE “${name}”.` };
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
  const [state, setState] = useState<ImportState>(interruptedImport);
  const cancel = useRef(false);

  // Leaving the page stops the import: the browser asks first.
  useEffect(() => {
    if (!state.running) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.running]);

  const start = useCallback(
    /** `refused`: what was refused while the files were gathered (empty folders, brat folders). */
    async (files: PickedFile[], refused: ImportOutcome[] = []) => {
      cancel.current = false;
      const outcomes: ImportOutcome[] = [...refused];
      setState({ ...IDLE, running: true, total: files.length, outcomes: [...outcomes] });
      keepRecord({ outcomes, pending: files.map((f) => f.name) });
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
        keepRecord({ outcomes, pending: files.slice(i + 1).map((f) => f.name) });
        setState((s) => ({ ...s, done: i + 1, outcomes: [...outcomes] }));
      }
      keepRecord(null);
      const notReached = files.slice(outcomes.length - refused.length).map((f) => f.name);
      setState((s) => ({ ...s, running: false, current: null, cancelled: cancel.current, notReached }));
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
    dismiss: () => {
      keepRecord(null);
      setState(IDLE);
    },
  };
}
