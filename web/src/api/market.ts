import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as schemas from '../../../src/api/market-schemas';
import { getJson } from './client';

// Shapes of the market and insight routes, from the API's own zod schemas (type-only).
export type MarketTop = z.infer<typeof schemas.MarketTopSchema>;
export type MarketTrend = z.infer<typeof schemas.MarketTrendSchema>;
export type MarketEmerging = z.infer<typeof schemas.MarketEmergingSchema>;
export type MarketOccupation = z.infer<typeof schemas.MarketOccupationSchema>;
export type MarketTitles = z.infer<typeof schemas.MarketTitlesSchema>;
export type RankedInsights = z.infer<typeof schemas.RankedInsightsSchema>;
export type TermTrend = z.infer<typeof schemas.TermTrendSchema>;
export type MarketPoint = MarketTitles['points'][number];

export interface MarketFilter {
  period: 'month' | 'quarter' | 'half';
  occupation?: string;
  family?: string;
}

const queryString = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');

// Postings change only when someone imports: a minute's staleness keeps the page quick.
const MARKET = { staleTime: 60_000, placeholderData: keepPreviousData } as const;

export const useMarketTop = (what: 'skills' | 'tools' | 'titles' | 'occupations', filter: MarketFilter, limit = 10) =>
  useQuery({
    queryKey: ['market', 'top', what, filter, limit],
    queryFn: () => getJson<MarketTop>(`/api/market/top?${queryString({ what, ...filter, limit })}`),
    ...MARKET,
  });

export const useMarketTitles = (filter: MarketFilter) =>
  useQuery({
    queryKey: ['market', 'titles', filter],
    queryFn: () => getJson<MarketTitles>(`/api/market/titles?${queryString({ ...filter })}`),
    ...MARKET,
  });

export const useMarketEmerging = (filter: MarketFilter) =>
  useQuery({
    queryKey: ['market', 'emerging', filter],
    queryFn: () =>
      getJson<MarketEmerging>(
        `/api/market/emerging?${queryString({ occupation: filter.occupation, family: filter.family, months: 6, minSupport: 5 })}`,
      ),
    ...MARKET,
  });

export const useMarketTrend = (skill: string | undefined, filter: MarketFilter) =>
  useQuery({
    queryKey: ['market', 'trend', skill, filter],
    queryFn: () => getJson<MarketTrend>(`/api/market/trend?${queryString({ skill, ...filter })}`),
    enabled: !!skill,
    ...MARKET,
  });

export const useMarketOccupation = (code: string | undefined) =>
  useQuery({
    queryKey: ['market', 'occupation', code],
    queryFn: () => getJson<MarketOccupation>(`/api/market/occupations/${encodeURIComponent(code!)}?limit=8`),
    enabled: !!code,
    staleTime: 60_000,
  });

export const useInsights = (reader: { occupation?: string; role?: string; skills?: string[] }, limit = 3) =>
  useQuery({
    queryKey: ['insights', reader, limit],
    queryFn: () =>
      getJson<RankedInsights>(
        `/api/insights?${queryString({ occupation: reader.occupation, role: reader.role, skills: reader.skills?.join(','), limit })}`,
      ),
    staleTime: 60_000,
  });

/** A term of an already-aggregated series (hn-hiringtrends); a 404 means the series is not loaded, so no retries. */
export const useTermTrend = (series: string, term: string, period: MarketFilter['period']) =>
  useQuery({
    queryKey: ['market', 'series', series, term, period],
    queryFn: () =>
      getJson<TermTrend>(
        `/api/market/series/${encodeURIComponent(series)}/${encodeURIComponent(term)}?period=${period}`,
      ),
    retry: false,
    ...MARKET,
  });
