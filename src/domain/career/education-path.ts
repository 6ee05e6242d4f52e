/** One O*NET Education, Training and Experience element as the share of workers in each category. */
export interface EducationDistribution {
  /** The category most workers report, e.g. "Bachelor's Degree". */
  typical: string;
  /** Percent of workers reporting the typical category. */
  share: number;
  categories: { category: number; description: string; share: number }[];
}

export interface EducationPath {
  education: EducationDistribution | null;
  relatedExperience: EducationDistribution | null;
  onSiteTraining: EducationDistribution | null;
  onTheJobTraining: EducationDistribution | null;
  /** Importance of a job-related professional certification, 1 (not important) to 5 (extremely). */
  certificationImportance: number | null;
}

const ELEMENTS = {
  education: ['2.D.1', 'RL'],
  relatedExperience: ['3.A.1', 'RW'],
  onSiteTraining: ['3.A.2', 'PT'],
  onTheJobTraining: ['3.A.3', 'OJ'],
} as const;

/** Summarises an occupation's ratings: per element, the categories workers report and the most common one. */
export function educationPath(
  rows: readonly {
    elementId: string;
    scaleId: string;
    category: number | null;
    description: string | null;
    value: number;
  }[],
): EducationPath {
  const distribution = ([elementId, scaleId]: readonly [string, string]): EducationDistribution | null => {
    const categories = rows
      .filter(
        (row) => row.elementId === elementId && row.scaleId === scaleId && row.category !== null && row.description,
      )
      .map((row) => ({
        category: row.category!,
        description: row.description!,
        share: Math.round(row.value * 10) / 10,
      }));
    if (categories.length === 0) return null;
    const typical = categories.reduce((best, row) => (row.share > best.share ? row : best));
    return {
      typical: typical.description,
      share: typical.share,
      categories: categories.filter((row) => row.share > 0),
    };
  };
  const certification = rows.find((row) => row.elementId === '2.D.4.a' && row.scaleId === 'IM');
  return {
    education: distribution(ELEMENTS.education),
    relatedExperience: distribution(ELEMENTS.relatedExperience),
    onSiteTraining: distribution(ELEMENTS.onSiteTraining),
    onTheJobTraining: distribution(ELEMENTS.onTheJobTraining),
    certificationImportance: certification ? Math.round(certification.value * 100) / 100 : null,
  };
}
