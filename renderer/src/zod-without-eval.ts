import { z } from 'zod';

// The window checks notes with zod (shared/notes/note-state.ts). zod's faster mode compiles
// validators with new Function, which the window's Content-Security-Policy forbids, and probes
// for it as soon as a schema is made, which is reported as a CSP violation. Imported first in
// main.tsx, so this runs before any module makes a schema.
z.config({ jitless: true });
