/** The attribution every screen that shows the data must carry (CC BY 4.0 and MIT terms). */
export interface Attribution {
  source: string;
  text: string;
  url: string;
  licence: string;
}

export const ATTRIBUTION: Attribution[] = [
  {
    source: 'O*NET',
    text:
      'This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, ' +
      'Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® ' +
      'is a trademark of USDOL/ETA.',
    url: 'https://www.onetcenter.org/database.html',
    licence: 'CC BY 4.0',
  },
  {
    source: 'GPTs-are-GPTs',
    text:
      'Task exposure labels and occupation scores from Eloundou, Manning, Mishkin and Rock (2024), ' +
      '"GPTs are GPTs: Labor market impact potential of LLMs", Science 384(6702); data from github.com/openai/GPTs-are-GPTs.',
    url: 'https://github.com/openai/GPTs-are-GPTs',
    licence: 'MIT',
  },
  {
    source: 'BLS OEWS',
    text:
      'Employment and wages: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, ' +
      'May 2021; outlook: BLS Employment Projections 2020–30 (public domain).',
    url: 'https://www.bls.gov/oes/',
    licence: 'Public domain',
  },
];

/** Shown only when ESCO skills were loaded (`upskill data load --esco`). */
export const ESCO_ATTRIBUTION: Attribution = {
  source: 'ESCO',
  text: 'This service uses the ESCO classification of the European Commission.',
  url: 'https://esco.ec.europa.eu/',
  licence: 'EU reuse (CC BY 4.0)',
};

/** Shown when the observed-use sources were loaded (they are optional). */
export const OBSERVED_USE_ATTRIBUTION: Record<string, Attribution> = {
  'anthropic-economic-index': {
    source: 'Anthropic Economic Index',
    text:
      'Observed use per task: Anthropic Economic Index (Feb 2025), Handa et al., "Which Economic ' +
      'Tasks are Performed with AI? Evidence from Millions of Claude Conversations".',
    url: 'https://huggingface.co/datasets/Anthropic/EconomicIndex',
    licence: 'MIT',
  },
  'microsoft-working-with-ai': {
    source: 'Working with AI (Microsoft)',
    text:
      'Observed use per work activity and AI applicability per occupation: Tomlinson et al. (2025), ' +
      '"Working with AI: Measuring the Occupational Implications of Generative AI"; data from github.com/microsoft/working-with-ai, ' +
      'with O*NET 29.0 parts under CC BY 4.0.',
    url: 'https://github.com/microsoft/working-with-ai',
    licence: 'CC BY 4.0',
  },
};
