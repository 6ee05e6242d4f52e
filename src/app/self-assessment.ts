import { chooseAssessmentSkills, type AssessedSkill } from '../domain/planning/self-assessment.js';
import { AUGMENT, resolveTarget, startingLevels } from './build-plan.js';
import { resolveOccupation } from './show-occupation.js';
import type { UpskillApp } from './upskill-app.js';

export interface SelfAssessment {
  occupation: { code: string; title: string };
  target: { id: string; name: string };
  skills: AssessedSkill[];
}

/** The short self-assessment for a goal: up to twelve skills, each with a suggested level and its reason. */
export async function selfAssessment(
  app: UpskillApp,
  input: { occupation: string; target?: string; resumeText?: string },
): Promise<SelfAssessment> {
  const occupation = await resolveOccupation(app, input.occupation);
  const target = await resolveTarget(app, input.target ?? AUGMENT, occupation);
  const { current, source, basis } = await startingLevels(app, {
    occupationCode: occupation.code,
    ...(input.resumeText !== undefined ? { resumeText: input.resumeText } : {}),
  });
  const starts = new Map(
    [...current].map(([skillId, level]) => [
      skillId,
      { level, source: source.get(skillId)!, basis: basis.get(skillId) },
    ]),
  );
  return {
    occupation: { code: occupation.code, title: occupation.title },
    target: { id: target.id, name: target.name },
    skills: chooseAssessmentSkills(app.skillGraph(), target, starts),
  };
}
