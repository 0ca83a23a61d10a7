import type { SessionSnapshot } from '../session/types';
import { harvestFileName } from './filename';
import { type HarvestOptions, harvestMarkdown } from './markdown';

/** A session's harvest as a file: what "Export Markdown" downloads and "Copy Markdown" copies. */
export interface HarvestFile {
  readonly fileName: string;
  readonly markdown: string;
}

export function harvestFile(snapshot: SessionSnapshot, options: HarvestOptions = {}): HarvestFile {
  return {
    fileName: harvestFileName(snapshot.title, snapshot.createdAt),
    markdown: harvestMarkdown(snapshot, options),
  };
}
