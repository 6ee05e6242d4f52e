import { readFileSync } from 'node:fs';
import { GPTS, ONET_27 } from './databases.js';

export interface SourceTask {
  statement: string;
  type: string;
  human: string;
  gpt4: string;
}

/** Tasks of an occupation straight from the source files, independent of the loader. */
export function sourceTasks(code: string): Map<number, SourceTask> {
  const labels = new Map<number, string[]>();
  for (const line of readFileSync(`${GPTS}/full_labelset.tsv`, 'utf8').split('\n').slice(1)) {
    const cells = line.split('\t');
    if (cells[1] === code) labels.set(Number(cells[2]), [cells[6]!, cells[7]!]);
  }
  const tasks = new Map<number, SourceTask>();
  for (const line of readFileSync(`${ONET_27}/Task Statements.txt`, 'utf8').split('\n').slice(1)) {
    const cells = line.split('\t');
    if (cells[0] !== code) continue;
    const [human, gpt4] = labels.get(Number(cells[1]))!;
    tasks.set(Number(cells[1]), { statement: cells[2]!, type: cells[3]!, human: human!, gpt4: gpt4! });
  }
  return tasks;
}
