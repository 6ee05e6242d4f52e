export * from './insight-record.js';
export * from './link-insight.js';
export * from './rank-insights.js';
