import { exposureHistogram, type ExposureHistogram } from '../domain/exposure/index.js';
import { dataNotLoaded, type UpskillApp } from './upskill-app.js';

/** β exposure over all occupations for both raters: the backdrop of the "you are here" chart. */
export async function exposureDistribution(
  app: UpskillApp,
): Promise<{ human: ExposureHistogram; gpt4: ExposureHistogram }> {
  const rows = await app.exposures();
  if (rows.length === 0) throw dataNotLoaded();
  return { human: exposureHistogram(rows, 'human'), gpt4: exposureHistogram(rows, 'gpt4') };
}
