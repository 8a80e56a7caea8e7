// Child process for the crash test: applies a 200-package plan with a journal, lets `landFirst`
// writes land normally, then two writes that land but never return, then writes that hang before
// landing. The parent kills this process (SIGKILL) once 4 writes hang, i.e. mid-apply with writes
// in flight: some landed and unjournaled, some begun and not landed.
// Usage: node --import tsx crashingApply.ts <journalDir> <writesFile> <startedFile> <landFirst>
import { readFileSync } from 'node:fs';
import { runOperation } from '../../../../src/operations/executor';
import { createFileJournalStore } from '../../../../src/node/fileJournalStore';
import { FileTarget, originPlan } from './originTarget';

const [journalDir, writesFile, startedFile, landFirstText] = process.argv.slice(2) as [string, string, string, string];
const landFirst = Number(landFirstText);
const never = new Promise<void>(() => undefined);
// Keep the event loop alive while writes hang.
setInterval(() => undefined, 1_000);

const target = new FileTarget(writesFile, {
  startedFile,
  async write(_key, land) {
    const started = readFileSync(startedFile, 'utf8').split('\n').filter(Boolean).length;
    if (started <= landFirst) return land();
    if (started <= landFirst + 2) {
      land();
      return never;
    }
    return never;
  },
});

void runOperation({ plan: originPlan(200), target, journal: createFileJournalStore(journalDir), concurrency: { initial: 4 } });
