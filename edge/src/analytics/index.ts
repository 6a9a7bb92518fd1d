export { generateBehavioralInsights } from './behavioral-insights';
export { analyzeEngagementPatterns } from './engagement-patterns';
export { calculateEngagementScore } from './engagement-score';
export { type BehavioralAnalyticsDeps, behavioralAnalyticsService } from './service';
export { detectStruggleIndicators } from './struggle-indicators';
