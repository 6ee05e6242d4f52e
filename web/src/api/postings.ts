import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as schemas from '../../../src/api/postings-schemas';
import { getJson, sendJson, uploadForm } from './client';

// Shapes of the postings import routes, from the API's own zod schemas (type-only).
export type PostingImportRun = z.infer<typeof schemas.ImportRunSchema>;
export type PostingImportResult = z.infer<typeof schemas.ImportResultSchema>;

const POSTINGS = '/api/postings';
const IMPORTS = `${POSTINGS}/imports`;

export const usePostingImports = () =>
  useQuery({ queryKey: ['postings', 'imports'], queryFn: () => getJson<PostingImportRun[]>(IMPORTS) });

/** Sends one postings file; once stored, every market figure (and the runs list) is read again. */
export const useUploadPostings = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dataset }: { file: File; dataset: string }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (dataset.trim()) form.append('dataset', dataset.trim());
      return uploadForm<PostingImportResult>(IMPORTS, form);
    },
    onSuccess: () => {
      for (const key of ['market', 'postings']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
};

export type SampleImports = z.infer<typeof schemas.SampleImportsSchema>;

/** Imports the public samples beside the server (half a minute); then every market figure is read again. */
export const useLoadSamples = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson<SampleImports>('POST', `${POSTINGS}/samples`, {}),
    onSuccess: () => {
      for (const key of ['market', 'postings', 'insights']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
};
