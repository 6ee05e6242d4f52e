export { RISK_CLASSES, type ActivityGuidance, type RiskClass, type ToolCategory } from './activity-guidance.js';
export {
  buildTaskGuidanceIndex,
  describeActivities,
  humanOnlyReason,
  type ActivityDescription,
  type TaskGuidance,
  type TaskGuidanceIndex,
} from './task-guidance.js';
